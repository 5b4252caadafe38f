import type BetterSqlite3 from 'better-sqlite3';
import { AlprError } from '../../core/index.js';
import { SqliteSql } from '../db/sql.js';
import { canonicalPlate, reversePlate } from '../search/plateText.js';
import type { ImageCipher } from './imageCipher.js';
import { purgeReport } from './purgeReport.js';
import type { Device, DeviceStatus, HubRead, HubStore, IngestOutcome, PurgeReport } from './types.js';

type Db = BetterSqlite3.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY, public_key BLOB NOT NULL, site_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active','revoked')), enrolled_at INTEGER NOT NULL, last_sequence INTEGER
);
CREATE TABLE IF NOT EXISTS reads (
  id TEXT PRIMARY KEY, device_id TEXT NOT NULL, site_id TEXT NOT NULL, camera_id TEXT NOT NULL,
  captured_at INTEGER NOT NULL, received_at INTEGER NOT NULL, plate TEXT NOT NULL, confidence REAL NOT NULL,
  char_confidences TEXT NOT NULL, region TEXT, region_confidence REAL NOT NULL, low_confidence INTEGER NOT NULL,
  corners TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS reads_plate_time ON reads (plate, captured_at);
CREATE INDEX IF NOT EXISTS reads_time ON reads (captured_at);
CREATE TABLE IF NOT EXISTS read_images (read_id TEXT PRIMARY KEY, images BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS plate_index (plate TEXT PRIMARY KEY, canon TEXT NOT NULL, rev TEXT NOT NULL, last_seen INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS plate_index_canon ON plate_index (canon);
CREATE INDEX IF NOT EXISTS plate_index_rev ON plate_index (rev);
CREATE TABLE IF NOT EXISTS holds (
  hold_id TEXT PRIMARY KEY, read_id TEXT NOT NULL, case_number TEXT NOT NULL, placed_by TEXT NOT NULL, placed_at INTEGER NOT NULL,
  released_by TEXT, released_at INTEGER
);
CREATE INDEX IF NOT EXISTS holds_read ON holds (read_id);
CREATE TABLE IF NOT EXISTS sequence_gaps (device_id TEXT NOT NULL, from_sequence INTEGER NOT NULL, to_sequence INTEGER NOT NULL, detected_at INTEGER NOT NULL);
`;

/** SQLite through better-sqlite3, WAL mode: the embedded default for a single hub. */
export class SqliteStore implements HubStore {
  readonly engine = 'sqlite' as const;
  private db: Db | null = null;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
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
      this.db = db;
    } catch (cause) {
      throw new AlprError('ALPR_ERR_STORE', `SQLite store ${this.ctx.path} cannot be opened`, { cause });
    }
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
    const insertRead = this.q(`INSERT INTO reads (id, device_id, site_id, camera_id, captured_at, received_at, plate, confidence, char_confidences, region, region_confidence, low_confidence, corners)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
    const insertImages = this.q('INSERT INTO read_images (read_id, images) VALUES (?, ?) ON CONFLICT (read_id) DO NOTHING');
    const lastSeq = this.q('SELECT last_sequence FROM devices WHERE device_id = ?');
    const setSeq = this.q('UPDATE devices SET last_sequence = ? WHERE device_id = ? AND (last_sequence IS NULL OR last_sequence < ?)');
    const addGap = this.q('INSERT INTO sequence_gaps (device_id, from_sequence, to_sequence, detected_at) VALUES (?, ?, ?, ?)');
    // The distinct-plate index that wildcard and fuzzy search probe before touching reads.
    const indexPlate = this.q(`INSERT INTO plate_index (plate, canon, rev, last_seen) VALUES (?, ?, ?, ?)
      ON CONFLICT (plate) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`);
    // Encrypt outside the transaction: it is the slow part and holds no lock.
    const sealed = reads.map((r) => ({ r, images: this.ctx.images.sealPair(r.id, r.crop, r.context) }));
    const run = db.transaction((): IngestOutcome => {
      const inserted: string[] = [];
      const duplicates: string[] = [];
      for (const { r, images } of sealed) {
        const info = insertRead.run(r.id, r.deviceId, r.siteId, r.cameraId, r.capturedAt, r.receivedAt, r.plate, r.confidence, JSON.stringify(r.charConfidences),
          r.region, r.regionConfidence, r.lowConfidence ? 1 : 0, JSON.stringify(r.corners));
        if (info.changes === 1) {
          insertImages.run(r.id, images);
          indexPlate.run(r.plate, canonicalPlate(r.plate), reversePlate(r.plate), r.capturedAt);
          inserted.push(r.id);
        } else duplicates.push(r.id);
      }
      const last = (lastSeq.get(deviceId) as { last_sequence: number | null } | undefined)?.last_sequence ?? null;
      let gap: IngestOutcome['gap'] = null;
      if (last !== null && sequence > last + 1) {
        gap = { from: last + 1, to: sequence - 1 };
        addGap.run(deviceId, gap.from, gap.to, this.ctx.now());
      }
      setSeq.run(sequence, deviceId, sequence);
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
    const notHeld = 'id NOT IN (SELECT read_id FROM holds WHERE released_at IS NULL)';
    const run = db.transaction((): PurgeReport => {
      const doomed = (this.q(`SELECT id, captured_at AS capturedAt FROM reads WHERE captured_at < ? AND ${notHeld}`).all(cutoff)) as Array<{ id: string; capturedAt: number }>;
      const kept = (this.q(`SELECT count(*) AS n FROM reads WHERE captured_at < ? AND NOT ${notHeld}`).get(cutoff) as { n: number }).n;
      const remove = this.q('DELETE FROM reads WHERE id = ?');
      const removeImages = this.q('DELETE FROM read_images WHERE read_id = ?');
      // By primary key, in key order: cheaper than a range delete that must consult the holds.
      for (const { id } of [...doomed].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        remove.run(id);
        removeImages.run(id);
      }
      this.q('DELETE FROM plate_index WHERE last_seen < ? AND NOT EXISTS (SELECT 1 FROM reads r WHERE r.plate = plate_index.plate)').run(cutoff);
      return purgeReport(cutoff, doomed, kept);
    });
    return this.sql.exclusive(() => {
      try {
        return run.immediate();
      } catch (cause) {
        throw new AlprError('ALPR_ERR_STORE', 'SQLite purge failed', { cause });
      }
    });
  }

  async lastSequence(deviceId: string): Promise<number | null> {
    return (this.q('SELECT last_sequence FROM devices WHERE device_id = ?').get(deviceId) as { last_sequence: number | null } | undefined)?.last_sequence ?? null;
  }

  async countReads(): Promise<number> {
    return (this.q('SELECT count(*) AS n FROM reads').get() as { n: number }).n;
  }

  async getRead(id: string): Promise<HubRead | null> {
    const row = this.q('SELECT r.*, i.images FROM reads r JOIN read_images i ON i.read_id = r.id WHERE r.id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) return null;
    return {
      id: row.id as string, deviceId: row.device_id as string, siteId: row.site_id as string, cameraId: row.camera_id as string,
      capturedAt: row.captured_at as number, receivedAt: row.received_at as number, plate: row.plate as string, confidence: row.confidence as number,
      charConfidences: JSON.parse(row.char_confidences as string) as number[], region: (row.region as string | null) ?? null,
      regionConfidence: row.region_confidence as number, lowConfidence: row.low_confidence === 1, corners: JSON.parse(row.corners as string) as HubRead['corners'],
      ...this.ctx.images.openPair(id, row.images as Buffer),
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
