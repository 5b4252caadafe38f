import { AlprError, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import type { ProbeResult } from '../ops/readiness.js';
import type { AuditLog, AuditProblem } from './auditLog.js';
import type { ChainPoint } from './auditWitness.js';

/** verifying: the check is running; intact: it passed; broken: the chain does not verify; unchecked: the check could not run (retried). */
export type ChainState = 'verifying' | 'intact' | 'broken' | 'unchecked';

export interface ChainStartStatus {
  state: ChainState;
  startedAt: number;
  finishedAt: number | null;
  records: number;
  head: ChainPoint | null;
  /** The witness was compared from this record (its last signed checkpoint) on; null without a witness. */
  witnessFrom: number | null;
  problemCount: number;
  /** The first problems found (all of them: `alpr-hub audit verify`). */
  problems: AuditProblem[];
  /** Why the check could not run (state unchecked). */
  error: string | null;
}

const LISTED = 20;
const RETRY_MS = 30_000;

/**
 * Verifies the audit chain when a hub process starts (AuditLog.verifyAtStart), in the
 * background: the process listens at once, and /readyz reports not ready until the check passes.
 *
 * A broken chain does NOT stop the hub; it starts degraded, not ready, with the reason on /readyz,
 * an ALPR_ERR_AUDIT_CHAIN error in the log, an `audit.startCheck` record and the problems at GET
 * /api/v1/audit/start-check for admins and auditors. Refusing to start was weighed and rejected:
 * - the tampering is already done, and the evidence is the database and the witness as they are;
 *   a hub that stays up keeps appending to the same chain, which destroys nothing, while the
 *   operators' usual way out of a hub that will not start is to restore or "fix" the database;
 * - whoever can write one audit row could otherwise take the whole fleet down (every hub process
 *   refusing to start), stopping ingest and the hot-list alerts for stolen vehicles and missing
 *   persons with it;
 * - admins and auditors need the API (audit query, verify, export) to investigate.
 * Not ready takes the process out of a load balancer's rotation, so officers' searches do not
 * go to it silently, and monitoring pages whoever watches /readyz.
 */
export class AuditStartCheck {
  private current: ChainStartStatus;
  private retry: TimerHandle | null = null;
  private stopped = false;
  private running: Promise<ChainStartStatus> | null = null;

  constructor(private readonly ctx: { audit: AuditLog; clock: Clock; logger: Logger }) {
    this.current = { state: 'verifying', startedAt: ctx.clock.now(), finishedAt: null, records: 0, head: null, witnessFrom: null, problemCount: 0, problems: [], error: null };
  }

  status(): ChainStartStatus {
    return this.current;
  }

  /** Starts the check; `done()` resolves when it has an answer. */
  start(): void {
    this.running = this.run();
  }

  /** The status once the check (and, after a failure to run, its next try) has finished. */
  async done(): Promise<ChainStartStatus> {
    return (await this.running) ?? this.current;
  }

  stop(): void {
    this.stopped = true;
    this.retry?.cancel();
  }

  /** For the readiness probe: ok only once the chain verified. */
  probe(): ProbeResult {
    const s = this.current;
    if (s.state === 'intact') return { ok: true };
    if (s.state === 'verifying') return { ok: false, reason: 'verifying the audit chain (started with this process)' };
    if (s.state === 'unchecked') return { ok: false, reason: `the audit chain could not be checked (${s.error ?? 'unknown'}); trying again every ${RETRY_MS / 1000} s` };
    const first = s.problems[0]!;
    return { ok: false, reason: `ALPR_ERR_AUDIT_CHAIN: the audit chain does not verify: ${s.problemCount} problem(s), the first at record ${first.seq}: ${first.message}. Admins and auditors: GET /api/v1/audit/start-check, or alpr-hub audit verify` };
  }

  private async run(): Promise<ChainStartStatus> {
    const { audit, clock, logger } = this.ctx;
    this.current = { ...this.current, state: 'verifying', startedAt: clock.now() };
    let problems: AuditProblem[];
    let result: Awaited<ReturnType<AuditLog['verifyAtStart']>> | null = null;
    try {
      result = await audit.verifyAtStart();
      problems = result.problems;
    } catch (err) {
      // An unreadable witness is a chain that cannot be shown intact: broken, not a passing failure.
      if (!(err instanceof AlprError && err.code === 'ALPR_ERR_AUDIT_CHAIN')) return this.unchecked(err);
      problems = [{ seq: 0, problem: 'witness', message: err.message }];
    }
    this.current = {
      ...this.current, state: problems.length === 0 ? 'intact' : 'broken', finishedAt: clock.now(), records: result?.records ?? 0, head: result?.head ?? null,
      witnessFrom: result?.witnessFrom ?? null, problemCount: problems.length, problems: problems.slice(0, LISTED), error: null,
    };
    if (problems.length === 0) {
      logger.info({ records: this.current.records, witnessFrom: this.current.witnessFrom, ms: this.current.finishedAt! - this.current.startedAt }, 'audit chain verified at start');
      return this.current;
    }
    const err = new AlprError('ALPR_ERR_AUDIT_CHAIN', `the audit chain does not verify: ${problems.length} problem(s), the first at record ${problems[0]!.seq}: ${problems[0]!.message}`, { details: { problems: problems.length } });
    logger.error({ err, code: err.code, problems: this.current.problems }, 'audit chain broken at start: this hub process reports not ready until the chain is investigated and the process restarted');
    // The finding is itself in the chain, so it cannot be lost with a log file.
    await audit.append({ actor: 'system', action: 'audit.startCheck', outcome: 'failed', detail: { problems: problems.length, first: problems.slice(0, 5) } })
      .catch((cause: unknown) => logger.error({ err: cause }, 'the failed start check could not be recorded in the audit chain'));
    return this.current;
  }

  private async unchecked(err: unknown): Promise<ChainStartStatus> {
    this.current = { ...this.current, state: 'unchecked', finishedAt: this.ctx.clock.now(), error: err instanceof Error ? err.message : String(err) };
    // Stopped meanwhile: the store closing under the check is not worth an error.
    if (this.stopped) return this.current;
    this.ctx.logger.error({ err }, 'the audit chain could not be checked at start; trying again');
    this.retry = this.ctx.clock.setTimeout(() => void (this.running = this.run()), RETRY_MS);
    return this.current;
  }
}
