import { randomUUID } from 'node:crypto';
import { ClassicLevel } from 'classic-level';
import { AlprError, errorMessage, type Clock, type Logger } from '../../core/index.js';
import type { BufferBatch, BufferStats } from '../../sync/index.js';
import type { ReadRecord, ReadStore } from '../recognition.js';
import type { DataKey } from './dataKey.js';
import { Quarantine } from './quarantine.js';
import { appendElapsedOfRecord, decryptRead, encryptRead, keyIdOfRecord } from './recordCodec.js';
import { validateRead } from './validateRead.js';
import { currentFileLost, damageReason, isStoreDamage, setAsideStore, setAsideStores } from './storeDamage.js';
import { ElapsedClock, isElapsed, isSaneWall, parseSavedClock } from './elapsedClock.js';

export { EARLIEST_SANE_WALL_MS } from './elapsedClock.js';
export const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

export interface ReadBufferOptions {
  /** LevelDB folder. */
  path: string;
  /** keys[0] encrypts new reads; all of them can decrypt (older keys during rotation). */
  keys: DataKey[];
  retentionMs: number;
  /** Budget for stored (encrypted) bytes; beyond it the oldest reads are evicted and counted as loss. */
  maxBytes: number;
  /** A batch handed out and neither acknowledged nor released within this comes back. */
  leaseMs: number;
  /** How often expired reads are evicted (also at open). */
  evictEveryMs: number;
  /** LevelDB's memtable size before it is written out as a table (default 8 MiB); the power-cut tests make it small to force compactions. */
  writeBufferBytes?: number;
  clock: Clock;
  logger: Logger;
}

export type { BufferBatch, BufferStats };

interface PendingAppend {
  read: ReadRecord;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Meta {
  appendElapsed: number;
  capturedAt: number;
  bytes: number;
}

interface State {
  nextSeq: number;
  elapsed: number;
  lastWall: number;
  /** Repairs of this store after damage (kept so the alarm outlives a restart). */
  repairs?: number;
}

type Op = { type: 'put'; key: string; value: Buffer } | { type: 'del'; key: string };

const R = 'r!'; // encrypted record, by sequence number (append order = capture order)
const M = 'm!'; // plaintext bookkeeping: append time on the buffer's own clock, capture time, size
const C = 'c!'; // marks a record that failed authentication (kept, never handed out)
const STATE = 's!state';
const EVICT_CHUNK = 10_000;

const seqKey = (seq: number) => seq.toString(16).padStart(13, '0');
const metaValue = (m: Meta) => Buffer.from(`${m.appendElapsed}|${m.capturedAt}|${m.bytes}`);
/** An append time that is no reading of the buffer's clock counts as 0: the read is as old as can be, so it goes. */
const parseMeta = (b: Buffer): Meta => {
  const [a, c, s] = b.toString('utf8').split('|').map(Number);
  return { appendElapsed: a !== undefined && isElapsed(a) ? a : 0, capturedAt: c ?? 0, bytes: s ?? 0 };
};
const parseState = (b: Buffer): State => {
  try {
    const state = JSON.parse(b.toString('utf8')) as State;
    if (Number.isSafeInteger(state.nextSeq) && parseSavedClock(state)) return state;
  } catch {
    // falls through to the damage report
  }
  throw new AlprError('ALPR_ERR_BUFFER_DAMAGED', 'the buffer\'s saved state record is unreadable');
};

/**
 * The appliance's read buffer: every read AES-256-GCM encrypted in LevelDB until the hub
 * acknowledges it, never longer than the retention limit, never more than the byte budget.
 *
 * Age is measured on the buffer's own elapsed-time clock (ElapsedClock, saved in the state record):
 * monotonic while the process runs, plus the wall-clock gap across a restart when both wall
 * readings are real times (year 2024 or later) and moved forward. A wall clock that jumps backwards, or an unset RTC, therefore cannot keep a
 * read past the limit; a wall clock that jumps forward while the box was off evicts early, which
 * is the safe direction. (Capture times from the wall clock are not trusted for this: a box
 * with a dead RTC stamps reads in 1970.)
 *
 * All writes go through one queue; appends waiting behind a write are committed together in the
 * next LevelDB batch with one fsync (group commit), and append() resolves only after that.
 */
export class ReadBuffer implements ReadStore {
  private db: ClassicLevel<string, Buffer> | null = null;
  private readonly keys: Map<string, DataKey>;
  private state: State = { nextSeq: 1, elapsed: 0, lastWall: 0 };
  private readonly clock: ElapsedClock;
  private count = 0;
  private bytes = 0;
  private pending: PendingAppend[] = [];
  private flushQueued = false;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly leases = new Map<string, { seqs: string[]; readIds: string[]; expiresAt: number }>();
  /** Sequence number of each leased read -> its batch. */
  private readonly leased = new Map<string, string>();
  /** Batches withdrawn because eviction took some of their reads: batch -> the reads left. */
  private readonly withdrawn = new Map<string, string[]>();
  private corrupt = new Set<string>();
  private readonly quarantine = new Quarantine();
  private evictTimer: { cancel(): void } | null = null;
  /**
   * Elapsed time before which no read held is past the retention limit (0: unknown, scan). Every
   * batch handed out checks retention first; this spares that check its LevelDB scan until the
   * oldest read can have expired. Appends only add newer reads and acks only remove reads, so the
   * bound stays true; what writes bookkeeping of older reads (a repair) resets it.
   */
  private nothingExpiresBefore = 0;
  private counters = { evictedExpired: 0, dataLossReads: 0 };
  private storesSetAside = 0;

  constructor(private readonly ctx: ReadBufferOptions) {
    if (ctx.keys.length === 0) throw new AlprError('ALPR_ERR_BUFFER_KEY', 'the read buffer needs at least one data key');
    this.keys = new Map(ctx.keys.map((k) => [k.id, k]));
    this.clock = new ElapsedClock(ctx.clock);
  }

  /**
   * Opens the store. Damage to LevelDB's own files (CURRENT, MANIFEST, a table) is repaired in
   * place; a store that cannot be repaired is set aside and a fresh one started, so the appliance
   * keeps capturing. Either way the damage shows in stats() and the health alarm.
   */
  async open(): Promise<void> {
    this.storesSetAside = (await setAsideStores(this.ctx.path)).length;
    if (await currentFileLost(this.ctx.path)) {
      await this.recover('its CURRENT file is missing');
    } else {
      try {
        await this.load();
      } catch (err) {
        if (!isStoreDamage(err)) throw err;
        await this.recover(damageReason(err));
      }
    }
    await this.evictExpired();
  }

  /** Opens LevelDB and rebuilds the in-memory view (counts, corrupt marks, clock) from it. */
  private async load(): Promise<void> {
    // Records are ciphertext: compressing them is wasted CPU. A larger write buffer means fewer,
    // larger level-0 files under a stream of 30 KB reads.
    const db = new ClassicLevel<string, Buffer>(this.ctx.path, { keyEncoding: 'utf8', valueEncoding: 'buffer', compression: false, writeBufferSize: this.ctx.writeBufferBytes ?? 8 * 1024 * 1024, maxFileSize: 8 * 1024 * 1024 });
    try {
      await db.open();
    } catch (cause) {
      throw new AlprError('ALPR_ERR_BUFFER_IO', `read buffer at ${this.ctx.path} cannot be opened`, { cause });
    }
    try {
      const saved = await db.get(STATE);
      this.state = saved ? parseState(saved) : { nextSeq: 1, elapsed: 0, lastWall: 0 };
      // A repair can bring back records the saved state had not counted yet: never reuse a number.
      for await (const key of db.keys({ gt: R, lt: `${R}~`, reverse: true, limit: 1 })) {
        this.state.nextSeq = Math.max(this.state.nextSeq, parseInt(key.slice(R.length), 16) + 1);
      }
      // Goes on from the saved reading, plus the time the box was off where that can be known.
      this.clock.open(this.state);
      // The bookkeeping entries are the source of truth for what is held.
      this.count = 0;
      this.bytes = 0;
      let latestAppend = 0;
      for await (const value of db.values({ gt: M, lt: `${M}~` })) {
        const meta = parseMeta(value);
        this.count++;
        this.bytes += meta.bytes;
        latestAppend = Math.max(latestAppend, meta.appendElapsed);
      }
      // The clock never reads less than the last append: a state record set back (by hand, or an
      // older one brought back) would otherwise make every read look younger than it is.
      this.clock.raiseAtOpen(latestAppend);
      this.corrupt = new Set();
      this.nothingExpiresBefore = 0;
      for await (const key of db.keys({ gt: C, lt: `${C}~` })) this.corrupt.add(key.slice(C.length));
      await this.quarantine.load(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    this.db = db;
  }

  /**
   * Damage found: LevelDB's repair rebuilds the store from the files it can still read, and the
   * records and their bookkeeping are matched up again; if that fails, the store is set aside.
   * Leases end (the uplink is told by renewLease). Never throws for damage, so no restart loop.
   */
  private async recover(reason: string): Promise<void> {
    const db = this.db;
    this.db = null;
    await db?.close().catch(() => undefined);
    this.leases.clear();
    this.leased.clear();
    this.withdrawn.clear();
    this.ctx.logger.error({ path: this.ctx.path, reason }, 'read buffer store damaged; repairing');
    try {
      await ClassicLevel.repair(this.ctx.path);
      await this.load();
      const lost = await this.rematch();
      this.state.repairs = (this.state.repairs ?? 0) + 1;
      await this.writeState([]);
      this.counters.dataLossReads += lost;
      this.ctx.logger.error({ path: this.ctx.path, lost, held: this.count }, 'read buffer store repaired');
      return;
    } catch (err) {
      this.ctx.logger.error({ path: this.ctx.path, err: damageReason(err) }, 'read buffer store cannot be repaired; setting it aside');
      const db = this.db as ClassicLevel<string, Buffer> | null;
      this.db = null;
      await db?.close().catch(() => undefined);
    }
    try {
      const aside = await setAsideStore(this.ctx.path, this.ctx.clock.now());
      this.storesSetAside++;
      this.ctx.logger.error({ aside }, 'damaged read buffer store set aside (encrypted under the data key); a new store was started');
    } catch (cause) {
      throw new AlprError('ALPR_ERR_BUFFER_DAMAGED', `read buffer at ${this.ctx.path} is damaged and can neither be repaired nor set aside`, { cause });
    }
    const elapsed = this.state.elapsed;
    await this.load();
    // The clock that ages reads goes on from where the old store had it.
    this.state.elapsed = Math.max(this.state.elapsed, elapsed);
    this.clock.raiseAtOpen(elapsed);
  }

  /**
   * After a repair: bookkeeping without its record is dropped (that read is lost, and counted);
   * a record without bookkeeping gets it back, aged from its capture time where the clocks are
   * sane, else as old as the store, so it is never kept longer than the limit.
   */
  private async rematch(): Promise<number> {
    const db = this.ensureOpen();
    const records = new Set<string>();
    for await (const key of db.keys({ gt: R, lt: `${R}~` })) records.add(key.slice(R.length));
    const ops: Op[] = [];
    let lost = 0;
    for await (const [key, value] of db.iterator({ gt: M, lt: `${M}~` })) {
      const seq = key.slice(M.length);
      if (records.delete(seq)) continue;
      ops.push({ type: 'del', key });
      this.count--;
      this.bytes -= parseMeta(value).bytes;
      lost++;
    }
    const elapsedNow = this.elapsedNow();
    const wall = this.ctx.clock.now();
    let latestAppend = 0;
    for (const seq of records) {
      const value = (await db.get(`${R}${seq}`))!;
      let capturedAt = 0;
      let vouched: number | null = null;
      try {
        capturedAt = decryptRead(value, this.keys, Buffer.from(`${R}${seq}`)).capturedAt;
        vouched = appendElapsedOfRecord(value);
      } catch {
        ops.push({ type: 'put', key: `${C}${seq}`, value: Buffer.alloc(0) });
        this.corrupt.add(seq);
      }
      const age = isSaneWall(wall) && isSaneWall(capturedAt) ? Math.max(0, wall - capturedAt) : elapsedNow;
      // A record of format 2 says when it was appended; its bookkeeping must say the same (takeBatch checks).
      const appendElapsed = vouched !== null && isElapsed(vouched) ? vouched : Math.max(0, elapsedNow - age);
      latestAppend = Math.max(latestAppend, appendElapsed);
      ops.push({ type: 'put', key: `${M}${seq}`, value: metaValue({ appendElapsed, capturedAt, bytes: value.length }) });
      this.count++;
      this.bytes += value.length;
    }
    if (ops.length > 0) await db.batch(ops, { sync: true });
    // As in load(): the clock never reads less than the last append.
    this.clock.advance(latestAppend - elapsedNow);
    return lost;
  }

  /** Starts periodic eviction (the firmware's supervisor calls start/stop). */
  async start(): Promise<void> {
    if (!this.db) await this.open();
    this.evictTimer = this.ctx.clock.setInterval(() => {
      this.evictExpired().catch((err: unknown) => this.ctx.logger.error({ err: errorMessage(err) }, 'eviction failed'));
    }, this.ctx.evictEveryMs);
  }

  async stop(): Promise<void> {
    this.evictTimer?.cancel();
    this.evictTimer = null;
    await this.close();
  }

  async close(): Promise<void> {
    const db = this.db;
    if (!db) return;
    try {
      // Saves the elapsed-time clock; if that fails (a full disk) the database still closes.
      await this.exclusive(() => this.writeState([]));
    } finally {
      this.db = null;
      await db.close();
    }
  }

  /** Stores a read; resolves once it is durable on disk. */
  append(read: ReadRecord): Promise<void> {
    try {
      this.ensureOpen();
      validateRead(read);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ read, resolve, reject });
      if (!this.flushQueued) {
        this.flushQueued = true;
        void this.exclusive(() => this.flushAppends());
      }
    });
  }

  /**
   * The oldest reads not already handed out, in capture order, up to `maxReads` and `maxBytes`
   * (always at least one read when any is waiting). Hand them to the hub, then markSynced().
   */
  async nextBatch(maxReads: number, maxBytes: number): Promise<BufferBatch | null> {
    try {
      return await this.takeBatch(maxReads, maxBytes);
    } catch (err) {
      if (!isStoreDamage(err)) throw err;
      // A damaged table shows when it is read: repair, then try once more.
      await this.exclusive(() => this.recover(damageReason(err)));
      return this.takeBatch(maxReads, maxBytes);
    }
  }

  private async takeBatch(maxReads: number, maxBytes: number): Promise<BufferBatch | null> {
    const db = this.ensureOpen();
    // Nothing past the retention limit is ever handed out, whenever the periodic eviction last ran.
    await this.evictExpired();
    this.expireLeases();
    const reads: ReadRecord[] = [];
    const seqs: string[] = [];
    const untrusted: string[] = [];
    const expired: string[] = [];
    let size = 0;
    const elapsedNow = this.elapsedNow();
    for await (const [key, value] of db.iterator({ gt: R, lt: `${R}~` })) {
      const seq = key.slice(R.length);
      if (this.leased.has(seq) || this.corrupt.has(seq) || this.quarantine.has(seq)) continue;
      if (reads.length > 0 && (reads.length >= maxReads || size + value.length > maxBytes)) break;
      let read: ReadRecord;
      try {
        read = decryptRead(value, this.keys, Buffer.from(key));
      } catch (err) {
        if (err instanceof AlprError && err.code === 'ALPR_ERR_BUFFER_DECRYPT') {
          // Held under our key yet failing authentication: tampered or torn. Kept for forensics
          // (retention still removes it), never handed out.
          await this.exclusive(() => this.markCorrupt(seq));
          continue;
        }
        throw err;
      }
      // The bookkeeping retention counts from is plaintext: it must agree with the append time
      // the record vouches for, and that time must be within the limit. A read whose bookkeeping
      // was edited (to keep it, or the reads after it, past the limit) is deleted, never sent.
      const meta = await this.get(`${M}${seq}`);
      const appended = meta ? parseMeta(meta).appendElapsed : null;
      const vouched = appendElapsedOfRecord(value);
      if (appended === null || (vouched !== null && vouched !== appended)) {
        untrusted.push(seq);
        continue;
      }
      if (appended + this.ctx.retentionMs <= elapsedNow) {
        expired.push(seq);
        continue;
      }
      reads.push(read);
      seqs.push(seq);
      size += value.length;
    }
    if (untrusted.length + expired.length > 0) {
      await this.exclusive(async () => {
        const ops: Op[] = [];
        for (const seq of [...untrusted, ...expired]) await this.deleteOps(seq, ops);
        await this.writeState(ops);
      });
      this.counters.dataLossReads += untrusted.length;
      this.counters.evictedExpired += expired.length;
      this.nothingExpiresBefore = 0;
      const err = new AlprError('ALPR_ERR_BUFFER_DECRYPT', 'the buffer\'s bookkeeping was edited: reads it would have kept past the retention limit were deleted unsent');
      this.ctx.logger.error({ err: err.toJSON(), untrusted: untrusted.length, expired: expired.length }, 'buffered reads deleted unsent: their bookkeeping was edited, or kept them past the retention limit');
      // Eviction may have stopped at one of them: look again from the start.
      return this.takeBatch(maxReads, maxBytes);
    }
    if (reads.length === 0) return null;
    const batchId = randomUUID();
    this.leases.set(batchId, { seqs, readIds: reads.map((r) => r.id), expiresAt: this.ctx.clock.monotonic() + this.ctx.leaseMs });
    for (const s of seqs) this.leased.set(s, batchId);
    return { batchId, reads };
  }

  /**
   * Asked before every (re)send of a batch: true while the batch is still whole and leased (the
   * lease is extended), false once eviction took any of its reads (past the retention limit, or
   * the byte budget) or the lease lapsed. A batch answered false must not be sent again; what is
   * left of it goes out in a later batch.
   */
  async renewLease(batchId: string): Promise<boolean> {
    this.ensureOpen();
    await this.evictExpired();
    this.expireLeases();
    const lease = this.leases.get(batchId);
    if (!lease) return false;
    lease.expiresAt = this.ctx.clock.monotonic() + this.ctx.leaseMs;
    return true;
  }

  /**
   * The hub holds this batch now: its reads are deleted, durably, before this resolves. Reads named
   * in `setAside` (the hub refused them) are quarantined instead, in the same atomic write. The ack
   * of a batch withdrawn by eviction (sent before the eviction) deletes the reads it had left.
   */
  async markSynced(batchId: string, setAside: ReadonlyArray<{ readId: string; reason: string }> = []): Promise<void> {
    this.ensureOpen();
    const lease = this.leases.get(batchId);
    const seqs = lease?.seqs ?? this.withdrawn.get(batchId);
    if (!seqs) throw new AlprError('ALPR_ERR_BUFFER_UNKNOWN_BATCH', `batch ${batchId} was not handed out by this buffer or was already acknowledged`, { details: { batchId } });
    const reasons = new Map(setAside.map((r) => [r.readId, r.reason]));
    const readIdOf = new Map(lease ? lease.seqs.map((s, i) => [s, lease.readIds[i]!]) : []);
    const held: string[] = [];
    await this.exclusive(async () => {
      const ops: Op[] = [];
      for (const seq of seqs) {
        const reason = reasons.get(readIdOf.get(seq) ?? '');
        if (reason === undefined) await this.deleteOps(seq, ops);
        else if (await this.get(`${M}${seq}`)) {
          ops.push(this.quarantine.holdOp(seq, reason, this.ctx.clock.now()));
          held.push(seq);
        }
      }
      await this.writeState(ops);
    });
    this.quarantine.hold(held);
    if (held.length > 0) this.ctx.logger.error({ quarantined: held.length }, 'reads the hub refused are set aside in quarantine');
    this.releaseBatch(batchId);
    this.withdrawn.delete(batchId);
  }

  /** Gives a batch back unsent (the uplink gave up on it); its reads go out in a later batch. */
  releaseBatch(batchId: string): void {
    const lease = this.leases.get(batchId);
    if (!lease) return;
    this.leases.delete(batchId);
    for (const s of lease.seqs) if (this.leased.get(s) === batchId) this.leased.delete(s);
  }

  /** Deletes every read past the retention limit, in chunks; returns how many. */
  async evictExpired(): Promise<number> {
    this.ensureOpen();
    if (this.elapsedNow() < this.nothingExpiresBefore) return 0;
    let total = 0;
    // Chunks resume after the last key seen: iterating from the start again would walk over
    // every tombstone the previous chunks left until LevelDB compacts them.
    const cursor = { meta: M };
    for (;;) {
      const evicted = await this.exclusive(() => this.evictExpiredChunk(EVICT_CHUNK, cursor));
      total += evicted;
      if (evicted < EVICT_CHUNK) break;
    }
    if (total > 0) {
      this.counters.evictedExpired += total;
      this.ctx.logger.info({ evicted: total, retentionDays: this.ctx.retentionMs / 86_400_000 }, 'expired reads evicted');
    }
    return total;
  }

  /**
   * Evicts up to `limit` of the oldest reads if they are past the limit. Expired reads are always a
   * prefix of the sequence order (the elapsed clock never goes back), so the records and their
   * bookkeeping go as two range deletions; bookkeeping goes last, so a crash in between leaves
   * only bookkeeping of already-deleted (and expired) reads, which the next run clears.
   */
  private async evictExpiredChunk(limit: number, cursor: { meta: string }): Promise<number> {
    const db = this.ensureOpen();
    const elapsedNow = this.elapsedNow();
    let first: string | null = null;
    let last: string | null = null;
    let count = 0;
    let bytes = 0;
    const corrupt: string[] = [];
    const quarantined: Op[] = [];
    const released: string[] = [];
    let seen = 0;
    for await (const [key, value] of db.iterator({ gt: cursor.meta, lt: `${M}~`, limit })) {
      seen++;
      const meta = parseMeta(value);
      if (meta.appendElapsed + this.ctx.retentionMs > elapsedNow) {
        // The oldest read left: nothing expires before it does.
        this.nothingExpiresBefore = meta.appendElapsed + this.ctx.retentionMs;
        break;
      }
      const seq = key.slice(M.length);
      first ??= seq;
      last = seq;
      cursor.meta = key;
      count++;
      bytes += meta.bytes;
      if (this.corrupt.has(seq)) corrupt.push(seq);
      if (this.quarantine.releaseOps(seq, quarantined)) released.push(seq);
    }
    // Fewer than asked for, all expired: none is left to expire until the next append.
    if (seen < limit && count === seen) this.nothingExpiresBefore = Infinity;
    if (first === null || last === null) return 0;
    try {
      await db.clear({ gte: `${R}${first}`, lte: `${R}${last}` });
      await db.clear({ gte: `${M}${first}`, lte: `${M}${last}` });
    } catch (cause) {
      throw new AlprError('ALPR_ERR_BUFFER_IO', 'LevelDB could not delete expired reads', { cause });
    }
    await this.writeState([...corrupt.map((seq): Op => ({ type: 'del', key: `${C}${seq}` })), ...quarantined]);
    for (const seq of corrupt) this.corrupt.delete(seq);
    this.quarantine.forget(released);
    this.count -= count;
    this.bytes -= bytes;
    // Sequence numbers are fixed-width hex, so the evicted range compares as strings.
    for (const [seq, batchId] of [...this.leased]) if (seq >= first && seq <= last) this.withdraw(batchId, seq);
    return count;
  }

  async stats(): Promise<BufferStats> {
    const db = this.ensureOpen();
    let oldest: number | null = null;
    for await (const value of db.values({ gt: M, lt: `${M}~`, limit: 1 })) {
      const meta = parseMeta(value);
      const wall = this.ctx.clock.now();
      const byElapsed = this.elapsedNow() - meta.appendElapsed;
      const byWall = isSaneWall(wall) && isSaneWall(meta.capturedAt) ? wall - meta.capturedAt : 0;
      oldest = Math.round(Math.max(byElapsed, byWall) / 1000);
    }
    return {
      reads: this.count, bytes: this.bytes, oldestReadAgeS: oldest, leasedBatches: this.leases.size,
      evictedExpired: this.counters.evictedExpired, dataLossReads: this.counters.dataLossReads, corruptRecords: this.corrupt.size,
      storeRepairs: this.state.repairs ?? 0, storesSetAside: this.storesSetAside,
      quarantinedReads: this.quarantine.size,
    };
  }

  /** Every read held, decrypted (for tests, the self-test and key rotation; never for the uplink). */
  async *readAll(): AsyncGenerator<ReadRecord> {
    const db = this.ensureOpen();
    for await (const [key, value] of db.iterator({ gt: R, lt: `${R}~` })) {
      if (this.corrupt.has(key.slice(R.length))) continue;
      yield decryptRead(value, this.keys, Buffer.from(key));
    }
  }

  /** Key ids the readable records use (rotation re-encrypts until only the new one is left). */
  async keyIdsInUse(): Promise<Set<string>> {
    const db = this.ensureOpen();
    const ids = new Set<string>();
    for await (const [key, value] of db.iterator({ gt: R, lt: `${R}~` })) {
      if (!this.corrupt.has(key.slice(R.length))) ids.add(keyIdOfRecord(value));
    }
    return ids;
  }

  /**
   * Key rotation: re-encrypts every record not under keys[0] with keys[0], in fsynced batches
   * (`onBatch` is told after each, with the running total). Afterwards the older keys can be
   * destroyed. A record that fails authentication is set aside as corrupt, not re-encrypted.
   * Returns how many records were rewritten.
   */
  async reencryptAll(onBatch?: (rewritten: number) => void): Promise<number> {
    const db = this.ensureOpen();
    const current = this.ctx.keys[0]!;
    return this.exclusive(async () => {
      let rewritten = 0;
      let ops: Op[] = [];
      const commit = async () => {
        await db.batch(ops, { sync: true });
        rewritten += ops.length;
        ops = [];
        onBatch?.(rewritten);
      };
      for await (const [key, value] of db.iterator({ gt: R, lt: `${R}~` })) {
        const seq = key.slice(R.length);
        if (this.corrupt.has(seq) || keyIdOfRecord(value) === current.id) continue;
        let read: ReadRecord;
        try {
          read = decryptRead(value, this.keys, Buffer.from(key));
        } catch (err) {
          if (!(err instanceof AlprError && err.code === 'ALPR_ERR_BUFFER_DECRYPT')) throw err;
          await this.markCorrupt(seq);
          continue;
        }
        // The append time carries over: from the record (format 2), else from its bookkeeping.
        const meta = await this.get(`${M}${seq}`);
        const appended = appendElapsedOfRecord(value) ?? (meta ? parseMeta(meta).appendElapsed : this.elapsedNow());
        ops.push({ type: 'put', key, value: encryptRead(read, current, Buffer.from(key), appended) });
        if (ops.length >= 500) await commit();
      }
      if (ops.length > 0) await commit();
      return rewritten;
    });
  }

  private async flushAppends(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending.splice(0, 2000);
    if (this.pending.length > 0) {
      this.flushQueued = true;
      void this.exclusive(() => this.flushAppends());
    }
    const ops: Op[] = [];
    const accepted: PendingAppend[] = [];
    let added = 0;
    const elapsed = this.elapsedNow();
    for (const p of batch) {
      const seq = seqKey(this.state.nextSeq);
      const rKey = `${R}${seq}`;
      const record = encryptRead(p.read, this.ctx.keys[0]!, Buffer.from(rKey), elapsed);
      if (record.length > this.ctx.maxBytes) {
        p.reject(new AlprError('ALPR_ERR_BUFFER_FULL', `a read of ${record.length} bytes is larger than the whole ${this.ctx.maxBytes}-byte buffer`));
        continue;
      }
      this.state.nextSeq++;
      ops.push({ type: 'put', key: rKey, value: record });
      ops.push({ type: 'put', key: `${M}${seq}`, value: metaValue({ appendElapsed: elapsed, capturedAt: p.read.capturedAt, bytes: record.length }) });
      added += record.length;
      accepted.push(p);
    }
    if (accepted.length === 0) return;
    this.nothingExpiresBefore = Math.min(this.nothingExpiresBefore, elapsed + this.ctx.retentionMs);
    const over = this.bytes + added - this.ctx.maxBytes;
    let lost = 0;
    if (over > 0) lost = await this.evictForCapacity(over, ops);
    try {
      await this.writeState(ops, { count: accepted.length, bytes: added });
    } catch (err) {
      for (const p of accepted) p.reject(err);
      return;
    }
    if (lost > 0) {
      this.counters.dataLossReads += lost;
      this.ctx.logger.error({ evicted: lost, maxBytes: this.ctx.maxBytes }, 'buffer full: oldest unsynced reads evicted (data loss)');
    }
    for (const p of accepted) p.resolve();
  }

  /** Adds deletes of the oldest reads to `ops` until `needed` bytes are freed; returns how many. */
  private async evictForCapacity(needed: number, ops: Op[]): Promise<number> {
    let freed = 0;
    let evicted = 0;
    for await (const [key, value] of this.ensureOpen().iterator({ gt: M, lt: `${M}~` })) {
      if (freed >= needed) break;
      const seq = key.slice(M.length);
      const meta = parseMeta(value);
      freed += meta.bytes;
      this.deleteOpsFor(seq, meta, ops);
      const batchId = this.leased.get(seq);
      if (batchId) this.withdraw(batchId, seq);
      evicted++;
    }
    return evicted;
  }

  private async deleteOps(seq: string, ops: Op[]): Promise<void> {
    const meta = await this.get(`${M}${seq}`);
    if (meta) this.deleteOpsFor(seq, parseMeta(meta), ops);
  }

  private deleteOpsFor(seq: string, m: Meta, ops: Op[]): void {
    ops.push({ type: 'del', key: `${R}${seq}` }, { type: 'del', key: `${M}${seq}` });
    if (this.corrupt.delete(seq)) ops.push({ type: 'del', key: `${C}${seq}` });
    if (this.quarantine.releaseOps(seq, ops)) this.quarantine.forget([seq]);
    this.count--;
    this.bytes -= m.bytes;
  }

  private async markCorrupt(seq: string): Promise<void> {
    this.corrupt.add(seq);
    await this.writeState([{ type: 'put', key: `${C}${seq}`, value: Buffer.alloc(0) }]);
    this.ctx.logger.error({ seq }, 'a buffered record failed authentication and was set aside');
  }

  /** Commits `ops` with the persisted state in one synchronous (fsynced) batch. */
  private async writeState(ops: Op[], added?: { count: number; bytes: number }): Promise<void> {
    const db = this.ensureOpen();
    const saved = this.clock.toSave();
    this.state.elapsed = saved.elapsed;
    this.state.lastWall = saved.lastWall;
    ops.push({ type: 'put', key: STATE, value: Buffer.from(JSON.stringify(this.state)) });
    try {
      await db.batch(ops, { sync: true });
    } catch (cause) {
      const full = /ENOSPC|No space/i.test(errorMessage(cause));
      throw new AlprError(full ? 'ALPR_ERR_BUFFER_FULL' : 'ALPR_ERR_BUFFER_IO', full ? 'the disk is full; the read was not stored' : 'LevelDB write failed', { cause });
    }
    if (added) {
      this.count += added.count;
      this.bytes += added.bytes;
    }
  }

  private elapsedNow(): number {
    return this.clock.now();
  }

  private expireLeases(): void {
    const now = this.ctx.clock.monotonic();
    for (const [batchId, lease] of this.leases) if (lease.expiresAt <= now) this.releaseBatch(batchId);
  }

  /** Eviction took `evictedSeq` from a leased batch: the batch may not be sent again as it stands. */
  private withdraw(batchId: string, evictedSeq: string): void {
    const lease = this.leases.get(batchId);
    if (lease) {
      this.releaseBatch(batchId);
      this.withdrawn.set(batchId, lease.seqs);
      // A late ack is for a batch sent moments ago; older withdrawn batches are not remembered.
      if (this.withdrawn.size > 16) this.withdrawn.delete(this.withdrawn.keys().next().value!);
      this.ctx.logger.warn({ batchId }, 'a batch lost reads to eviction and was withdrawn from the uplink');
    }
    this.leased.delete(evictedSeq);
  }

  private async get(key: string): Promise<Buffer | undefined> {
    const value = await this.ensureOpen().get(key);
    return value ?? undefined;
  }

  private ensureOpen(): ClassicLevel<string, Buffer> {
    if (!this.db) throw new AlprError('ALPR_ERR_BUFFER_CLOSED', 'the read buffer is not open');
    return this.db;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
