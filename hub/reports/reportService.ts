import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import { cpocReport } from './cpocReport.js';
import { renderCsv } from './csvReport.js';
import { renderHtml } from './htmlReport.js';
import { monthlyAudit } from './monthlyAudit.js';
import { parseMonth, type ReportMonth } from './month.js';
import { renderPdf } from './pdfReport.js';
import type { ReportContext } from './reportContext.js';
import type { ReportDocument, ReportKind } from './reportDocument.js';
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

export const baseName = (kind: ReportKind, month: string) => `${kind}-${month}`;
export const manifestName = (kind: ReportKind, month: string) => `${baseName(kind, month)}.manifest.json`;

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
  constructor(private readonly ctx: ReportContext & { clock: Clock; signingKey: KeyObject; verifyKey: KeyObject; dir: string | null }) {}

  get verifyKey(): KeyObject {
    return this.ctx.verifyKey;
  }

  /** The folder of a month's reports, or null where this hub keeps none (tests, tools). */
  folder(month: string): string | null {
    return this.ctx.dir ? join(this.ctx.dir, parseMonth(month).month) : null;
  }

  /** The signed manifest of a report already written, or null. */
  async existing(kind: ReportKind, month: string): Promise<ReportManifest | null> {
    const folder = this.folder(month);
    if (!folder) return null;
    try {
      return JSON.parse(await readFile(join(folder, manifestName(kind, month)), 'utf8')) as ReportManifest;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Computes one report. `outDir` defaults to the hub's reports folder for that month. */
  async generate(kind: ReportKind, monthText: string, actor: string, outDir?: string): Promise<GeneratedReport> {
    const month = parseMonth(monthText);
    const dir = outDir ?? this.folder(month.month);
    if (!dir) throw new AlprError('ALPR_ERR_USAGE', 'this hub has no reports folder; give an output folder');
    const head = (await this.ctx.audit.head()) ?? GENESIS_HEAD;
    const { document, data } = await this.compute(kind, month, head);
    const seal: ReportSeal = { generatedAt: new Date(this.ctx.clock.now()).toISOString(), auditHead: head };
    const base = baseName(kind, month.month);
    const contents: Record<ReportFormat, Buffer | string> = {
      json: `${JSON.stringify({ format: 'alpr-report-data/1', kind, month: month.month, ...seal, data }, null, 2)}\n`,
      csv: renderCsv(document),
      html: renderHtml(document, seal),
      pdf: await renderPdf(document, seal),
    };
    await mkdir(dir, { recursive: true, mode: 0o750 });
    const files = {} as Record<ReportFormat, string>;
    const listed: ReportManifest['files'] = [];
    for (const format of Object.keys(contents) as ReportFormat[]) {
      const name = `${base}.${format}`;
      files[format] = join(dir, name);
      await writeAtomic(files[format], contents[format]);
      listed.push({ name, sha256: sha256(contents[format]), bytes: Buffer.byteLength(contents[format]) });
    }
    const manifest = signManifest({ format: 'alpr-report/1', kind, month: month.month, generatedAt: seal.generatedAt, generatedBy: actor, auditHead: head, files: listed }, this.ctx.signingKey);
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    // The manifest goes last: a report folder with a manifest is complete.
    const manifestPath = join(dir, manifestName(kind, month.month));
    await writeAtomic(manifestPath, manifestText);
    await this.ctx.audit.append({ actor, action: 'report.generate', detail: { kind, month: month.month, auditHead: head, manifestSha256: sha256(manifestText), files: listed.map((f) => f.name) } });
    return { dir, manifestPath, manifest, files };
  }

  private async compute(kind: ReportKind, month: ReportMonth, head: ReportSeal['auditHead']): Promise<{ document: ReportDocument; data: unknown }> {
    if (kind === 'monthly') return monthlyAudit(this.ctx, month, head);
    const held = await this.ctx.store.readsBySiteDay(month);
    if (kind === 'cpoc') return cpocReport(this.ctx, month, head, held);
    return transparencyReport(this.ctx, month, head, held);
  }
}
