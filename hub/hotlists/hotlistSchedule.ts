import { readFile } from 'node:fs/promises';
import { AlprError, errorMessage, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import { claimPeriod, type JobLease } from '../ops/jobLease.js';
import type { HotlistService, HotlistSource } from './hotlistService.js';

/** The largest extract the hub reads (a statewide hot file is tens of MB). */
const MAX_EXTRACT_BYTES = 256 * 1024 * 1024;

/**
 * Reads a source's extract from its drop-folder file or its URL. An HTTP body is counted as it
 * arrives: a source that declares no length (chunked) or a false one is cut off at `maxBytes`
 * instead of filling the hub's memory.
 */
export async function fetchExtract(location: string, timeoutMs = 60_000, maxBytes = MAX_EXTRACT_BYTES): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    const tooLarge = (what: string) => new AlprError('ALPR_ERR_HOTLIST_SOURCE', `hot-list source ${location} ${what}, over the ${maxBytes}-byte limit`);
    try {
      const response = await fetch(location, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new AlprError('ALPR_ERR_HOTLIST_SOURCE', `hot-list source ${location} answered HTTP ${response.status}`);
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > maxBytes) throw tooLarge(`declares ${declared} bytes`);
      const chunks: Uint8Array[] = [];
      let received = 0;
      for await (const chunk of response.body ?? []) {
        received += chunk.length;
        if (received > maxBytes) throw tooLarge(`sent more than ${maxBytes} bytes`);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString('utf8');
    } catch (cause) {
      if (cause instanceof AlprError) throw cause;
      throw new AlprError('ALPR_ERR_HOTLIST_SOURCE', `hot-list source ${location} cannot be reached or broke off`, { cause });
    }
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
