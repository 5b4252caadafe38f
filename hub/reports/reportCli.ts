import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError, EXIT, systemClock } from '../../core/index.js';
import { AuditLog } from '../audit/auditLog.js';
import type { HubServices } from '../hubServices.js';
import { openStore } from '../hubProcess.js';
import { parseMonth } from './month.js';
import { REPORT_KINDS, type ReportKind } from './reportDocument.js';
import { verifyReport } from './reportVerify.js';

/** Usage first, before keys, witness or database are opened: a kind and a month. */
export function checkReportUsage(kind: string, monthText: string | undefined): void {
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) throw new AlprError('ALPR_ERR_USAGE', `report: one of ${REPORT_KINDS.join(', ')}, or verify FILE`);
  if (monthText === undefined) throw new AlprError('ALPR_ERR_USAGE', 'report needs --month YYYY-MM');
  try {
    parseMonth(monthText);
  } catch (err) {
    throw new AlprError('ALPR_ERR_USAGE', `--${(err as Error).message}`);
  }
}

/** `alpr-hub report monthly|cpoc|transparency --month YYYY-MM [--out DIR]`: writes and signs one report, prints where. */
export async function writeReport(services: HubServices, kind: string, monthText: string | undefined, outDir: string | undefined, actor: string): Promise<number> {
  checkReportUsage(kind, monthText);
  const report = await services.reports.generate(kind as ReportKind, monthText!, actor, outDir);
  process.stdout.write(`${JSON.stringify({ kind, month: report.manifest.month, manifest: report.manifestPath, files: report.files, auditHead: report.manifest.auditHead })}\n`);
  return EXIT.ok;
}

/** The hub's signing public key: from a PEM file (public or private), or the hub's own key in DATA/keys. */
export async function signingPublicKey(publicKeyFile: string | undefined, dataDir: string): Promise<KeyObject> {
  const path = publicKeyFile ?? join(dataDir, 'keys', 'hub-sign.pem');
  try {
    return createPublicKey(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new AlprError('ALPR_ERR_USAGE', `the hub's signing key cannot be read from ${path} (give --public-key FILE, the hub's signing public key as PEM)`, { cause });
  }
}

/**
 * `alpr-hub report verify FILE`: checks a report's signature, its files and that its audit head
 * is in this hub's chain. Like `audit verify`, it writes nothing and can run on a copy.
 */
export async function verifyReportCommand(file: string | undefined, o: { dataDir: string; pgUrl: string | null; pgSchema: string; publicKeyFile: string | undefined }): Promise<number> {
  if (!file) throw new AlprError('ALPR_ERR_USAGE', 'report verify needs the FILE of a report (any of its files, or its manifest)');
  const publicKey = await signingPublicKey(o.publicKeyFile, o.dataDir);
  // The audit table holds no images; the image key is never used here, so none is read.
  const store = openStore({ ...o, clock: systemClock }, { imageKey: randomBytes(32) });
  try {
    await store.migrate();
    const result = await verifyReport(file, publicKey, new AuditLog({ sql: store.sql, clock: systemClock }));
    for (const p of result.problems) process.stdout.write(`${p}\n`);
    process.stdout.write(`${JSON.stringify({ ...result, problems: result.problems.length })}\n`);
    if (result.problems.length === 0) return EXIT.ok;
    process.stderr.write(`ALPR_ERR_REPORT_VERIFY: the report does not verify: ${result.problems[0]}\n`);
    return EXIT.failure;
  } finally {
    await store.close();
  }
}
