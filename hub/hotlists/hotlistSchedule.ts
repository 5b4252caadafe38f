import { readFile } from 'node:fs/promises';
import { AlprError, errorMessage, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import { claimPeriod, type JobLease } from '../ops/jobLease.js';
import type { HotlistService, HotlistSource } from './hotlistService.js';

/** The largest extract the hub reads (a statewide hot file is tens of MB). */
const MAX_EXTRACT_BYTES = 256 * 1024 * 1024;

/** Reads a source's extract from its drop-folder file or its URL. */
export async function fetchExtract(location: string, timeoutMs = 60_000): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    let response: Response;
    try {
      response = await fetch(location, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw new AlprError('ALPR_ERR_HOTLIST_SOURCE', `hot-list source ${location} cannot be reached`, { cause });
    }
    if (!response.ok) throw new AlprError('ALPR_ERR_HOTLIST_SOURCE', `hot-list source ${location} answered HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_EXTRACT_BYTES) throw new AlprError('ALPR_ERR_HOTLIST_SOURCE', `hot-list source ${location} is ${length} bytes, over the ${MAX_EXTRACT_BYTES}-byte limit`);
    return response.text();
  }
  try {
    return await readFile(location, 'utf8');
  } catch (cause) {
    throw new AlprError('ALPR_ERR_HOTLIST_SOURCE', `hot-list extract ${location} cannot be read`, { cause });
  }
}

/**
 * Imports each configured source on its schedule (and once at start), and retires expired
 * entries every minute. A failed import keeps the list as it was and is logged and audited.
 * With a lease (several hub processes on one database), each import and expiry runs once across
 * them per period.
 */
export class HotlistSchedule {
  private timers: TimerHandle[] = [];
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: { hotlists: HotlistService; sources: HotlistSource[]; audit: { append(e: { actor: string; action: string; outcome?: 'failed'; detail?: Record<string, unknown> }): Promise<unknown> }; clock: Clock; logger: Logger; lease?: JobLease | null }) {}

  async start(): Promise<void> {
    for (const source of this.ctx.sources) {
      const everyMs = source.everyMinutes * 60_000;
      const job = `hotlist.import:${source.mapping.source}:${source.location}`;
      this.queue(job, everyMs, () => this.importOnce(source));
      this.timers.push(this.ctx.clock.setInterval(() => this.queue(job, everyMs, () => this.importOnce(source)), everyMs));
    }
    this.timers.push(this.ctx.clock.setInterval(() => this.queue('hotlist.expire', 60_000, () => this.ctx.hotlists.expire()), 60_000));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) timer.cancel();
    this.timers = [];
    await this.running;
  }

  async importOnce(source: HotlistSource): Promise<void> {
    try {
      const text = await fetchExtract(source.location);
      await this.ctx.hotlists.importExtract(text, source.mapping, 'system', source.location);
    } catch (err) {
      this.ctx.logger.error({ source: source.mapping.source, location: source.location, err: errorMessage(err) }, 'hot-list import failed; the list is unchanged');
      await this.ctx.audit.append({ actor: 'system', action: 'hotlist.import', outcome: 'failed', detail: { source: source.mapping.source, origin: source.location, error: errorMessage(err) } }).catch(() => undefined);
    }
  }

  /** Queues a scheduled job: it runs unless another hub process claimed this period's run. */
  private queue(job: string, everyMs: number, task: () => Promise<unknown>): void {
    const lease = this.ctx.lease;
    const claimed = async () => {
      if (!lease || (await lease.claim(job, claimPeriod(everyMs)))) await task();
    };
    this.running = this.running.then(claimed).catch((err: unknown) => this.ctx.logger.error({ err: errorMessage(err) }, 'hot-list job failed'));
  }
}
