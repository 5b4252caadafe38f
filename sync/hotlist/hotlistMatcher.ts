import { alpr } from '../proto/wire.js';
import { lookalikeVariants } from './lookalikes.js';

export type HotlistEntry = alpr.v1.IHotlistEntry & { entryId: string; plate: string };

export interface HotlistHit {
  entry: alpr.v1.HotlistEntry;
  /** True when the read differs from the entry's plate by one OCR look-alike. */
  nearMatch: boolean;
}

/**
 * An in-memory index of a hot list, built for a million entries on an appliance: entries are kept
 * protobuf-encoded in one growing buffer (decoded only when a plate hits), found by plate through
 * one Map and chained when several entries share a plate. Matching a read costs one lookup for the
 * exact plate and one per look-alike character; state and expiry are checked on the few hits.
 */
export class HotlistMatcher {
  private bytes = Buffer.alloc(1 << 16);
  private used = 0;
  private offset = new Uint32Array(1024);
  private length = new Uint16Array(1024);
  private next = new Int32Array(1024);
  private alive = new Uint8Array(1024);
  private count = 0;
  private dead = 0;
  private readonly byPlate = new Map<string, number>();
  private readonly byId = new Map<string, number>();

  /** Entries currently held (removed ones excluded). */
  get size(): number {
    return this.byId.size;
  }

  /** Adds or replaces entries (by entry id) and removes the named ones. */
  apply(upserts: readonly HotlistEntry[], removedEntryIds: readonly string[] = []): void {
    for (const id of removedEntryIds) this.remove(id);
    for (const entry of upserts) {
      this.remove(entry.entryId);
      this.add(entry);
    }
    if (this.dead > 1024 && this.dead > this.count / 2) this.compact();
  }

  /** Empties the list (a snapshot replaces everything). */
  clear(): void {
    this.byPlate.clear();
    this.byId.clear();
    this.used = 0;
    this.count = 0;
    this.dead = 0;
  }

  /**
   * Entries the read hits: exact plate first, then one-substitution look-alikes. When both the read
   * and the entry name a state they must agree; an entry past its expiry never matches.
   */
  match(plate: string, state: string | null, nowMs: number): HotlistHit[] {
    const hits: HotlistHit[] = [];
    this.collect(plate, false, state, nowMs, hits);
    for (const variant of lookalikeVariants(plate)) this.collect(variant, true, state, nowMs, hits);
    return hits;
  }

  /** Every live entry (for re-encoding a snapshot). */
  *entries(): Generator<alpr.v1.HotlistEntry> {
    for (const index of this.byId.values()) yield this.decode(index);
  }

  private collect(plate: string, nearMatch: boolean, state: string | null, nowMs: number, hits: HotlistHit[]): void {
    for (let i = this.byPlate.get(plate) ?? -1; i !== -1; i = this.next[i]!) {
      if (!this.alive[i]) continue;
      const entry = this.decode(i);
      // Number(): an unset int64 decodes as the prototype's default, a Long zero.
      const expiresAt = Number(entry.expiresAtMs ?? 0);
      if (expiresAt > 0 && expiresAt <= nowMs) continue;
      if (state && entry.state && entry.state !== state) continue;
      hits.push({ entry, nearMatch });
    }
  }

  private add(entry: HotlistEntry): void {
    const encoded = alpr.v1.HotlistEntry.encode(entry).finish();
    this.reserve(encoded.length);
    const i = this.count++;
    this.bytes.set(encoded, this.used);
    this.offset[i] = this.used;
    this.length[i] = encoded.length;
    this.used += encoded.length;
    this.alive[i] = 1;
    this.next[i] = this.byPlate.get(entry.plate) ?? -1;
    this.byPlate.set(entry.plate, i);
    this.byId.set(entry.entryId, i);
  }

  private remove(entryId: string): void {
    const i = this.byId.get(entryId);
    if (i === undefined) return;
    this.byId.delete(entryId);
    this.alive[i] = 0;
    this.dead++;
    // Unlink from the plate chain so that a removed plate stops costing lookups.
    const plate = this.decode(i).plate;
    let head = this.byPlate.get(plate) ?? -1;
    while (head !== -1 && !this.alive[head]) head = this.next[head]!;
    if (head === -1) this.byPlate.delete(plate);
    else this.byPlate.set(plate, head);
  }

  private decode(i: number): alpr.v1.HotlistEntry {
    return alpr.v1.HotlistEntry.decode(this.bytes.subarray(this.offset[i]!, this.offset[i]! + this.length[i]!));
  }

  private reserve(bytes: number): void {
    if (this.used + bytes > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + bytes));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count === this.offset.length) {
      const n = this.offset.length * 2;
      this.offset = grow(this.offset, new Uint32Array(n));
      this.length = grow(this.length, new Uint16Array(n));
      this.next = grow(this.next, new Int32Array(n));
      this.alive = grow(this.alive, new Uint8Array(n));
    }
  }

  /** Rebuilds the buffer without removed entries. */
  private compact(): void {
    const live = [...this.entries()] as HotlistEntry[];
    this.clear();
    for (const entry of live) this.add(entry);
  }
}

function grow<T extends Uint32Array | Uint16Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
