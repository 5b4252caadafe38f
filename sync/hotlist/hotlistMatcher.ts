import $protobuf from 'protobufjs/minimal.js';
import { AlprError } from '../../core/index.js';
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
    this.applyEncoded(upserts.map((entry) => alpr.v1.HotlistEntry.encode(entry).finish()), removedEntryIds);
  }

  /**
   * The same for entries still encoded, as a HotlistUpdateFrame carries them: only the entry id and
   * plate are read to index each one. Every entry is checked before any is applied, so a malformed
   * one (ALPR_ERR_SYNC_MALFORMED) leaves the list as it was.
   */
  applyEncoded(upserts: readonly Uint8Array[], removedEntryIds: readonly string[] = []): void {
    const keys = upserts.map(entryKey);
    for (const id of removedEntryIds) this.remove(id);
    for (let i = 0; i < upserts.length; i++) {
      this.remove(keys[i]!.entryId);
      this.add(upserts[i]!, keys[i]!);
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

  /** Every live entry, decoded. */
  *entries(): Generator<alpr.v1.HotlistEntry> {
    for (const index of this.byId.values()) yield this.decode(index);
  }

  /**
   * Every live entry still encoded, ready for a HotlistUpdateFrame: one copy of the whole block
   * (the matcher reuses its buffer after clear(), so views into it would change under the caller)
   * and a view per entry into that copy.
   */
  encodedEntries(): Uint8Array[] {
    const block = Buffer.from(this.bytes.subarray(0, this.used));
    const out: Uint8Array[] = [];
    for (const i of this.byId.values()) out.push(block.subarray(this.offset[i]!, this.offset[i]! + this.length[i]!));
    return out;
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

  private add(encoded: Uint8Array, key: EntryKey): void {
    this.reserve(encoded.length);
    const i = this.count++;
    this.bytes.set(encoded, this.used);
    this.offset[i] = this.used;
    this.length[i] = encoded.length;
    this.used += encoded.length;
    this.alive[i] = 1;
    this.next[i] = this.byPlate.get(key.plate) ?? -1;
    this.byPlate.set(key.plate, i);
    this.byId.set(key.entryId, i);
  }

  private remove(entryId: string): void {
    const i = this.byId.get(entryId);
    if (i === undefined) return;
    this.byId.delete(entryId);
    this.alive[i] = 0;
    this.dead++;
    // Unlink from the plate chain so that a removed plate stops costing lookups.
    const { plate } = entryKey(this.encoded(i));
    let head = this.byPlate.get(plate) ?? -1;
    while (head !== -1 && !this.alive[head]) head = this.next[head]!;
    if (head === -1) this.byPlate.delete(plate);
    else this.byPlate.set(plate, head);
  }

  private encoded(i: number): Uint8Array {
    return this.bytes.subarray(this.offset[i]!, this.offset[i]! + this.length[i]!);
  }

  private decode(i: number): alpr.v1.HotlistEntry {
    return alpr.v1.HotlistEntry.decode(this.encoded(i));
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
    const live = [...this.byId.values()].map((i) => Buffer.from(this.encoded(i)));
    this.clear();
    for (const encoded of live) this.add(encoded, entryKey(encoded));
  }
}

interface EntryKey {
  entryId: string;
  plate: string;
}

/** Reads an encoded HotlistEntry's id (field 1) and plate (field 2), skipping the rest. */
function entryKey(encoded: Uint8Array): EntryKey {
  let entryId = '';
  let plate = '';
  try {
    const reader = $protobuf.Reader.create(encoded);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      // Field 1 and 2 as length-delimited (wire type 2): tags 10 and 18.
      if (tag === 10) entryId = reader.string();
      else if (tag === 18) plate = reader.string();
      else reader.skipType(tag & 7);
    }
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'a hot-list entry is not an encoded HotlistEntry', { cause });
  }
  if (!entryId || !plate) throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'a hot-list entry without an entry id or plate');
  return { entryId, plate };
}

function grow<T extends Uint32Array | Uint16Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
