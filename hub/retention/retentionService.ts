import type { Clock, Logger, TimerHandle } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import { claimPeriod, type JobLease } from '../ops/jobLease.js';
import type { HubStore, PurgeReport } from '../store/index.js';

export interface RetentionOptions {
  /** VI: reads and images are kept at most this long (30 days). */
  retentionMs: number;
  /** How often the purge runs besides at start. */
  intervalMs: number;
}

export const DEFAULT_RETENTION: RetentionOptions = { retentionMs: 30 * 86_400_000, intervalMs: 3600_000 };

/**
 * The rolling 30-day purge (General Order 4.68 VI): at start and then on a schedule, every read
 * and image older than the retention period is deleted unless an evidence hold keeps it, and each
 * run writes its proof of deletion (counts per day, a digest of the deleted ids) to the audit chain.
 * With a lease (several hub processes on one PostgreSQL), the scheduled runs happen once across
 * them; a manual run always runs.
 */
export class RetentionService {
  private timer: TimerHandle | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly ctx: {
    store: HubStore; audit: AuditLog; clock: Clock; logger: Logger; options: RetentionOptions; lease?: JobLease | null;
    /** Alerts copy their read's plate: blanked by the same cutoff (AlertService.forgetBefore). */
    alerts?: { forgetBefore(cutoff: number): Promise<number> };
    /** Holds no audit record placed are released first (EvidenceService.releaseUnaudited). */
    holds?: { releaseUnaudited(): Promise<string[]> };
  }) {}

  async start(): Promise<void> {
    await this.scheduled('start');
    this.timer = this.ctx.clock.setInterval(() => {
      if (this.running) return; // the previous run is still going; the next tick catches up
      this.scheduled('schedule').catch((err: unknown) => this.ctx.logger.error({ err }, 'scheduled purge failed; it runs again next interval'));
    }, this.ctx.options.intervalMs);
  }

  /**
   * A start or scheduled run, unless another hub process has claimed this period's. It takes its
   * place in the queue at once and claims when its turn comes, so a manual run asked for
   * meanwhile still waits behind it.
   */
  private scheduled(reason: 'start' | 'schedule'): Promise<PurgeReport | null> {
    const lease = this.ctx.lease;
    const periodMs = claimPeriod(this.ctx.options.intervalMs);
    return this.enqueue(async () => (!lease || (await lease.claim('retention.purge', periodMs)) ? this.purge(reason, 'system') : null));
  }

  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One purge, after any run in progress (its cutoff is taken when it starts). */
  run(reason: 'start' | 'schedule' | 'manual', actor: string): Promise<PurgeReport> {
    return this.enqueue(() => this.purge(reason, actor));
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = (this.running ?? Promise.resolve()).catch(() => undefined).then(job);
    this.running = next;
    const clear = () => {
      if (this.running === next) this.running = null;
    };
    next.then(clear, clear);
    return next;
  }

  private async purge(reason: string, actor: string): Promise<PurgeReport> {
    const cutoff = this.ctx.clock.now() - this.ctx.options.retentionMs;
    // The purge's record follows it rather than sharing its transaction: the store purges in
    // several transactions (one per dropped day partition on PostgreSQL, DDL included), and
    // deleting reads past 30 days is what VI requires whatever the audit log's state, so a purge
    // is never rolled back for its record. If the record cannot be written the run fails (and is
    // logged by the schedule): the deletion stands without its record, a gap accepted rather than
    // keeping reads past retention. (Hold releases are recorded with their own change.)
    const unaudited = (await this.ctx.holds?.releaseUnaudited()) ?? [];
    const report = await this.ctx.store.purgeReadsBefore(cutoff);
    const alertsBlanked = (await this.ctx.alerts?.forgetBefore(cutoff)) ?? 0;
    const released = unaudited.length > 0 ? { unauditedHoldsReleased: unaudited } : {};
    await this.ctx.audit.append({ actor, action: 'retention.purge', detail: { reason, ...report, alertsBlanked, ...released, cutoff: new Date(cutoff).toISOString() } });
    this.ctx.logger.info({ deleted: report.deleted, keptOnHold: report.keptOnHold }, 'retention purge done');
    return report;
  }
}
