import { errorMessage, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { JobLease } from '../ops/jobLease.js';
import { previousMonth } from './month.js';
import { REPORT_KINDS } from './reportDocument.js';
import type { ReportService } from './reportService.js';

/** How often the schedule looks for a month whose reports are due. */
export const REPORT_CHECK_MS = 3600_000;

/**
 * With several hub processes (a lease), one of them claims each report of a month for longer than
 * the month lasts: the others' reports folders never get a second scheduled copy. A scheduled run
 * that fails is logged and audited; `alpr-hub report` or the API then writes it.
 */
const FLEET_CLAIM_MS = 40 * 86_400_000;

/**
 * The month's reports, once: every hour the schedule looks for last month's reports in the hub's
 * reports folder and writes those missing, so they appear within the hour after midnight UTC on
 * the first of the month (or within the hour after a start that missed it), and never twice. A
 * failure is logged and audited, and the next check tries again.
 */
export class ReportSchedule {
  private timer: TimerHandle | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: { reports: ReportService; audit: AuditLog; clock: Clock; logger: Logger; checkEveryMs?: number; lease?: JobLease | null }) {}

  start(): void {
    this.timer = this.ctx.clock.setInterval(() => {
      this.running = this.running.then(() => this.runDue());
    }, this.ctx.checkEveryMs ?? REPORT_CHECK_MS);
  }

  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    await this.running;
  }

  /** Writes last month's reports that are not there yet; returns the kinds written. */
  async runDue(): Promise<string[]> {
    const { month } = previousMonth(this.ctx.clock.now());
    const written: string[] = [];
    for (const kind of REPORT_KINDS) {
      try {
        const held = await this.ctx.reports.existing(kind, month);
        if (held && !held.through) continue;
        if (this.ctx.lease && !(await this.ctx.lease.claim(`report:${kind}:${month}`, FLEET_CLAIM_MS))) continue;
        const manifest = await this.ctx.reports.whole(kind, month, 'system');
        this.ctx.logger.info({ kind, month, generatedAt: manifest.generatedAt }, 'monthly report written');
        written.push(kind);
      } catch (err) {
        this.ctx.logger.error({ kind, month, err: errorMessage(err) }, 'monthly report failed; the next check tries again');
        await this.ctx.audit.append({ actor: 'system', action: 'report.generate', outcome: 'failed', detail: { kind, month, error: errorMessage(err) } }).catch(() => undefined);
      }
    }
    return written;
  }
}
