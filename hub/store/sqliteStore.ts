import type BetterSqlite3 from 'better-sqlite3';
import { AlprError } from '../../core/index.js';
import { SqliteSql } from '../db/sql.js';
import { canonicalPlate, reversePlate } from '../search/plateText.js';
import type { ImageCipher } from './imageCipher.js';
import { purgeReport } from './purgeReport.js';
import { countersOf, type Device, type DeviceStatus, type HubRead, type HubStore, type IngestCounters, type IngestOutcome, type PurgeReport, type ReadWindow } from './types.js';

type Db = BetterSqlite3.Database;

const DAY_MS = 86_400_000;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const SCHEMA = `
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY, public_key BLOB NOT NULL, site_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active','revoked')), enrolled_at INTEGER NOT NULL, last_sequence INTEGER
);
CREATE TABLE IF NOT EXISTS plate_index (plate TEXT PRIMARY KEY, canon TEXT NOT NULL, rev TEXT NOT NULL, last_seen INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS plate_index_canon ON plate_index (canon);
CREATE INDEX IF NOT EXISTS plate_index_rev ON plate_index (rev);
CREATE TABLE IF NOT EXISTS holds (
  hold_id TEXT PRIMARY KEY, read_id TEXT NOT NULL, case_number TEXT NOT NULL, placed_by TEXT NOT NULL, placed_at INTEGER NOT NULL,
  released_by TEXT, released_at INTEGER
);
CREATE INDEX IF NOT EXISTS holds_read ON holds (read_id);
CREATE TABLE IF NOT EXISTS sequence_gaps (device_id TEXT NOT NULL, from_sequence INTEGER NOT NULL, to_sequence INTEGER NOT NULL, detected_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ingest_counters (
  device_id TEXT PRIMARY KEY, batches INTEGER NOT NULL, reads_received INTEGER NOT NULL, reads_stored INTEGER NOT NULL,
  duplicates INTEGER NOT NULL, resent_batches INTEGER NOT NULL, resent_reads INTEGER NOT NULL, gaps INTEGER NOT NULL, missing_sequences INTEGER NOT NULL
);
`;

/**
 * One day's reads and images (`other` holds times outside 2000-2100 and held reads of purged
 * days). Images go in a rowid table: kilobytes per row are appended at the end of its B-tree,
 * where a WITHOUT ROWID table would rebalance them in key order (ingest ran at 6,100 reads/s
 * that way, 15,000 this way).
 */
function dayTables(day: string): string {
  return `
CREATE TABLE IF NOT EXISTS reads_${day} (
  id TEXT PRIMARY KEY, device_id TEXT NOT NULL, site_id TEXT NOT NULL, camera_id TEXT NOT NULL,
  captured_at INTEGER NOT NULL, received_at INTEGER NOT NULL, plate TEXT NOT NULL, confidence REAL NOT NULL,
  char_confidences TEXT NOT NULL, region TEXT, region_confidence REAL NOT NULL, low_confidence INTEGER NOT NULL,
  corners TEXT NOT NULL, vehicle_colour TEXT NOT NULL DEFAULT 'unknown'
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reads_${day}_plate_time ON reads_${day} (plate, captured_at);
${receivedIndex(day)}
CREATE TABLE IF NOT EXISTS read_images_${day} (read_id TEXT PRIMARY KEY, images BLOB NOT NULL);`;
}

/**
 * Arrival time per day table: a read is purged 30 days after the earlier of its capture and its
 * arrival, and one whose capture day is still ahead (clock skew) must go by arrival.
 */
function receivedIndex(day: string): string {
  return `CREATE INDEX IF NOT EXISTS reads_${day}_received ON reads_${day} (received_at);`;
}

/**
 * Day tables made before reads carried a colour get the column, last (as new tables have it), so
 * every day keeps one column order: the views union them and the purge copies rows by position.
 * Their reads are 'unknown'.
 */
function addColourColumn(db: Db, day: string): void {
  const columns = db.prepare(`PRAGMA table_info(reads_${day})`).all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === 'vehicle_colour')) db.exec(`ALTER TABLE reads_${day} ADD COLUMN vehicle_colour TEXT NOT NULL DEFAULT 'unknown'`);
}

/** `YYYYMMDD` of a capture time, or `other`. */
function dayOf(capturedAt: number): string {
  return capturedAt >= EARLIEST && capturedAt < LATEST ? new Date(capturedAt).toISOString().slice(0, 10).replaceAll('-', '') : 'other';
}

function dayStart(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)));
}

/**
 * SQLite through better-sqlite3, WAL mode: the embedded default for a single hub. Like the
 * PostgreSQL store's partitions, each capture day has its own pair of tables, so the 30-day purge
 * drops a day's tables instead of deleting a third of a million rows from shared B-trees (38 s
 * at 10 M reads; dropping takes a fraction of that). The views `reads` and `read_images` union
 * the days for search and lookups; SQLite pushes each query's conditions into every day.
 */
export class SqliteStore implements HubStore {
  readonly engine = 'sqlite' as const;
  private db: Db | null = null;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly days = new Set<string>();
  readonly sql = new SqliteSql(() => this.open());

  constructor(private readonly ctx: { path: string; images: ImageCipher; now: () => number }) {}

  async migrate(): Promise<void> {
    const { default: Database } = await import('better-sqlite3');
    try {
      const db = new Database(this.ctx.path);
      // Larger pages suit rows that carry a few kilobytes of image; set before the first table.
      db.pragma('page_size = 16384');
      db.pragma('journal_mode = WAL');
      // Checkpoint in bigger steps: ingest writes megabytes of images per second.
      db.pragma('wal_autocheckpoint = 4000');
      // FULL: a batch is acked (and deleted on the appliance) only after its commit, so the
      // commit must survive a power cut; in WAL mode NORMAL would not fsync it.
      db.pragma('synchronous = FULL');
      // Reads arrive with random UUID keys: a larger page cache keeps the B-tree inserts in memory.
      db.pragma('cache_size = -65536');
      db.pragma('foreign_keys = ON');
      db.exec(SCHEMA);
      db.exec(dayTables('other'));
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'reads_[0-9]*'").all() as Array<{ name: string }>) {
        this.days.add(name.slice('reads_'.length));
      }
      // Day tables made before reads were purged by arrival too get the arrival index now.
      for (const day of this.days) db.exec(receivedIndex(day));
      for (const day of ['other', ...this.days]) addColourColumn(db, day);
      this.db = db;
      this.rebuildViews();
    } catch (cause) {
      throw new AlprError('ALPR_ERR_STORE', `SQLite store ${this.ctx.path} cannot be opened`, { cause });
    }
  }

  /**
   * Whether a read with this id is stored on the day either side of `day`, or in `other` (where a
   * held read of a purged day is kept). A read id is stored once whatever capture time it comes
   * back with, and a resend may carry another (a reseal recomputes the clock correction; a hit
   * carried the device's raw time): the day's own table refuses the id by its key, and these
   * probes catch a time moved across midnight. They only
   * read the days' id index: a table of every id, claimed first (the PostgreSQL store's
   * `read_ids`), was tried here and cut ingest from about 11,300 to 7,700-9,900 reads/s (its random
   * keys dirty a page each per batch). A capture time more than a day off is not caught.
   */
  private heldNearby(id: string, day: string): boolean {
    if (day === 'other') return false;
    const near = [dayOf(dayStart(day) - DAY_MS), dayOf(dayStart(day) + DAY_MS)].filter((d) => d !== 'other' && this.days.has(d));
    return [...near, 'other'].some((d) => this.q(`SELECT 1 AS x FROM reads_${d} WHERE id = ?`).get(id) !== undefined);
  }

  /** The day tables a batch needs, and the views over all of them (DDL: inside the caller's transaction). */
  private ensureDay(day: string): void {
    if (day === 'other' || this.days.has(day)) return;
    this.open().exec(dayTables(day));
    this.days.add(day);
    this.rebuildViews();
  }

  private rebuildViews(): void {
    const days = ['other', ...[...this.days].sort()];
    this.open().exec(`DROP VIEW IF EXISTS reads; DROP VIEW IF EXISTS read_images;
      CREATE VIEW reads AS ${days.map((d) => `SELECT * FROM reads_${d}`).join(' UNION ALL ')};
      CREATE VIEW read_images AS ${days.map((d) => `SELECT * FROM read_images_${d}`).join(' UNION ALL ')};`);
    // Statements prepared against a day's tables are prepared again when next needed.
    for (const key of [...this.statements.keys()]) if (/_\d{8}\b/.test(key)) this.statements.delete(key);
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }

  async upsertDevice(d: Device): Promise<void> {
    this.q(`INSERT INTO devices (device_id, public_key, site_id, status, enrolled_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, site_id = excluded.site_id, status = excluded.status`)
      .run(d.deviceId, d.publicKey, d.siteId, d.status, d.enrolledAt);
  }

  async getDevice(deviceId: string): Promise<Device | null> {
    const row = this.q('SELECT * FROM devices WHERE device_id = ?').get(deviceId) as Record<string, unknown> | undefined;
    return row ? { deviceId: row.device_id as string, publicKey: row.public_key as Buffer, siteId: row.site_id as string, status: row.status as DeviceStatus, enrolledAt: row.enrolled_at as number } : null;
  }

  async listDevices(): Promise<Device[]> {
    return (this.q('SELECT * FROM devices ORDER BY device_id').all() as Array<Record<string, unknown>>).map((row) => ({
      deviceId: row.device_id as string, publicKey: row.public_key as Buffer, siteId: row.site_id as string, status: row.status as DeviceStatus, enrolledAt: row.enrolled_at as number,
    }));
  }

  async setDeviceStatus(deviceId: string, status: DeviceStatus): Promise<void> {
    this.q('UPDATE devices SET status = ? WHERE device_id = ?').run(status, deviceId);
  }

  async ingestBatch(deviceId: string, sequence: number, reads: HubRead[]): Promise<IngestOutcome> {
    const db = this.open();
    const lastSeq = this.q('SELECT last_sequence FROM devices WHERE device_id = ?');
    const setSeq = this.q('UPDATE devices SET last_sequence = ? WHERE device_id = ? AND (last_sequence IS NULL OR last_sequence < ?)');
    const addGap = this.q('INSERT INTO sequence_gaps (device_id, from_sequence, to_sequence, detected_at) VALUES (?, ?, ?, ?)');
    const countBatch = this.q(`INSERT INTO ingest_counters (device_id, batches, reads_received, reads_stored, duplicates, resent_batches, resent_reads, gaps, missing_sequences) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (device_id) DO UPDATE SET batches = batches + 1, reads_received = reads_received + excluded.reads_received,
        reads_stored = reads_stored + excluded.reads_stored, duplicates = duplicates + excluded.duplicates,
        resent_batches = resent_batches + excluded.resent_batches, resent_reads = resent_reads + excluded.resent_reads, gaps = gaps + excluded.gaps, missing_sequences = missing_sequences + excluded.missing_sequences`);
    // The distinct-plate index that wildcard and fuzzy search probe before touching reads.
    const indexPlate = this.q(`INSERT INTO plate_index (plate, canon, rev, last_seen) VALUES (?, ?, ?, ?)
      ON CONFLICT (plate) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`);
    // Encrypt outside the transaction: it is the slow part and holds no lock.
    const sealed = reads.map((r) => ({ r, day: dayOf(r.capturedAt), images: this.ctx.images.sealPair(r.id, r.crop, r.context) }));
    const run = db.transaction((): IngestOutcome => {
      const inserted: string[] = [];
      const duplicates: string[] = [];
      for (const { r, day, images } of sealed) {
        if (this.heldNearby(r.id, day)) {
          duplicates.push(r.id);
          continue;
        }
        this.ensureDay(day);
        const info = this.q(`INSERT INTO reads_${day} (id, device_id, site_id, camera_id, captured_at, received_at, plate, confidence, char_confidences, region, region_confidence, low_confidence, corners, vehicle_colour)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`).run(r.id, r.deviceId, r.siteId, r.cameraId, r.capturedAt, r.receivedAt, r.plate, r.confidence,
          JSON.stringify(r.charConfidences), r.region, r.regionConfidence, r.lowConfidence ? 1 : 0, JSON.stringify(r.corners), r.vehicleColour);
        if (info.changes === 1) {
          this.q(`INSERT INTO read_images_${day} (read_id, images) VALUES (?, ?) ON CONFLICT (read_id) DO NOTHING`).run(r.id, images);
          indexPlate.run(r.plate, canonicalPlate(r.plate), reversePlate(r.plate), r.capturedAt);
          inserted.push(r.id);
        } else duplicates.push(r.id);
      }
      let gap: IngestOutcome['gap'] = null;
      let last: number | null = null;
      if (sequence > 0) {
        last = (lastSeq.get(deviceId) as { last_sequence: number | null } | undefined)?.last_sequence ?? null;
        if (last !== null && sequence > last + 1) {
          gap = { from: last + 1, to: sequence - 1 };
          addGap.run(deviceId, gap.from, gap.to, this.ctx.now());
        }
        setSeq.run(sequence, deviceId, sequence);
      }
      const resent = last !== null && sequence <= last;
      countBatch.run(deviceId, reads.length, inserted.length, duplicates.length, resent ? 1 : 0, resent ? reads.length : 0, gap ? 1 : 0, gap ? gap.to - gap.from + 1 : 0);
      return { inserted, duplicates, gap };
    });
    return this.sql.exclusive(() => {
      try {
        return run.immediate();
      } catch (cause) {
        throw new AlprError('ALPR_ERR_STORE', 'SQLite ingest transaction failed', { cause });
      }
    });
  }

  async purgeReadsBefore(cutoff: number): Promise<PurgeReport> {
    const db = this.open();
    const held = 'SELECT read_id FROM holds WHERE released_at IS NULL';
    const run = db.transaction((): PurgeReport => {
      const deleted: Array<{ id: string; capturedAt: number }> = [];
      // Whole days before the cutoff: keep held reads (moved to the `other` tables), drop the rest.
      for (const day of [...this.days].sort()) {
        if (dayStart(day) + DAY_MS > cutoff) continue;
        // (a loop, not push(...rows): a day holds more rows than a call may take arguments)
        for (const r of db.prepare(`SELECT id, captured_at AS capturedAt FROM reads_${day} WHERE id NOT IN (${held})`).iterate() as Iterable<{ id: string; capturedAt: number }>) deleted.push(r);
        db.exec(`INSERT OR IGNORE INTO reads_other SELECT * FROM reads_${day} WHERE id IN (${held});
          INSERT OR IGNORE INTO read_images_other SELECT * FROM read_images_${day} WHERE read_id IN (${held});
          DROP TABLE reads_${day}; DROP TABLE read_images_${day};`);
        this.days.delete(day);
        this.rebuildViews();
      }
      // The cutoff's own day and the other table: row by row.
      const arrivedEarly: Array<{ id: string; capturedAt: number; plate: string }> = [];
      for (const day of ['other', ...this.days]) {
        // Before the cutoff's day every row goes by capture time; after it, by arrival (the index).
        const byCapture = day === 'other' || dayStart(day) < cutoff;
        const rows = db.prepare(`DELETE FROM reads_${day} WHERE (${byCapture ? 'captured_at < ? OR ' : ''}received_at < ?) AND id NOT IN (${held})
          RETURNING id, captured_at AS capturedAt, plate`).all(...(byCapture ? [cutoff, cutoff] : [cutoff])) as Array<{ id: string; capturedAt: number; plate: string }>;
        const removeImages = db.prepare(`DELETE FROM read_images_${day} WHERE read_id = ?`);
        for (const r of rows) removeImages.run(r.id);
        for (const r of rows) deleted.push(r);
        for (const r of rows) if (r.capturedAt >= cutoff) arrivedEarly.push(r);
      }
      // A plate whose last read went by arrival may have a last_seen after the cutoff.
      const orphan = db.prepare('DELETE FROM plate_index WHERE plate = ? AND NOT EXISTS (SELECT 1 FROM reads WHERE plate = ?)');
      for (const plate of new Set(arrivedEarly.map((r) => r.plate))) orphan.run(plate, plate);
      // Plates last seen before the cutoff have no read left, unless a held one.
      db.prepare(`DELETE FROM plate_index WHERE last_seen < ? AND plate NOT IN (SELECT plate FROM reads WHERE id IN (${held}))`).run(cutoff);
      // Whatever is older than the cutoff now is held: count through the holds, not a scan.
      const kept = (db.prepare(`SELECT count(*) AS n FROM reads WHERE id IN (${held}) AND (captured_at < ? OR received_at < ?)`).get(cutoff, cutoff) as { n: number }).n;
      return purgeReport(cutoff, deleted, kept);
    });
    return this.sql.exclusive(() => {
      try {
        return run.immediate();
      } catch (cause) {
        throw new AlprError('ALPR_ERR_STORE', 'SQLite purge failed', { cause });
      }
    });
  }

  async ingestCounters(deviceId: string): Promise<IngestCounters> {
    const row = this.q('SELECT * FROM ingest_counters WHERE device_id = ?').get(deviceId) as Record<string, number> | undefined;
    return countersOf(deviceId, row);
  }

  async lastSequence(deviceId: string): Promise<number | null> {
    return (this.q('SELECT last_sequence FROM devices WHERE device_id = ?').get(deviceId) as { last_sequence: number | null } | undefined)?.last_sequence ?? null;
  }

  readWindows(from: number, to: number): ReadWindow[] {
    const windows: ReadWindow[] = [];
    for (const day of [...this.days].sort().reverse()) {
      const start = dayStart(day);
      if (start + DAY_MS <= from || start >= to) continue;
      windows.push({ table: `reads_${day}`, from: Math.max(from, start), to: Math.min(to, start + DAY_MS) });
    }
    // Held reads of purged days (older than every day table) and times outside 2000-2100.
    windows.push({ table: 'reads_other', from, to });
    return windows;
  }

  async countReads(): Promise<number> {
    return (this.q('SELECT count(*) AS n FROM reads').get() as { n: number }).n;
  }

  async getRead(id: string): Promise<HubRead | null> {
    const row = this.q('SELECT * FROM reads WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) return null;
    // Images live in the read's day table, or in `other` (held reads of purged days).
    const day = dayOf(row.captured_at as number);
    const images = ((this.days.has(day) ? this.q(`SELECT images FROM read_images_${day} WHERE read_id = ?`).get(id) : undefined)
      ?? this.q('SELECT images FROM read_images_other WHERE read_id = ?').get(id)) as { images: Buffer } | undefined;
    if (!images) throw new AlprError('ALPR_ERR_STORE', `read ${id} has no images stored`);
    return {
      id: row.id as string, deviceId: row.device_id as string, siteId: row.site_id as string, cameraId: row.camera_id as string,
      capturedAt: row.captured_at as number, receivedAt: row.received_at as number, plate: row.plate as string, confidence: row.confidence as number,
      charConfidences: JSON.parse(row.char_confidences as string) as number[], region: (row.region as string | null) ?? null,
      regionConfidence: row.region_confidence as number, lowConfidence: row.low_confidence === 1, corners: JSON.parse(row.corners as string) as HubRead['corners'],
      vehicleColour: row.vehicle_colour as HubRead['vehicleColour'], ...this.ctx.images.openPair(id, images.images),
    };
  }

  async allReadIds(): Promise<string[]> {
    return (this.q('SELECT id FROM reads ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  }

  private q(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.open().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private open(): Db {
    if (!this.db) throw new AlprError('ALPR_ERR_STORE', 'the SQLite store is not open');
    return this.db;
  }
}
