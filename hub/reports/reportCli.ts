import { AlprError, EXIT } from '../../core/index.js';
import { verifyAgainstChain, type ChainVerifyOptions } from '../audit/chainVerifyCommand.js';
import type { HubServices } from '../hubServices.js';
import { parseMonth } from './month.js';
import { REPORT_KINDS, type ReportKind } from './reportDocument.js';
import { verifyReport } from './reportVerify.js';
import { reportPaths } from './reportService.js';

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
  const month = parseMonth(monthText!);
  const folder = services.reports.folder(month.month);
  if (outDir === undefined && folder && month.to <= services.audit.clock.now()) {
    // An ended month's report is written once and kept (the schedule's, a request's, or this one):
    // the host does not sign a second, different one over it.
    const manifest = await services.reports.whole(kind as ReportKind, month.month, actor);
    const { manifestPath, files } = reportPaths(folder, kind as ReportKind, month.month);
    process.stdout.write(`${JSON.stringify({ kind, month: manifest.month, manifest: manifestPath, files, auditHead: manifest.auditHead, generatedAt: manifest.generatedAt })}\n`);
    return EXIT.ok;
  }
  const report = await services.reports.generate(kind as ReportKind, monthText!, actor, outDir);
  process.stdout.write(`${JSON.stringify({ kind, month: report.manifest.month, manifest: report.manifestPath, files: report.files, auditHead: report.manifest.auditHead })}\n`);
  return EXIT.ok;
}

/**
 * `alpr-hub report verify FILE`: checks a report's signature, its files and that its audit head
 * is in this hub's chain. Like `audit verify`, it writes nothing and can run on a copy.
 */
export async function verifyReportCommand(file: string | undefined, o: ChainVerifyOptions): Promise<number> {
  if (!file) throw new AlprError('ALPR_ERR_USAGE', 'report verify needs the FILE of a report (any of its files, or its manifest)');
  return verifyAgainstChain(o, { code: 'ALPR_ERR_REPORT_VERIFY', what: 'the report' }, (publicKey, audit) => verifyReport(file, publicKey, audit));
}
