import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { writeDurably } from './durableWrite.js';
import { errorMessage, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import { sealAlert, toWireRead, topics, verifyAlertAck, type Uplink } from '../../sync/index.js';
import type { ReadRecord } from '../recognition.js';
import type { HotlistKeeper } from './hotlistKeeper.js';
import { EARLIEST_SANE_WALL_MS } from '../buffer/readBuffer.js';

export interface HitAlertsOptions {
  /** Pending alerts, one sealed file each, until the hub acknowledges them. */
  dir: string;
  deviceId: string;
  deviceKey: KeyObject;
  /** The hub's signing key, which acks are checked against (hits are sealed to the uplink's current hub key). */
  hub: { verifyKey: KeyObject };
  keeper: HotlistKeeper;
  uplink: Uplink;
  /**
   * How soon an unacknowledged alert is offered again; each further offer the hub takes without an
   * ack doubles the wait, up to MAX_RETRY_MS.
   */
  retryMs: number;
  /** A hit the hub has not acknowledged within this of its capture is deleted unsent (the buffer's retention). */
  retentionMs: number;
  clock: Clock;
  logger: Logger;
}

/**
 * Matches every read on the appliance and tells the hub of each hit at once, ahead of the read
 * batches, whether or not the link is up: a hit is sealed and written to disk first (fsynced), sent
 * when the link is (or comes back) up, and deleted only when the hub's signed ack names it.
 */
export class HitAlerts {
  private retry: TimerHandle | null = null;
  private flushing: Promise<void> | null = null;
  /** One more pass, asked for while a pass was running (see flush). */
  private again: Promise<void> | null = null;
  readonly counters = { hits: 0, sent: 0, acked: 0, expired: 0 };
  /**
   * Per pending file, how often the broker took it without the hub acknowledging it, and when it
   * is offered next. A hit the hub keeps refusing (a read it finds invalid, from a site the device
   * has left, sealed to a key it retired) is otherwise sent again with its images at every retry
   * for the 30 days of retention.
   */
  private readonly offers = new Map<string, { times: number; nextAt: number }>();

  readonly keeper: HotlistKeeper;

  constructor(private readonly ctx: HitAlertsOptions) {
    this.keeper = ctx.keeper;
    ctx.uplink.onTopic(topics.alertAcks(ctx.deviceId), (payload) => void this.onAck(payload));
    ctx.uplink.on('linkUp', () => void this.flush());
  }

  async start(): Promise<void> {
    await mkdir(this.ctx.dir, { recursive: true, mode: 0o700 });
    this.retry = this.ctx.clock.setInterval(() => void this.flush(), this.ctx.retryMs);
    void this.flush();
  }

  async stop(): Promise<void> {
    this.retry?.cancel();
    await (this.again ?? this.flushing);
  }

  /** Pending (unacknowledged) alerts on disk. */
  async pending(): Promise<number> {
    return (await readdir(this.ctx.dir).catch(() => [])).filter((n) => n.endsWith('.alert')).length;
  }

  /**
   * Checks one read against the list. Each hit goes to the hub at once when the link is up, and
   * is written to disk (fsynced) at the same time; it is deleted only when the hub acknowledges
   * it, so a hit found with the link down, or lost in flight, is sent again.
   */
  async check(read: ReadRecord): Promise<number> {
    const hits = this.ctx.keeper.match(read.plate, read.region);
    for (const { entry, nearMatch } of hits) {
      const sealed = sealAlert({
        deviceId: this.ctx.deviceId, read: toWireRead(read, read.hubCapturedAt ?? read.capturedAt), entryId: entry.entryId, nearMatch, matchedPlate: entry.plate,
        hotlistVersion: this.ctx.keeper.version, matchedAtMs: this.ctx.clock.now(),
      }, this.ctx.deviceKey, this.ctx.uplink.hubSealKey);
      this.counters.hits++;
      this.ctx.logger.info({ readId: read.id, entryId: entry.entryId, nearMatch }, 'hot-list hit');
      const file = `${String(Math.max(0, read.hubCapturedAt ?? read.capturedAt)).padStart(15, '0')}-${alertSuffix(read.id, entry.entryId)}`;
      const sent = this.ctx.uplink.publishNow(topics.alerts(this.ctx.deviceId), sealed).then(() => {
        this.counters.sent++;
        this.offeredOnce(file, 0);
      }, () => undefined);
      await this.write(file, sealed);
      await sent;
    }
    return hits.length;
  }

  /**
   * Offers every pending alert to the hub (oldest first); stops at the first the link refuses.
   * First deletes those past the retention limit: a hit never acknowledged (the hub unreachable
   * for a month) holds a read with its images, which may be kept no longer than the read itself,
   * nor reach the hub as a fresh alert.
   */
  flush(): Promise<void> {
    // A pass that started with the link down stops at the first alert; the link coming up (or a
    // hit) while it runs must not wait for the next retry, so a request during a pass gets one
    // more pass after it (requests during the same pass share it).
    if (this.flushing) {
      this.again ??= this.flushing.then(() => {
        this.again = null;
        return this.flush();
      });
      return this.again;
    }
    this.flushing = (async () => {
      const files = await this.dropExpired((await readdir(this.ctx.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.alert')).sort());
      for (const file of files) {
        const offered = this.offers.get(file);
        if (offered && this.ctx.clock.now() < offered.nextAt) continue;
        try {
          await this.ctx.uplink.publishNow(topics.alerts(this.ctx.deviceId), await readFile(join(this.ctx.dir, file)));
          this.counters.sent++;
          this.offeredOnce(file, offered?.times ?? 0);
        } catch (err) {
          this.ctx.logger.debug({ err: errorMessage(err) }, 'alert not sent yet; kept for the link');
          break;
        }
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** The broker took `file` for the (times + 1)th time: the next offer waits twice as long as the last. */
  private offeredOnce(file: string, times: number): void {
    const wait = Math.min(MAX_RETRY_MS, this.ctx.retryMs * 2 ** times);
    this.offers.set(file, { times: times + 1, nextAt: this.ctx.clock.now() + wait });
    if (times + 1 === UNACKED_WARN_AFTER) {
      this.ctx.logger.warn({ file, offers: times + 1 }, 'the hub took this hot-list hit without acknowledging it; it may be refusing it (see its log): offered again less and less often');
    }
  }

  private async onAck(payload: Buffer): Promise<void> {
    try {
      const ack = verifyAlertAck(payload, this.ctx.hub.verifyKey);
      if (ack.deviceId !== this.ctx.deviceId) return;
      const suffix = alertSuffix(ack.readId, ack.entryId);
      for (const file of await readdir(this.ctx.dir)) {
        if (!file.endsWith(suffix)) continue;
        await rm(join(this.ctx.dir, file), { force: true });
        this.offers.delete(file);
      }
      this.counters.acked++;
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'ignored an alert ack that does not verify');
    }
  }

  /**
   * Deletes the pending alerts captured more than retentionMs ago; returns the others. Age is
   * judged by the capture time in the file's name (the hub's time when it was known at capture)
   * against the hub's time now (else this appliance's clock); a time before 2024 is an unset RTC,
   * not a time, and such a file is left for the hub's ack.
   */
  private async dropExpired(files: string[]): Promise<string[]> {
    const now = this.ctx.uplink.hubNow() ?? this.ctx.clock.now();
    if (now < EARLIEST_SANE_WALL_MS) return files;
    const kept: string[] = [];
    let expired = 0;
    for (const file of files) {
      const capturedAt = Number(file.slice(0, file.indexOf('-')));
      if (capturedAt >= EARLIEST_SANE_WALL_MS && now - capturedAt > this.ctx.retentionMs) {
        await rm(join(this.ctx.dir, file), { force: true });
        this.offers.delete(file);
        expired++;
      } else kept.push(file);
    }
    if (expired > 0) {
      this.counters.expired += expired;
      this.ctx.logger.warn({ expired, retentionDays: this.ctx.retentionMs / 86_400_000 }, 'hot-list hits the hub never acknowledged passed the retention limit; deleted unsent');
    }
    return kept;
  }

  private write(name: string, bytes: Uint8Array): Promise<void> {
    return writeDurably(this.ctx.dir, name, bytes);
  }

}

/** The longest wait between two offers of one unacknowledged alert. */
export const MAX_RETRY_MS = 10 * 60_000;
/** After this many offers without an ack, the alert is logged as probably refused. */
const UNACKED_WARN_AFTER = 5;

/** A pending alert's file is `<capture time>-<read id>.<entry id>.alert`: sorted by name, oldest hit first. */
function alertSuffix(readId: string, entryId: string): string {
  return `-${readId}.${entryId.replace(/[^A-Za-z0-9_-]/g, '_')}.alert`;
}
