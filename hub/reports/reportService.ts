import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import { cpocReport } from './cpocReport.js';
import { renderCsv } from './csvReport.js';
import { renderHtml } from './htmlReport.js';
import { monthlyAudit } from './monthlyAudit.js';
import { monthThrough, parseMonth, type ReportMonth } from './month.js';
import { renderPdf } from './pdfReport.js';
import type { ReportContext } from './reportContext.js';
import type { ReportDocument, ReportKind } from './reportDocument.js';
import { withReportLock } from './reportLock.js';
import { GENESIS_HEAD, sha256, signManifest, type ReportManifest, type ReportSeal } from './reportSeal.js';
import { transparencyReport } from './transparency.js';

export const REPORT_FORMATS = ['pdf', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface GeneratedReport {
  dir: string;
  manifestPath: string;
  manifest: ReportManifest;
  /** The path of each format's file. */
  files: Record<ReportFormat, string>;
}

/**
 * How long a "so far" report of the running month is served before the next request writes a
 * fresh one: recent enough for an auditor watching the month, without a new report (and a new
 * `report.generate` audit record) on every page view.
 */
export const SO_FAR_REFRESH_MS = 5 * 60_000;

export const baseName = (kind: ReportKind, month: string) => `${kind}-${month}`;
export const manifestName = (kind: ReportKind, month: string) => `${baseName(kind, month)}.manifest.json`;

/** Where a report's renderings and its manifest are, in the folder `dir`. */
export function reportPaths(dir: string, kind: ReportKind, month: string): { manifestPath: string; files: Record<ReportFormat, string> } {
  const files = Object.fromEntries(REPORT_FORMATS.map((format) => [format, join(dir, `${baseName(kind, month)}.${format}`)])) as Record<ReportFormat, string>;
  return { manifestPath: join(dir, manifestName(kind, month)), files };
}

/** Writes beside the target and renames, so a reader never sees half a file. */
async function writeAtomic(path: string, data: Buffer | string): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, data, { mode: 0o640 });
  await rename(temp, path);
}

/**
 * The oversight reports (General Order 4.68 VII.E-G): each computed from the audit chain up to
 * its current head and from the store, rendered as PDF and HTML with charts and as CSV and JSON,
 * and sealed by a manifest the hub signs; the generation itself is audited (`report.generate`).
 */
export class ReportService {
  /** Generations in progress, by folder, kind and month: one at a time each, in this process (and withReportLock across processes). */
  private readonly runs = new Map<string, Promise<ReportManifest>>();

  constructor(private readonly ctx: ReportContext & { clock: Clock; signingKey: KeyObject; verifyKey: KeyObject; dir: string | null }) {}

  get verifyKey(): KeyObject {
    return this.ctx.verifyKey;
  }

  /** The folder of a month's reports, or null where this hub keeps none (tests, tools). */
  folder(month: string): string | null {
    return this.ctx.dir ? join(this.ctx.dir, parseMonth(month).month) : null;
  }

  /**
   * The folder of a running month's "so far" reports (`so-far/YYYY-MM/` in the reports folder):
   * apart from the month's own folder, so the schedule's whole-month report on the first is
   * written, and found, as if no "so far" report had been asked for.
   */
  soFarFolder(month: string): string | null {
    return this.ctx.dir ? join(this.ctx.dir, 'so-far', parseMonth(month).month) : null;
  }

  /** The signed manifest of a report already written (in `folder`, by default the month's own), or null. */
  async existing(kind: ReportKind, month: string, folder = this.folder(month)): Promise<ReportManifest | null> {
    if (!folder) return null;
    try {
      return JSON.parse(await readFile(join(folder, manifestName(kind, month)), 'utf8')) as ReportManifest;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /**
   * The running month's report so far, for `kind`: the one written within the last
   * SO_FAR_REFRESH_MS, or a fresh one. One generation at a time per report, so a burst of
   * requests writes it once and every caller reads finished files.
   */
  soFar(kind: ReportKind, monthText: string, actor: string): Promise<ReportManifest> {
    const month = parseMonth(monthText);
    const folder = this.soFarFolder(month.month);
    if (!folder) throw new AlprError('ALPR_ERR_NOT_FOUND', 'this hub keeps no reports folder');
    return this.oneAtATime(folder, kind, month.month, async () => {
      const held = await this.existing(kind, month.month, folder);
      const now = this.ctx.clock.now();
      if (held?.through && now - Date.parse(held.generatedAt) < SO_FAR_REFRESH_MS && now >= Date.parse(held.generatedAt)) return held;
      return (await this.write(kind, month.month, actor, folder)).manifest;
    });
  }

  /**
   * An ended month's report: the one written, or one written now, once. Requests arriving together
   * (or a request meeting the schedule) wait for the one generation: two would sign two reports,
   * and the first caller's manifest would no longer match the files on disk. A manifest that says
   * `through` covers part of the month only (written before it ended) and is written again.
   */
  whole(kind: ReportKind, monthText: string, actor: string): Promise<ReportManifest> {
    const month = parseMonth(monthText);
    const folder = this.folder(month.month);
    if (!folder) throw new AlprError('ALPR_ERR_NOT_FOUND', 'this hub keeps no reports folder');
    return this.oneAtATime(folder, kind, month.month, async () => {
      const held = await this.existing(kind, month.month, folder);
      return held && !held.through ? held : (await this.write(kind, month.month, actor, folder)).manifest;
    });
  }

  /**
   * Runs `work` after any run for the same report and folder still in progress, so a burst writes
   * the report once, and holding the report's lock, so that another process writing it (the host's
   * `alpr-hub report`, a second hub) is waited for and its report found.
   */
  private oneAtATime(folder: string, kind: ReportKind, month: string, work: () => Promise<ReportManifest>): Promise<ReportManifest> {
    const key = `${folder}\t${kind}\t${month}`;
    const run = (this.runs.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => withReportLock(folder, baseName(kind, month), work));
    this.runs.set(key, run);
    // Once settled, the manifest on disk says what is held: the map keeps only runs in progress.
    const settled = () => {
      if (this.runs.get(key) === run) this.runs.delete(key);
    };
    run.then(settled, settled);
    return run;
  }

  /**
   * Computes one report. `outDir` defaults to the hub's reports folder for that month, or for a
   * month that has not ended, its "so far" folder: such a month is reported up to now (every
   * rendering and the manifest say so, `through`), and in the month's own folder it would stand
   * for the whole month once the month ended.
   */
  async generate(kind: ReportKind, monthText: string, actor: string, outDir?: string): Promise<GeneratedReport> {
    const whole = parseMonth(monthText);
    const month = monthThrough(whole, this.ctx.clock.now());
    const dir = outDir ?? (month.to < whole.to ? this.soFarFolder(month.month) : this.folder(month.month));
    if (!dir) throw new AlprError('ALPR_ERR_USAGE', 'this hub has no reports folder; give an output folder');
    return withReportLock(dir, baseName(kind, month.month), () => this.write(kind, monthText, actor, dir));
  }

  /** generate's work, into `dir`, for a caller that holds the report's lock there. */
  private async write(kind: ReportKind, monthText: string, actor: string, dir: string): Promise<GeneratedReport> {
    const now = this.ctx.clock.now();
    const whole = parseMonth(monthText);
    const month = monthThrough(whole, now);
    const partial = month.to < whole.to;
    const head = (await this.ctx.audit.head()) ?? GENESIS_HEAD;
    const { document, data } = await this.compute(kind, month, head);
    const through = partial ? { through: new Date(now).toISOString() } : {};
    const seal: ReportSeal = { generatedAt: new Date(now).toISOString(), auditHead: head, ...through };
    const base = baseName(kind, month.month);
    const contents: Record<ReportFormat, Buffer | string> = {
      json: `${JSON.stringify({ format: 'alpr-report-data/1', kind, month: month.month, ...seal, data }, null, 2)}\n`,
      csv: renderCsv(document),
      html: renderHtml(document, seal),
      pdf: await renderPdf(document, seal),
    };
    await mkdir(dir, { recursive: true, mode: 0o750 });
    const { files, manifestPath } = reportPaths(dir, kind, month.month);
    const listed: ReportManifest['files'] = [];
    for (const format of Object.keys(contents) as ReportFormat[]) {
      const name = `${base}.${format}`;
      await writeAtomic(files[format], contents[format]);
      listed.push({ name, sha256: sha256(contents[format]), bytes: Buffer.byteLength(contents[format]) });
    }
    const manifest = signManifest({ format: 'alpr-report/1', kind, month: month.month, generatedAt: seal.generatedAt, generatedBy: actor, auditHead: head, ...through, files: listed }, this.ctx.signingKey);
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    // The manifest goes last: a report folder with a manifest is complete.
    await writeAtomic(manifestPath, manifestText);
    // Files cannot share the audit log's transaction: the report is written first and recorded
    // after, so a record never names a report that is not there; one whose record fails is left
    // unrecorded on disk (the caller is told, and generating it again overwrites and records it).
    await this.ctx.audit.append({ actor, action: 'report.generate', detail: { kind, month: month.month, ...through, auditHead: head, manifestSha256: sha256(manifestText), files: listed.map((f) => f.name) } });
    return { dir, manifestPath, manifest, files };
  }

  private async compute(kind: ReportKind, month: ReportMonth, head: ReportSeal['auditHead']): Promise<{ document: ReportDocument; data: unknown }> {
    if (kind === 'monthly') return monthlyAudit(this.ctx, month, head);
    const held = await this.ctx.store.readsBySiteDay(month);
    if (kind === 'cpoc') return cpocReport(this.ctx, month, head, held);
    return transparencyReport(this.ctx, month, head, held);
  }
}
