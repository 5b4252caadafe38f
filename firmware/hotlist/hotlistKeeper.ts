import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { writeDurably } from './durableWrite.js';
import { AlprError, errorMessage, type Clock, type Logger } from '../../core/index.js';
import { HotlistMatcher, openHotlistUpdate, type alpr, type HotlistHit } from '../../sync/index.js';
import { EARLIEST_SANE_WALL_MS } from '../buffer/elapsedClock.js';

export interface HotlistKeeperOptions {
  /** Where the sealed updates are kept (they stay sealed to the device key at rest). */
  dir: string;
  deviceId: string;
  deviceKey: KeyObject;
  hubVerifyKey: KeyObject;
  /**
   * The hub's time once known (the uplink's): list and entry expiries are hub times, and this
   * appliance's clock may be days off or at 1970 (a dead RTC), which would keep a stale list matching.
   */
  hubNow?: () => number | null;
  clock: Clock;
  logger: Logger;
}

export interface HotlistStatus {
  version: number;
  entries: number;
  /** The list stops matching after this unless the hub refreshes it (null: no list yet). */
  expiresAt: number | null;
  updatesApplied: number;
  updatesRefused: number;
}

const SNAPSHOT = /^snapshot-(\d+)-(\d+)-of-(\d+)\.bin$/;
const DELTA = /^delta-(\d+)\.bin$/;

/**
 * The appliance's copy of the hot list. Updates arrive signed by the hub and sealed to this device;
 * they are kept on disk exactly as received (so the list is encrypted at rest under the device
 * key), verified again when the appliance starts, and applied in version order: a snapshot (in
 * parts) replaces the list, a delta must start from the version held, and nothing the hub issued
 * before the update held is taken (a replay). Anything else is refused and counted; the hub
 * resends when the next status shows the version held.
 */
export class HotlistKeeper {
  private matcher = new HotlistMatcher();
  private current = 0;
  private expiresAt: number | null = null;
  /**
   * When the hub issued the newest update applied (hub time). Versions alone cannot tell a replay:
   * the hub sends a snapshot of a lower version on purpose after it was restored from a backup,
   * and reuses the versions after it. A message the hub signed before the one held is a replay.
   */
  private issuedAt = 0;
  private staging: { version: number; issuedAt: number; parts: Map<number, alpr.v1.HotlistUpdateFrame>; total: number } | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly counters = { updatesApplied: 0, updatesRefused: 0 };

  constructor(private readonly ctx: HotlistKeeperOptions) {}

  get version(): number {
    return this.current;
  }

  status(): HotlistStatus {
    return { version: this.current, entries: this.matcher.size, expiresAt: this.expiresAt, ...this.counters };
  }

  /** Loads what was kept: the newest complete snapshot, then its deltas in order. */
  async start(): Promise<void> {
    await mkdir(this.ctx.dir, { recursive: true, mode: 0o700 });
    const names = await readdir(this.ctx.dir);
    const snapshots = new Map<number, string[]>();
    for (const name of names) {
      const m = SNAPSHOT.exec(name);
      if (m) snapshots.set(Number(m[1]), [...(snapshots.get(Number(m[1])) ?? []), name]);
    }
    const complete = [...snapshots.entries()].filter(([, files]) => files.length === Number(SNAPSHOT.exec(files[0]!)![3])).sort(([a], [b]) => b - a)[0];
    if (!complete) return;
    try {
      for (const file of complete[1].sort()) this.applyUpdate(this.open(await readFile(join(this.ctx.dir, file))), true);
      const deltas = names.map((n) => DELTA.exec(n)).filter((m): m is RegExpExecArray => m !== null && Number(m[1]) > complete[0]).sort((a, b) => Number(a[1]) - Number(b[1]));
      for (const d of deltas) {
        const update = this.open(await readFile(join(this.ctx.dir, d[0])));
        // A gap, or a delta issued before the snapshot: the hub will send what is missing.
        if (Number(update.baseVersion) !== this.current || Number(update.issuedAtMs) < this.issuedAt) break;
        this.applyUpdate(update, false);
      }
      this.ctx.logger.info({ version: this.current, entries: this.matcher.size }, 'hot list loaded');
    } catch (err) {
      // A kept file that no longer verifies: start empty and let the hub send a snapshot.
      this.ctx.logger.error({ err: errorMessage(err) }, 'kept hot list does not verify; waiting for a fresh snapshot');
      this.matcher = new HotlistMatcher();
      this.current = 0;
      this.expiresAt = null;
      this.issuedAt = 0;
    }
  }

  async stop(): Promise<void> {
    await this.queue;
  }

  /** Takes one message from alpr/v1/<id>/hotlist; updates are handled one at a time, in arrival order. */
  receive(bytes: Uint8Array): Promise<void> {
    const next = this.queue.then(() => this.handle(bytes));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The entries a read hits; none once the list is past its expiry (a list the hub stopped
   * refreshing), and none while no time is known to judge that by (the hub not heard from since a
   * restart, and this appliance's clock unset): the hub matches every read it receives as well.
   */
  match(plate: string, state: string | null): HotlistHit[] {
    const now = this.ctx.hubNow?.() ?? this.ctx.clock.now();
    if (now < EARLIEST_SANE_WALL_MS) return [];
    if (this.expiresAt !== null && this.expiresAt <= now) return [];
    return this.matcher.match(plate, state, now);
  }

  private async handle(bytes: Uint8Array): Promise<void> {
    let update: alpr.v1.HotlistUpdateFrame;
    try {
      update = this.open(bytes);
    } catch (err) {
      this.refuse(errorMessage(err));
      return;
    }
    const version = Number(update.version);
    const issuedAt = Number(update.issuedAtMs);
    if (issuedAt < this.issuedAt) return this.refuse(`version ${version} was issued at ${issuedAt}, before the update held (${this.issuedAt}): a replay`);
    if (update.snapshot) {
      if (!(update.parts >= 1 && update.part < update.parts)) return this.refuse(`snapshot part ${update.part} of ${update.parts}`);
      // Parts of one issue only: a part of another issue of the same version starts staging over.
      if (this.staging?.version !== version || this.staging.issuedAt !== issuedAt) this.staging = { version, issuedAt, parts: new Map(), total: update.parts };
      this.staging.parts.set(update.part, update);
      await this.write(`staging-${version}-${String(update.part).padStart(5, '0')}-of-${update.parts}.bin`, bytes);
      if (this.staging.parts.size < this.staging.total) return;
      // Complete: index it beside the list in use (a malformed entry refuses the snapshot and
      // leaves that list matching), keep it under its final names, then drop everything older.
      const parts = [...this.staging.parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
      this.staging = null;
      const next = new HotlistMatcher();
      try {
        for (const part of parts) next.applyEncoded(part.upserts, part.removedEntryIds);
      } catch (err) {
        return this.refuse(`snapshot ${version}: ${errorMessage(err)}`);
      }
      const kept = new Set<string>();
      for (const part of parts) {
        const name = `${version}-${String(part.part).padStart(5, '0')}-of-${part.parts}.bin`;
        await rename(join(this.ctx.dir, `staging-${name}`), join(this.ctx.dir, `snapshot-${name}`));
        kept.add(`snapshot-${name}`);
      }
      this.matcher = next;
      this.setVersion(parts[parts.length - 1]!);
      await this.prune(kept);
      this.counters.updatesApplied++;
      this.ctx.logger.info({ version, entries: this.matcher.size }, 'hot-list snapshot applied');
      return;
    }
    const base = Number(update.baseVersion);
    if (base !== this.current || version < base) return this.refuse(`delta from version ${base} to ${version} does not follow the version held (${this.current})`);
    try {
      this.applyUpdate(update, false);
    } catch (err) {
      return this.refuse(`delta to version ${version}: ${errorMessage(err)}`);
    }
    // Kept after it applied: a delta that cannot be kept is sent again from the version on disk
    // after a restart, since the status then reports that version.
    if (version > base) await this.write(`delta-${version}.bin`, bytes);
    this.counters.updatesApplied++;
  }

  /** Applies a kept or received update (throws ALPR_ERR_SYNC_MALFORMED, changing nothing, on a bad entry). */
  private applyUpdate(update: alpr.v1.HotlistUpdateFrame, snapshotPart: boolean): void {
    if (snapshotPart && update.part === 0) this.matcher.clear();
    this.matcher.applyEncoded(update.upserts, update.removedEntryIds);
    this.setVersion(update);
  }

  private setVersion(update: alpr.v1.HotlistUpdateFrame): void {
    this.current = Number(update.version);
    const expires = Number(update.listExpiresAtMs);
    this.expiresAt = expires > 0 ? expires : null;
    this.issuedAt = Math.max(this.issuedAt, Number(update.issuedAtMs));
  }

  private open(bytes: Uint8Array): alpr.v1.HotlistUpdateFrame {
    return openHotlistUpdate(bytes, this.ctx.deviceId, this.ctx.deviceKey, this.ctx.hubVerifyKey);
  }

  private refuse(why: string): void {
    this.counters.updatesRefused++;
    const err = new AlprError('ALPR_ERR_HOTLIST_UPDATE', `hot-list update refused: ${why}`);
    this.ctx.logger.warn({ err: err.toJSON() }, 'hot-list update refused');
  }

  private write(name: string, bytes: Uint8Array): Promise<void> {
    return writeDurably(this.ctx.dir, name, bytes);
  }


  /**
   * Keeps only the snapshot just applied. Every other file came before it, whatever its version
   * (after a hub restore the snapshot's version is lower): a higher snapshot would be loaded in its
   * place on a restart, and a delta kept would be applied to the wrong list.
   */
  private async prune(snapshotFiles: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(this.ctx.dir)) {
      if ((SNAPSHOT.test(name) && !snapshotFiles.has(name)) || DELTA.test(name) || name.startsWith('staging-')) await rm(join(this.ctx.dir, name), { force: true });
    }
  }
}
