import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { writeDurably } from './durableWrite.js';
import { errorMessage, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import { alpr, sealAlert, toWireRead, topics, verifyAlertAck, type Uplink } from '../../sync/index.js';
import type { ReadRecord } from '../recognition.js';
import type { HotlistKeeper } from './hotlistKeeper.js';
import { ElapsedClock, isSaneWall, MAX_ELAPSED_MS, parseSavedClock } from '../buffer/elapsedClock.js';

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
  /**
   * A hit the hub has not acknowledged this long after it was written is deleted unsent (the
   * buffer's retention), measured on the spool's own elapsed-time clock (SpoolClock), as the buffer
   * measures its reads: never by a wall clock, which may read 1970 or years ahead.
   */
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
  readonly counters = { hits: 0, sent: 0, acked: 0, expired: 0, refused: 0 };
  private readonly spool: SpoolClock;
  private opened: Promise<void> | null = null;
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
    this.spool = new SpoolClock(ctx.dir, ctx.clock);
    ctx.uplink.onTopic(topics.alertAcks(ctx.deviceId), (payload) => void this.onAck(payload));
    ctx.uplink.on('linkUp', () => void this.flush());
  }

  async start(): Promise<void> {
    await this.open();
    this.retry = this.ctx.clock.setInterval(() => void this.flush(), this.ctx.retryMs);
    void this.flush();
  }

  async stop(): Promise<void> {
    this.retry?.cancel();
    await (this.again ?? this.flushing);
    // Only a clock that was opened is saved: one not yet read back would save a reading set back.
    if (this.opened && (await this.opened.then(() => true, () => false))) await this.saveClock();
  }

  /**
   * Creates the folder and starts the spool's clock where it stood (never below the newest file's
   * stamp). Files named by an older release (`<capture time>-...`) are stamped on this clock as the
   * buffer restamps reads it repairs: aged from their capture time where that and the wall clock are
   * real times, else as old as the clock.
   */
  private open(): Promise<void> {
    this.opened ??= (async () => {
      await mkdir(this.ctx.dir, { recursive: true, mode: 0o700 });
      const names = (await readdir(this.ctx.dir)).filter((n) => n.endsWith('.alert'));
      const wall = this.ctx.clock.now();
      // An older release's file, and its age where its capture time and the wall clock tell it (null: as old as the clock).
      const legacy = names.flatMap((name) => {
        const m = /^(\d{1,16})(-.+)$/.exec(name);
        if (!m) return [];
        const capturedAt = Number(m[1]);
        return [{ name, suffix: m[2]!, age: isSaneWall(wall) && isSaneWall(capturedAt) && wall >= capturedAt ? Math.min(wall - capturedAt, MAX_ELAPSED_MS) : null }];
      });
      // The clock reads at least the newest stamp and the oldest known age, so every stamp fits on it.
      await this.spool.open(Math.max(0, ...names.map((n) => stampOf(n) ?? 0), ...legacy.map((l) => l.age ?? 0)));
      for (const { name, suffix, age } of legacy) {
        const now = this.spool.now();
        await rename(join(this.ctx.dir, name), join(this.ctx.dir, spoolName(age === null ? 0 : now - age, suffix))).catch((err: unknown) => {
          this.ctx.logger.warn({ file: name, err: errorMessage(err) }, 'a pending hot-list hit could not be restamped; it counts as past retention');
        });
      }
    })().catch((err: unknown) => {
      this.opened = null;
      throw err;
    });
    return this.opened;
  }

  /** Saves the spool's clock (as the buffer saves its own with every write), so that a restart with an unset RTC does not set it back. */
  private async saveClock(): Promise<void> {
    try {
      await this.spool.save();
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'the hot-list spool\'s clock could not be saved');
    }
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
    if (hits.length > 0) await this.open();
    for (const { entry, nearMatch } of hits) {
      const sealed = sealAlert({
        deviceId: this.ctx.deviceId, read: toWireRead(read, this.ctx.uplink.wireCaptureTime(read)), entryId: entry.entryId, nearMatch, matchedPlate: entry.plate,
        hotlistVersion: this.ctx.keeper.version, matchedAtMs: this.ctx.clock.now(),
      }, this.ctx.deviceKey, this.ctx.uplink.hubSealKey);
      this.counters.hits++;
      this.ctx.logger.info({ readId: read.id, entryId: entry.entryId, nearMatch }, 'hot-list hit');
      // Named by when it was written on the spool's clock, which is what ages it (not the capture time).
      const file = spoolName(this.spool.now(), alertSuffix(read.id, entry.entryId));
      const sent = this.ctx.uplink.publishNow(topics.alerts(this.ctx.deviceId), sealed).then(() => {
        this.counters.sent++;
        this.offeredOnce(file, 0);
      }, () => undefined);
      await this.write(file, sealed);
      await this.saveClock();
      await sent;
    }
    return hits.length;
  }

  /**
   * Offers every pending alert to the hub (oldest first); stops at the first the link refuses.
   * First deletes those past the retention limit: a hit never acknowledged (the hub unreachable
   * for a month, or refusing it) holds a read with its images, which may be kept no longer than the
   * read itself, nor reach the hub as a fresh alert.
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
      try {
        await this.open();
      } catch (err) {
        // Called from timers and link events: a folder that cannot be read is logged, never thrown.
        this.ctx.logger.error({ err: errorMessage(err) }, 'the hot-list spool cannot be opened; pending hits wait');
        return;
      }
      const files = await this.dropExpired((await readdir(this.ctx.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.alert')).sort());
      // While hits wait, their age must survive a restart with an unset RTC.
      if (files.length > 0 && this.spool.unsavedFor() >= CLOCK_SAVE_EVERY_MS) await this.saveClock();
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
      const refusal = ack.refusal ?? alpr.v1.AlertRefusal.ALERT_REFUSAL_NONE;
      if (refusal !== alpr.v1.AlertRefusal.ALERT_REFUSAL_NONE && refusal !== alpr.v1.AlertRefusal.ALERT_REFUSAL_EXPIRED) {
        this.ctx.logger.warn({ readId: ack.readId, entryId: ack.entryId, refusal, reason: ack.reason }, 'the hub refused a hot-list hit for a reason this firmware does not know; kept until retention');
        return;
      }
      const suffix = alertSuffix(ack.readId, ack.entryId);
      for (const file of await readdir(this.ctx.dir)) {
        if (!file.endsWith(suffix)) continue;
        await rm(join(this.ctx.dir, file), { force: true });
        this.offers.delete(file);
      }
      if (refusal === alpr.v1.AlertRefusal.ALERT_REFUSAL_EXPIRED) {
        // Final: the hub deletes such a read rather than take it in, so offering it again only
        // keeps the plate and its images here, and sends them, until retention.
        this.counters.refused++;
        this.ctx.logger.warn({ readId: ack.readId, entryId: ack.entryId, reason: ack.reason }, 'the hub refused a hot-list hit as past the retention period; deleted unsent');
        return;
      }
      this.counters.acked++;
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'ignored an alert ack that does not verify');
    }
  }

  /**
   * Deletes the pending alerts written retentionMs or more ago on the spool's clock, whatever the
   * wall clock or the hub's time says; returns the others. A file whose name holds no reading of
   * that clock (none, or one it has not reached) counts as old as can be, as the buffer counts a
   * read whose append time is no reading of its clock.
   */
  private async dropExpired(files: string[]): Promise<string[]> {
    const now = this.spool.now();
    const kept: string[] = [];
    let expired = 0;
    for (const file of files) {
      const written = stampOf(file);
      if (written === null || written > now || now - written >= this.ctx.retentionMs) {
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

/** While hits are pending, the spool's clock is saved at least this often (and with every hit written, and at stop). */
const CLOCK_SAVE_EVERY_MS = 60_000;
const CLOCK_FILE = 'clock.json';

/**
 * A pending alert's file is `e<written, on the spool's clock>-<read id>.<entry id>.alert`: sorted
 * by name, oldest hit first. (An older release named it by the capture time, without the `e`.)
 */
function alertSuffix(readId: string, entryId: string): string {
  return `-${readId}.${entryId.replace(/[^A-Za-z0-9_-]/g, '_')}.alert`;
}

function spoolName(written: number, suffix: string): string {
  return `e${String(Math.floor(written)).padStart(15, '0')}${suffix}`;
}

/** When the file was written on the spool's clock, or null when its name holds no reading of it. */
function stampOf(name: string): number | null {
  const m = /^e(\d{1,16})-/.exec(name);
  const written = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(written) && written <= MAX_ELAPSED_MS ? written : null;
}

/**
 * The spool's elapsed-time clock, by the read buffer's rule (ElapsedClock), saved in the spool's
 * folder. An unset RTC or a wall clock set back cannot keep a hit past the limit; one set forward
 * while the box was off only deletes early. It never reads less than the newest file's stamp.
 */
class SpoolClock {
  private readonly elapsed: ElapsedClock;
  private savedAtMono = 0;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string, private readonly clock: Clock) {
    this.elapsed = new ElapsedClock(clock);
  }

  async open(latestStamp: number): Promise<void> {
    let saved: unknown = null;
    try {
      saved = JSON.parse(await readFile(join(this.dir, CLOCK_FILE), 'utf8'));
    } catch {
      // None yet, or unreadable: the clock starts from the newest file's stamp.
    }
    this.elapsed.open(parseSavedClock(saved), latestStamp);
    this.savedAtMono = this.clock.monotonic();
  }

  /** Whole milliseconds: the readings are written into file names. */
  now(): number {
    return Math.floor(this.elapsed.now());
  }

  /** Monotonic time since the clock was last saved (or opened). */
  unsavedFor(): number {
    return this.clock.monotonic() - this.savedAtMono;
  }

  save(): Promise<void> {
    const run = this.saving.then(async () => {
      const { elapsed, lastWall } = this.elapsed.toSave();
      this.savedAtMono = this.clock.monotonic();
      await writeDurably(this.dir, CLOCK_FILE, Buffer.from(JSON.stringify({ elapsed: Math.floor(elapsed), lastWall })));
    });
    this.saving = run.catch(() => undefined);
    return run;
  }
}
