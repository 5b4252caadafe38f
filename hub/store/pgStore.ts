import type { Pool, PoolClient } from 'pg';
import { AlprError } from '../../core/index.js';
import { keepErrorsOnQueries, PgSql } from '../db/sql.js';
import { canonicalPlate, reversePlate } from '../search/plateText.js';
import type { ImageCipher } from './imageCipher.js';
import { purgeReport } from './purgeReport.js';
import { countersOf, type Device, type DeviceStatus, type HubRead, type HubStore, type IngestCounters, type IngestOutcome, type PurgeReport, type ReadWindow } from './types.js';

const DAY_MS = 86_400_000;
/** How far a plate's last_seen may trail its newest read (the purge checks that window against the reads). */
export const PLATE_INDEX_SLACK_MS = 10 * 60_000;

/**
 * PostgreSQL (the `pg` package) for hubs that outgrow one machine. Reads and their images are
 * partitioned by capture day, so 30-day retention drops whole partitions instead of deleting
 * rows. The partitions' key (id, captured_at) sees one capture time only, and a read can come back
 * with another (the appliance recomputes its clock correction when it reseals a batch; a hot-list
 * hit carries the device's raw time): ingest is idempotent by read id through `read_ids`, one
 * unpartitioned row per stored read, inserted first in the same statement. A read whose id is
 * there is a duplicate and the copy stored first stands; a row goes when its read is purged (and
 * stays with a held one), so the table holds no id longer than the reads do.
 */
export class PgStore implements HubStore {
  readonly engine = 'pg' as const;
  private pool: Pool | null = null;
  private readonly partitions = new Set<string>();
  readonly sql = new PgSql(() => {
    if (!this.pool) throw new AlprError('ALPR_ERR_STORE', 'the PostgreSQL store is not open');
    return this.pool;
  });

  constructor(private readonly ctx: { connectionString: string; schema: string; images: ImageCipher; now: () => number; poolSize?: number }) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(ctx.schema)) throw new AlprError('ALPR_ERR_STORE', `schema name ${ctx.schema} is not a plain identifier`);
  }

  async migrate(): Promise<void> {
    const { default: pg } = await import('pg');
    pg.types.setTypeParser(20, (v: string) => Number(v)); // int8 as number (ms timestamps fit)
    const s = this.ctx.schema;
    // Unqualified names (the portable policy SQL) resolve in this hub's schema; public holds pg_trgm.
    this.pool = new pg.Pool({ connectionString: this.ctx.connectionString, max: this.ctx.poolSize ?? 4, options: `-c search_path=${s},public` });
    // An idle connection whose server went away (a restart, a failover) is dropped by the pool and
    // the next query opens a new one; without a listener the 'error' event would end the process.
    this.pool.on('error', () => undefined);
    await this.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.devices (
        device_id text PRIMARY KEY, public_key bytea NOT NULL, site_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('active','revoked')), enrolled_at bigint NOT NULL, last_sequence bigint
      );
      CREATE TABLE IF NOT EXISTS ${s}.reads (
        id text NOT NULL, device_id text NOT NULL, site_id text NOT NULL, camera_id text NOT NULL,
        captured_at bigint NOT NULL, received_at bigint NOT NULL, plate text NOT NULL, confidence real NOT NULL,
        char_confidences real[] NOT NULL, region text, region_confidence real NOT NULL, low_confidence boolean NOT NULL,
        corners jsonb NOT NULL, stored_at bigint, PRIMARY KEY (id, captured_at)
      ) PARTITION BY RANGE (captured_at);
      -- The hub's time when ingest's transaction wrote the read (its commit follows within that
      -- transaction): capture to stored is what an operator waits for a read to be searchable.
      -- Null for reads stored before it was recorded.
      ALTER TABLE ${s}.reads ADD COLUMN IF NOT EXISTS stored_at bigint;
      CREATE INDEX IF NOT EXISTS reads_plate_time ON ${s}.reads (plate, captured_at);
      -- A read goes 30 days after the earlier of capture and arrival: partitions whose capture day
      -- is still ahead (clock skew) are searched by arrival through this index.
      CREATE INDEX IF NOT EXISTS reads_received ON ${s}.reads (received_at);
      CREATE TABLE IF NOT EXISTS ${s}.read_images (
        read_id text NOT NULL, captured_at bigint NOT NULL, images bytea NOT NULL, PRIMARY KEY (read_id, captured_at)
      ) PARTITION BY RANGE (captured_at);
      CREATE TABLE IF NOT EXISTS ${s}.reads_other PARTITION OF ${s}.reads DEFAULT;
      CREATE TABLE IF NOT EXISTS ${s}.read_images_other PARTITION OF ${s}.read_images DEFAULT;
      -- Collation "C": byte order, so that a plate prefix is a B-tree range (wildcard search).
      CREATE TABLE IF NOT EXISTS ${s}.plate_index (
        plate text COLLATE "C" PRIMARY KEY, canon text COLLATE "C" NOT NULL, rev text COLLATE "C" NOT NULL, last_seen bigint NOT NULL
      );
      CREATE INDEX IF NOT EXISTS plate_index_canon ON ${s}.plate_index (canon);
      CREATE INDEX IF NOT EXISTS plate_index_rev ON ${s}.plate_index (rev);
      CREATE TABLE IF NOT EXISTS ${s}.holds (
        hold_id text PRIMARY KEY, read_id text NOT NULL, case_number text NOT NULL, placed_by text NOT NULL, placed_at bigint NOT NULL,
        released_by text, released_at bigint
      );
      CREATE INDEX IF NOT EXISTS holds_read ON ${s}.holds (read_id);
      CREATE TABLE IF NOT EXISTS ${s}.sequence_gaps (device_id text NOT NULL, from_sequence bigint NOT NULL, to_sequence bigint NOT NULL, detected_at bigint NOT NULL);
      CREATE TABLE IF NOT EXISTS ${s}.ingest_counters (
        device_id text PRIMARY KEY, batches bigint NOT NULL, reads_received bigint NOT NULL, reads_stored bigint NOT NULL,
        duplicates bigint NOT NULL, resent_batches bigint NOT NULL, resent_reads bigint NOT NULL, gaps bigint NOT NULL, missing_sequences bigint NOT NULL
      );
    `);
    await this.migrateReadIds();
    // Stores made before reads carried a colour: their reads are unknown (added on the parent, so every partition gets it).
    await this.query(`ALTER TABLE ${s}.reads ADD COLUMN IF NOT EXISTS vehicle_colour text NOT NULL DEFAULT 'unknown'`);
    // Stores made before the plate index used byte order get it now (one rewrite of a small table).
    const { rows } = await this.query(`SELECT collation_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'plate_index' AND column_name = 'plate'`, [s]);
    if (rows[0]?.collation_name !== 'C') {
      await this.query(`DROP INDEX IF EXISTS ${s}.plate_index_prefix; DROP INDEX IF EXISTS ${s}.plate_index_rev;
        ALTER TABLE ${s}.plate_index ALTER COLUMN plate TYPE text COLLATE "C", ALTER COLUMN canon TYPE text COLLATE "C", ALTER COLUMN rev TYPE text COLLATE "C";
        CREATE INDEX IF NOT EXISTS plate_index_rev ON ${s}.plate_index (rev);`);
    }
  }

  /**
   * `read_ids` (see the class), and for a store made before it, filled from the reads held (the
   * earliest arrival keeps an id held twice). Created and filled in one transaction under a lock
   * on the reads, which a second hub process migrating at once waits for, then finds it made.
   */
  private async migrateReadIds(): Promise<void> {
    const s = this.ctx.schema;
    const found = 'SELECT to_regclass($1) IS NOT NULL AS found';
    if ((await this.query(found, [`${s}.read_ids`])).rows[0].found === true) return;
    const client = await this.client();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${s}.reads IN SHARE ROW EXCLUSIVE MODE`);
      if ((await client.query(found, [`${s}.read_ids`])).rows[0].found !== true) {
        await client.query(`CREATE TABLE ${s}.read_ids (id text PRIMARY KEY, captured_at bigint NOT NULL)`);
        await client.query(`INSERT INTO ${s}.read_ids (id, captured_at) SELECT id, captured_at FROM ${s}.reads ORDER BY received_at ON CONFLICT (id) DO NOTHING`);
      }
      await client.query('COMMIT');
    } catch (cause) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new AlprError('ALPR_ERR_STORE', 'PostgreSQL read id table could not be made', { cause });
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool?.end();
    this.pool = null;
  }

  async upsertDevice(d: Device): Promise<void> {
    await this.query(`INSERT INTO ${this.ctx.schema}.devices (device_id, public_key, site_id, status, enrolled_at) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, site_id = excluded.site_id, status = excluded.status`,
      [d.deviceId, d.publicKey, d.siteId, d.status, d.enrolledAt]);
  }

  async getDevice(deviceId: string): Promise<Device | null> {
    const { rows } = await this.query(`SELECT * FROM ${this.ctx.schema}.devices WHERE device_id = $1`, [deviceId]);
    const row = rows[0];
    return row ? { deviceId: row.device_id, publicKey: row.public_key, siteId: row.site_id, status: row.status, enrolledAt: Number(row.enrolled_at) } : null;
  }

  async listDevices(): Promise<Device[]> {
    const { rows } = await this.query(`SELECT * FROM ${this.ctx.schema}.devices ORDER BY device_id`);
    return rows.map((row) => ({ deviceId: row.device_id, publicKey: row.public_key, siteId: row.site_id, status: row.status, enrolledAt: Number(row.enrolled_at) }));
  }

  async setDeviceStatus(deviceId: string, status: DeviceStatus): Promise<void> {
    await this.query(`UPDATE ${this.ctx.schema}.devices SET status = $1 WHERE device_id = $2`, [status, deviceId]);
  }

  async ingestBatch(deviceId: string, sequence: number, reads: HubRead[]): Promise<IngestOutcome> {
    const s = this.ctx.schema;
    await this.ensurePartitions(reads.map((r) => r.capturedAt));
    // The sealed images travel as one binary parameter cut apart by offsets: a bytea[] parameter
    // would go as hex text, which costs more CPU at both ends than the insert. Every read's pair
    // is sealed before the statement knows which reads are new: a duplicate is rare (a resend),
    // a second round trip for every batch is not.
    const sealed = reads.map((r) => this.ctx.images.sealPair(r.id, r.crop, r.context));
    const starts: number[] = [];
    let offset = 1; // substring() counts from 1
    for (const image of sealed) { starts.push(offset); offset += image.length; }
    const plates = [...new Set(reads.map((r) => r.plate))];
    let row: { inserted: string[] | null; last: number | null } | undefined;
    try {
      // The whole batch is one statement (so one implicit transaction and one round trip, where it
      // was ten): data-modifying WITH clauses all commit or none does. Prepared by name, so each
      // pooled connection plans it once.
      ({ rows: [row] } = await this.pool!.query({ name: `ingest_batch_${s}`, text: ingestStatement(s), values: [
        reads.map((r) => r.id), reads.map((r) => r.deviceId), reads.map((r) => r.siteId), reads.map((r) => r.cameraId), reads.map((r) => r.capturedAt),
        reads.map((r) => r.receivedAt), reads.map((r) => r.plate), reads.map((r) => r.confidence), reads.map((r) => `{${r.charConfidences.join(',')}}`),
        reads.map((r) => r.region), reads.map((r) => r.regionConfidence), reads.map((r) => r.lowConfidence), reads.map((r) => JSON.stringify(r.corners)), reads.map((r) => r.vehicleColour),
        this.ctx.now(), Buffer.concat(sealed), starts, sealed.map((b) => b.length), plates, plates.map(canonicalPlate), plates.map(reversePlate),
        deviceId, sequence, this.ctx.now(), PLATE_INDEX_SLACK_MS,
      ] }) as { rows: Array<{ inserted: string[] | null; last: number | null }> });
    } catch (cause) {
      throw new AlprError('ALPR_ERR_STORE', 'PostgreSQL ingest transaction failed', { cause });
    }
    const inserted = row?.inserted ?? [];
    const last = row?.last ?? null;
    // A read is new once: an id twice in the batch is a duplicate the second time.
    const fresh = new Set(inserted);
    const duplicates = reads.filter((r) => !fresh.delete(r.id)).map((r) => r.id);
    const gap = last !== null && sequence > last + 1 ? { from: last + 1, to: sequence - 1 } : null;
    return { inserted, duplicates, gap };
  }

  async ingestCounters(deviceId: string): Promise<IngestCounters> {
    const { rows } = await this.query(`SELECT * FROM ${this.ctx.schema}.ingest_counters WHERE device_id = $1`, [deviceId]);
    return countersOf(deviceId, rows[0] as Record<string, number> | undefined);
  }

  async lastSequence(deviceId: string): Promise<number | null> {
    const { rows } = await this.query(`SELECT last_sequence FROM ${this.ctx.schema}.devices WHERE device_id = $1`, [deviceId]);
    return rows[0]?.last_sequence === null || rows[0] === undefined ? null : Number(rows[0].last_sequence);
  }

  readWindows(from: number, to: number): ReadWindow[] {
    // Day windows prune to one partition each; the last one covers older days and the default
    // partition (held reads of purged days).
    const windows: ReadWindow[] = [];
    let end = to;
    for (let i = 0; i < 32 && end > from; i++) {
      const start = Math.max(from, Math.floor((end - 1) / DAY_MS) * DAY_MS);
      windows.push({ table: 'reads', from: start, to: end });
      end = start;
    }
    if (end > from) windows.push({ table: 'reads', from, to: end });
    return windows;
  }

  async countReads(): Promise<number> {
    const { rows } = await this.query(`SELECT count(*)::int AS n FROM ${this.ctx.schema}.reads`);
    return rows[0].n as number;
  }

  async getRead(id: string): Promise<HubRead | null> {
    const { rows } = await this.query(
      `SELECT r.*, i.images FROM ${this.ctx.schema}.reads r JOIN ${this.ctx.schema}.read_images i ON i.read_id = r.id AND i.captured_at = r.captured_at WHERE r.id = $1`, [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id, deviceId: row.device_id, siteId: row.site_id, cameraId: row.camera_id, capturedAt: Number(row.captured_at), receivedAt: Number(row.received_at),
      plate: row.plate, confidence: row.confidence, charConfidences: row.char_confidences, region: row.region, regionConfidence: row.region_confidence,
      lowConfidence: row.low_confidence, corners: row.corners, vehicleColour: row.vehicle_colour, ...this.ctx.images.openPair(id, row.images),
    };
  }

  async allReadIds(): Promise<string[]> {
    const { rows } = await this.query(`SELECT id FROM ${this.ctx.schema}.reads ORDER BY id`);
    return rows.map((r) => r.id as string);
  }

  async purgeReadsBefore(cutoff: number): Promise<PurgeReport> {
    const s = this.ctx.schema;
    const held = `SELECT read_id FROM ${s}.holds WHERE released_at IS NULL`;
    const { rows: parts } = await this.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '${s}.reads'::regclass AND c.relname ~ '^reads_[0-9]{8}$'`);
    const deleted: Array<{ id: string; capturedAt: number }> = [];
    const client = await this.client();
    try {
      // Whole days before the cutoff: drop the partitions, after moving any held read out to the
      // default partition (its day range is gone, so re-inserting routes it there).
      for (const { name } of parts as Array<{ name: string }>) {
        const day = name.slice(6);
        const dayEnd = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) + DAY_MS;
        if (dayEnd > cutoff) continue;
        await client.query('BEGIN');
        const { rows } = await client.query(`SELECT id, captured_at FROM ${s}.reads_${day} WHERE id NOT IN (${held})`);
        await client.query(`DELETE FROM ${s}.read_ids k USING ${s}.reads_${day} r WHERE k.id = r.id AND k.captured_at = r.captured_at AND r.id NOT IN (${held})`);
        await client.query(`CREATE TEMP TABLE keep_reads ON COMMIT DROP AS SELECT * FROM ${s}.reads_${day} WHERE id IN (${held})`);
        await client.query(`CREATE TEMP TABLE keep_images ON COMMIT DROP AS SELECT * FROM ${s}.read_images_${day} WHERE read_id IN (${held})`);
        await client.query(`DROP TABLE ${s}.reads_${day}, ${s}.read_images_${day}`);
        await client.query(`INSERT INTO ${s}.reads SELECT * FROM keep_reads`);
        await client.query(`INSERT INTO ${s}.read_images SELECT * FROM keep_images`);
        await client.query('COMMIT');
        this.partitions.delete(day);
        for (const r of rows) deleted.push({ id: r.id as string, capturedAt: Number(r.captured_at) });
      }
      // The rest (the cutoff's own day, the default partition): row by row.
      await client.query('BEGIN');
      // Each statement takes its reads' ids with them.
      const { rows } = await client.query(`WITH gone AS (DELETE FROM ${s}.reads WHERE captured_at < $1 AND id NOT IN (${held}) RETURNING id, captured_at),
        ids AS (DELETE FROM ${s}.read_ids k USING gone WHERE k.id = gone.id AND k.captured_at = gone.captured_at)
        SELECT id, captured_at FROM gone`, [cutoff]);
      await client.query(`DELETE FROM ${s}.read_images WHERE captured_at < $1 AND read_id NOT IN (${held})`, [cutoff]);
      // Reads that arrived before the cutoff but carry a later capture time: by arrival, in a
      // statement of their own so that the capture-time one above still prunes partitions.
      const { rows: arrivedEarly } = await client.query(`WITH gone AS (DELETE FROM ${s}.reads WHERE received_at < $1 AND captured_at >= $1 AND id NOT IN (${held}) RETURNING id, captured_at, plate),
        ids AS (DELETE FROM ${s}.read_ids k USING gone WHERE k.id = gone.id AND k.captured_at = gone.captured_at)
        SELECT id, captured_at, plate FROM gone`, [cutoff]);
      if (arrivedEarly.length > 0) {
        await client.query(`DELETE FROM ${s}.read_images i USING unnest($1::text[], $2::bigint[]) AS gone(id, captured_at) WHERE i.read_id = gone.id AND i.captured_at = gone.captured_at`,
          [arrivedEarly.map((r) => r.id as string), arrivedEarly.map((r) => Number(r.captured_at))]);
        rows.push(...arrivedEarly);
        // Their plates may have a last_seen after the cutoff: drop those with no read left.
        const plates = [...new Set(arrivedEarly.map((r) => r.plate as string))];
        const { rows: alive } = await client.query(`SELECT DISTINCT plate FROM ${s}.reads WHERE plate = ANY ($1::text[])`, [plates]);
        const keep = new Set(alive.map((r) => r.plate as string));
        await client.query(`DELETE FROM ${s}.plate_index WHERE plate = ANY ($1::text[])`, [plates.filter((p) => !keep.has(p))]);
      }
      // Plates last seen before the cutoff have no read left but held ones. last_seen may trail by
      // PLATE_INDEX_SLACK_MS, so the plates inside that window are checked against the reads
      // themselves: a few minutes of traffic, probed by index (an anti-join here would hash
      // every read left in the store).
      const heldPlates = `SELECT r.plate FROM ${s}.reads r WHERE r.id IN (${held})`;
      await client.query(`DELETE FROM ${s}.plate_index WHERE last_seen < $1 AND plate NOT IN (${heldPlates})`, [cutoff - PLATE_INDEX_SLACK_MS]);
      const { rows: window } = await client.query(`SELECT plate FROM ${s}.plate_index WHERE last_seen >= $1 AND last_seen < $2 AND plate NOT IN (${heldPlates})`,
        [cutoff - PLATE_INDEX_SLACK_MS, cutoff]);
      const candidates = window.map((r) => r.plate as string);
      if (candidates.length > 0) {
        const { rows: alive } = await client.query(`SELECT DISTINCT plate FROM ${s}.reads WHERE plate = ANY ($1::text[]) AND captured_at >= $2`, [candidates, cutoff]);
        const keep = new Set(alive.map((r) => r.plate as string));
        await client.query(`DELETE FROM ${s}.plate_index WHERE plate = ANY ($1::text[])`, [candidates.filter((p) => !keep.has(p))]);
      }
      await client.query('COMMIT');
      for (const r of rows) deleted.push({ id: r.id as string, capturedAt: Number(r.captured_at) });
      const { rows: keptRows } = await client.query(`SELECT count(*)::int AS n FROM ${s}.reads WHERE id IN (${held}) AND (captured_at < $1 OR received_at < $1)`, [cutoff]);
      return purgeReport(cutoff, deleted, keptRows[0].n as number);
    } catch (cause) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new AlprError('ALPR_ERR_STORE', 'PostgreSQL purge failed', { cause });
    } finally {
      client.release();
    }
  }

  /** Creates the day partitions a batch needs (cached; concurrent creators are harmless). */
  private async ensurePartitions(times: number[]): Promise<void> {
    const days = new Set(times.filter((t) => t >= Date.UTC(2000, 0, 1) && t < Date.UTC(2100, 0, 1)).map((t) => Math.floor(t / DAY_MS)));
    for (const day of days) {
      const name = new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
      if (this.partitions.has(name)) continue;
      const s = this.ctx.schema;
      const from = day * DAY_MS;
      const to = from + DAY_MS;
      for (const table of ['reads', 'read_images']) {
        try {
          await this.query(`CREATE TABLE IF NOT EXISTS ${s}.${table}_${name} PARTITION OF ${s}.${table} FOR VALUES FROM (${from}) TO (${to})`);
        } catch (err) {
          // Another hub process created it between our check and our create.
          if (!/already exists/.test(String((err as AlprError).cause ?? err))) throw err;
        }
      }
      this.partitions.add(name);
    }
  }

  private async client(): Promise<PoolClient> {
    if (!this.pool) throw new AlprError('ALPR_ERR_STORE', 'the PostgreSQL store is not open');
    try {
      const client = await this.pool.connect();
      keepErrorsOnQueries(client);
      return client;
    } catch (cause) {
      throw new AlprError('ALPR_ERR_STORE', 'PostgreSQL cannot be reached', { cause });
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async query(sql: string, params: unknown[] = []): Promise<{ rows: any[] }> {
    if (!this.pool) throw new AlprError('ALPR_ERR_STORE', 'the PostgreSQL store is not open');
    try {
      return await this.pool.query(sql, params);
    } catch (cause) {
      throw new AlprError('ALPR_ERR_STORE', 'PostgreSQL query failed', { cause });
    }
  }
}

/**
 * One batch's ingest as a single statement. $1-$14 the reads' columns, $15 stored_at, $16-$18 the
 * sealed images (one buffer, 1-based starts, lengths) in read order, $19-$21 the batch's distinct
 * plates with their canonical and reversed forms, $22 the device, $23 the batch sequence (0: none),
 * $24 the time a gap is detected, $25 PLATE_INDEX_SLACK_MS. Returns the ids inserted and the
 * device's last sequence before this batch (null for none, or for sequence 0).
 */
function ingestStatement(s: string): string {
  return `WITH t AS (
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::real[], $9::text[], $10::text[], $11::real[], $12::boolean[], $13::jsonb[], $14::text[], $17::int[], $18::int[])
        AS t(id, device_id, site_id, camera_id, captured_at, received_at, plate, confidence, char_confidences, region, region_confidence, low_confidence, corners, vehicle_colour, start, len)
    ), claimed AS (
      -- Idempotent by read id whatever the capture time (read_ids): an id already held, or twice
      -- in this batch, is claimed once, and only the reads claimed are written.
      INSERT INTO ${s}.read_ids (id, captured_at) SELECT id, captured_at FROM t ON CONFLICT (id) DO NOTHING RETURNING id, captured_at
    ), ins AS (
      -- RETURNING names the reads that were new.
      INSERT INTO ${s}.reads (id, device_id, site_id, camera_id, captured_at, received_at, plate, confidence, char_confidences, region, region_confidence, low_confidence, corners, vehicle_colour, stored_at)
      SELECT t.id, device_id, site_id, camera_id, t.captured_at, received_at, plate, confidence, char_confidences::real[], region, region_confidence, low_confidence, corners, vehicle_colour, $15::bigint
      FROM t JOIN claimed c ON c.id = t.id AND c.captured_at = t.captured_at ON CONFLICT DO NOTHING RETURNING id, captured_at, plate
    ), images AS (
      INSERT INTO ${s}.read_images (read_id, captured_at, images)
      SELECT t.id, t.captured_at, substring($16::bytea FROM t.start FOR t.len) FROM t JOIN ins ON ins.id = t.id AND ins.captured_at = t.captured_at
      ON CONFLICT DO NOTHING
    ), plates AS (
      -- The distinct-plate index wildcard and fuzzy search probe. Rows are only written for plates
      -- new to it or last seen more than the slack earlier (filtered before the insert, which
      -- would lock the row even when it changes nothing): the same car passing several cameras
      -- within minutes would otherwise have concurrent batches queue on its row lock. In byte
      -- order, so that batches lock in the same order.
      INSERT INTO ${s}.plate_index (plate, canon, rev, last_seen)
      SELECT n.plate, p.canon, p.rev, n.last_seen
      FROM (SELECT plate, max(captured_at) AS last_seen FROM ins GROUP BY plate) n JOIN unnest($19::text[], $20::text[], $21::text[]) AS p(plate, canon, rev) ON p.plate = n.plate
      WHERE NOT EXISTS (SELECT 1 FROM ${s}.plate_index k WHERE k.plate = n.plate AND k.last_seen >= n.last_seen - $25::bigint)
      ORDER BY n.plate COLLATE "C"
      ON CONFLICT (plate) DO UPDATE SET last_seen = GREATEST(${s}.plate_index.last_seen, excluded.last_seen)
    ), seq AS (
      -- The device's last sequence before this batch, read under the row's lock (a concurrent
      -- batch of the same device waits, then sees this one's), and raised to this batch's.
      UPDATE ${s}.devices d SET last_sequence = GREATEST(d.last_sequence, $23::bigint)
      FROM (SELECT device_id, last_sequence FROM ${s}.devices WHERE device_id = $22 FOR UPDATE) old
      WHERE d.device_id = old.device_id AND $23::bigint > 0
      RETURNING old.last_sequence AS last
    ), gap AS (
      INSERT INTO ${s}.sequence_gaps SELECT $22, last + 1, $23::bigint - 1, $24::bigint FROM seq WHERE last IS NOT NULL AND $23::bigint > last + 1
    ), outcome AS (
      SELECT (SELECT count(*) FROM t) AS received, (SELECT count(*) FROM ins) AS stored,
        (SELECT count(*) FROM t) - (SELECT count(*) FROM ins) AS duplicates, (SELECT last FROM seq) AS last
    ), counters AS (
      INSERT INTO ${s}.ingest_counters AS c (device_id, batches, reads_received, reads_stored, duplicates, resent_batches, resent_reads, gaps, missing_sequences)
      SELECT $22, 1, received, stored, duplicates,
        CASE WHEN $23::bigint <= last THEN 1 ELSE 0 END, CASE WHEN $23::bigint <= last THEN received ELSE 0 END,
        CASE WHEN $23::bigint > last + 1 THEN 1 ELSE 0 END, CASE WHEN $23::bigint > last + 1 THEN $23::bigint - last - 1 ELSE 0 END
      FROM outcome
      ON CONFLICT (device_id) DO UPDATE SET batches = c.batches + 1, reads_received = c.reads_received + excluded.reads_received,
        reads_stored = c.reads_stored + excluded.reads_stored, duplicates = c.duplicates + excluded.duplicates,
        resent_batches = c.resent_batches + excluded.resent_batches, resent_reads = c.resent_reads + excluded.resent_reads, gaps = c.gaps + excluded.gaps, missing_sequences = c.missing_sequences + excluded.missing_sequences
    )
    SELECT (SELECT array_agg(id) FROM ins) AS inserted, last FROM outcome`;
}
