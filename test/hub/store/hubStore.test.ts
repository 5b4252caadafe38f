import t from 'tap';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ImageCipher, PgStore, SqliteStore, type HubRead, type HubStore } from '../../../hub/store/index.js';
import { PG_URL, serviceAvailable, tempDir } from '../../helpers/index.js';

const images = new ImageCipher(randomBytes(32));
const now = () => Date.UTC(2026, 10, 27);

function hubRead(overrides: Partial<HubRead> = {}): HubRead {
  return {
    id: randomUUID(), deviceId: 'pole-1', siteId: 'site-1', cameraId: 'cam0', capturedAt: Date.UTC(2026, 10, 26, 12), receivedAt: now(),
    plate: 'ABC1234', confidence: 0.9, charConfidences: [0.9, 0.8], region: 'IL', regionConfidence: 0.7, lowConfidence: false,
    corners: [{ x: 1, y: 2 }, { x: 3, y: 2 }, { x: 3, y: 4 }, { x: 1, y: 4 }], vehicleColour: 'silver', crop: Buffer.from('crop-jpeg'), context: Buffer.from('context-jpeg'),
    ...overrides,
  };
}

/** The same suite for both engines. */
function storeSuite(name: string, make: (tt: Tap) => Promise<HubStore | null>): void {
  t.test(`${name}: devices are registered, updated and revoked`, async (tt) => {
    const store = await make(tt);
    if (!store) return;
    const key = randomBytes(32);
    await store.upsertDevice({ deviceId: 'pole-1', publicKey: key, siteId: 'site-1', status: 'active', enrolledAt: 1 });
    tt.same((await store.getDevice('pole-1'))?.publicKey, key);
    await store.setDeviceStatus('pole-1', 'revoked');
    tt.equal((await store.getDevice('pole-1'))?.status, 'revoked');
    tt.equal(await store.getDevice('nobody'), null);
  });

  t.test(`${name}: a batch is stored idempotently by read id, images round-trip`, async (tt) => {
    const store = await make(tt);
    if (!store) return;
    await store.upsertDevice({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
    const reads = [hubRead(), hubRead({ plate: 'XYZ9876', region: null, capturedAt: Date.UTC(2026, 10, 25, 1) }), hubRead({ capturedAt: 5 })];
    const first = await store.ingestBatch('pole-1', 1, reads);
    tt.equal(first.inserted.length, 3);
    tt.equal(first.gap, null);
    const again = await store.ingestBatch('pole-1', 2, [reads[0]!, hubRead()]);
    tt.same(again.duplicates, [reads[0]!.id], 'the resent read is a duplicate, not a second row');
    tt.equal(await store.countReads(), 4);
    const back = await store.getRead(reads[1]!.id);
    tt.equal(back?.plate, 'XYZ9876');
    tt.equal(back?.region, null);
    tt.same(back?.crop, Buffer.from('crop-jpeg'));
    tt.same(back?.context, Buffer.from('context-jpeg'));
    tt.same(back?.corners, reads[1]!.corners);
    tt.ok(Math.abs((back?.charConfidences[1] ?? 0) - 0.8) < 1e-6);
    tt.equal(await store.lastSequence('pole-1'), 2);
  });

  t.test(`${name}: a skipped batch sequence is detected and reported`, async (tt) => {
    const store = await make(tt);
    if (!store) return;
    await store.upsertDevice({ deviceId: 'pole-2', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
    await store.ingestBatch('pole-2', 1, [hubRead({ deviceId: 'pole-2' })]);
    const skipped = await store.ingestBatch('pole-2', 4, [hubRead({ deviceId: 'pole-2' })]);
    tt.same(skipped.gap, { from: 2, to: 3 });
    const late = await store.ingestBatch('pole-2', 3, [hubRead({ deviceId: 'pole-2' })]);
    tt.equal(late.gap, null, 'a late batch is not a new gap');
    tt.equal(await store.lastSequence('pole-2'), 4, 'the high-water mark does not go back');
  });

  t.test(`${name}: ingest counters tell per device how many reads came twice and how many batch numbers were skipped`, async (tt) => {
    const store = await make(tt);
    if (!store) return;
    for (const id of ['pole-3', 'pole-4']) await store.upsertDevice({ deviceId: id, publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
    const a = hubRead({ deviceId: 'pole-3' });
    const b = hubRead({ deviceId: 'pole-3' });
    await store.ingestBatch('pole-3', 1, [a, b]);
    await store.ingestBatch('pole-3', 1, [a, b]); // the same batch again (its ack was lost)
    await store.ingestBatch('pole-3', 2, [b, hubRead({ deviceId: 'pole-3' })]); // b again in a new batch (the device restarted)
    await store.ingestBatch('pole-3', 5, [hubRead({ deviceId: 'pole-3' })]); // 3 and 4 never came
    await store.ingestBatch('pole-4', 1, [hubRead({ deviceId: 'pole-4' })]);
    tt.same(await store.ingestCounters('pole-3'), {
      deviceId: 'pole-3', batches: 4, readsReceived: 7, readsStored: 4, duplicates: 3, resentBatches: 1, resentReads: 2, gaps: 1, missingSequences: 2,
    });
    tt.same(await store.ingestCounters('pole-4'), { deviceId: 'pole-4', batches: 1, readsReceived: 1, readsStored: 1, duplicates: 0, resentBatches: 0, resentReads: 0, gaps: 0, missingSequences: 0 });
    tt.same(await store.ingestCounters('nobody'), { deviceId: 'nobody', batches: 0, readsReceived: 0, readsStored: 0, duplicates: 0, resentBatches: 0, resentReads: 0, gaps: 0, missingSequences: 0 });
  });

  t.test(`${name}: a read id already stored is a duplicate whatever capture time it comes back with, the same day or another; the first copy stands`, async (tt) => {
    const store = await make(tt);
    if (!store) return;
    await store.upsertDevice({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
    const r = hubRead();
    tt.same((await store.ingestBatch('pole-1', 1, [r])).inserted, [r.id]);
    // Resealed with a recomputed clock correction: a millisecond later, the same day.
    const again = await store.ingestBatch('pole-1', 2, [{ ...r, capturedAt: r.capturedAt + 1, plate: 'OTHER1' }]);
    tt.same(again, { inserted: [], duplicates: [r.id], gap: null }, 'a millisecond later is the same read');
    // Across a day boundary (another SQLite day table, another PostgreSQL partition).
    const nextDay = await store.ingestBatch('pole-1', 3, [{ ...r, capturedAt: Date.UTC(2026, 10, 27, 0, 0, 1) }]);
    tt.same(nextDay.duplicates, [r.id], 'on the next day too');
    // Twice in one batch, at two times: stored once.
    const twin = hubRead();
    const both = await store.ingestBatch('pole-1', 4, [twin, { ...twin, capturedAt: Date.UTC(2026, 10, 25, 3) }]);
    tt.same(both.inserted, [twin.id]);
    tt.same(both.duplicates, [twin.id]);
    tt.equal(await store.countReads(), 2, 'one row per read id');
    tt.same(await store.allReadIds(), [r.id, twin.id].sort());
    const back = await store.getRead(r.id);
    tt.equal(back?.capturedAt, r.capturedAt, 'the first copy stands');
    tt.equal(back?.plate, r.plate);
    tt.equal((await store.getRead(twin.id))?.capturedAt, twin.capturedAt);
    tt.equal((await store.ingestCounters('pole-1')).duplicates, 3);
  });

  t.test(`${name}: a purged read's id goes with it, a held read's stays refused, and only the purge frees an id`, async (tt) => {
    const store = await make(tt);
    if (!store) return;
    await store.upsertDevice({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
    // Whole days dropped (25th), the cutoff's own day row by row (26th, before noon), and one kept (26th, after).
    const gone = [hubRead({ capturedAt: Date.UTC(2026, 10, 25, 6) }), hubRead({ capturedAt: Date.UTC(2026, 10, 26, 6) })];
    const held = hubRead({ capturedAt: Date.UTC(2026, 10, 25, 7) });
    const kept = hubRead({ capturedAt: Date.UTC(2026, 10, 26, 18) });
    await store.ingestBatch('pole-1', 1, [...gone, held, kept]);
    await store.sql.run("INSERT INTO holds (hold_id, read_id, case_number, placed_by, placed_at) VALUES ('h1', ?, '26-000123', 'det', 1)", [held.id]);
    const report = await store.purgeReadsBefore(Date.UTC(2026, 10, 26, 12));
    tt.equal(report.deleted, 2);
    // (PostgreSQL keeps every id in read_ids; SQLite probes the days either side and `other`)
    if (store.engine === 'pg') tt.same(await store.sql.all('SELECT id FROM read_ids ORDER BY id'), [held.id, kept.id].sort().map((id) => ({ id })), 'the purged reads\' ids went with them');
    // A held read and one not yet due stay refused, at any time.
    const resent = await store.ingestBatch('pole-1', 2, [{ ...held, capturedAt: Date.UTC(2026, 10, 27, 1) }, { ...kept, capturedAt: kept.capturedAt + 5 }]);
    tt.same(resent.duplicates, [held.id, kept.id]);
    // The store takes a purged id again: what refuses it is ingest's age check (readCheck.ts), before the store.
    const back = await store.ingestBatch('pole-1', 3, [gone[1]!]);
    tt.same(back.inserted, [gone[1]!.id]);
    tt.equal(await store.countReads(), 3);
  });

  t.test(`${name}: each read keeps the vehicle colour it arrived with, unknown included`, async (tt) => {
    const store = await make(tt);
    if (!store) return;
    await store.upsertDevice({ deviceId: 'pole-5', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
    const red = hubRead({ deviceId: 'pole-5', vehicleColour: 'red' });
    const unsure = hubRead({ deviceId: 'pole-5', vehicleColour: 'unknown', capturedAt: 5 });
    await store.ingestBatch('pole-5', 1, [red, unsure]);
    tt.equal((await store.getRead(red.id))?.vehicleColour, 'red');
    tt.equal((await store.getRead(unsure.id))?.vehicleColour, 'unknown');
  });
}
type Tap = import('tap').Test;

storeSuite('sqlite', async (tt) => {
  const dir = await tempDir(tt);
  const store = new SqliteStore({ path: join(dir, 'hub.db'), images, now });
  await store.migrate();
  tt.teardown(() => store.close());
  return store;
});

/** The read tables as the release before vehicle colour made them. */
const SQLITE_BEFORE_COLOUR = (day: string) => `
CREATE TABLE reads_${day} (
  id TEXT PRIMARY KEY, device_id TEXT NOT NULL, site_id TEXT NOT NULL, camera_id TEXT NOT NULL,
  captured_at INTEGER NOT NULL, received_at INTEGER NOT NULL, plate TEXT NOT NULL, confidence REAL NOT NULL,
  char_confidences TEXT NOT NULL, region TEXT, region_confidence REAL NOT NULL, low_confidence INTEGER NOT NULL,
  corners TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE read_images_${day} (read_id TEXT PRIMARY KEY, images BLOB NOT NULL);`;

t.test('sqlite: a data folder from before vehicle colour opens with its reads unknown, takes coloured reads beside them, and purges a held one intact', async (tt) => {
  const dir = await tempDir(tt);
  const path = join(dir, 'hub.db');
  const { default: Database } = await import('better-sqlite3');
  const old = new Database(path);
  old.exec(SQLITE_BEFORE_COLOUR('other') + SQLITE_BEFORE_COLOUR('20261126'));
  const before = hubRead();
  old.prepare('INSERT INTO reads_20261126 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(before.id, before.deviceId, before.siteId, before.cameraId, before.capturedAt, before.receivedAt,
    before.plate, before.confidence, JSON.stringify(before.charConfidences), before.region, before.regionConfidence, 0, JSON.stringify(before.corners));
  old.prepare('INSERT INTO read_images_20261126 VALUES (?, ?)').run(before.id, images.sealPair(before.id, before.crop, before.context));
  old.close();

  const store = new SqliteStore({ path, images, now });
  await store.migrate();
  tt.teardown(() => store.close());
  tt.equal((await store.getRead(before.id))?.vehicleColour, 'unknown', 'the old read is unknown');
  await store.upsertDevice({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
  const after = hubRead({ vehicleColour: 'blue' });
  tt.same((await store.ingestBatch('pole-1', 1, [after])).inserted, [after.id]);
  tt.same((await store.ingestBatch('pole-1', 2, [{ ...before, capturedAt: Date.UTC(2026, 10, 27, 1) }])).duplicates, [before.id], 'the old read\'s id is refused on another day');
  tt.equal((await store.getRead(after.id))?.vehicleColour, 'blue', 'a new read in the same day keeps its colour');
  tt.same(await store.sql.all('SELECT vehicle_colour FROM reads ORDER BY vehicle_colour'), [{ vehicle_colour: 'blue' }, { vehicle_colour: 'unknown' }]);
  // A held read of a purged day is copied column by column into the old `other` table.
  await store.sql.run("INSERT INTO holds (hold_id, read_id, case_number, placed_by, placed_at) VALUES ('h1', ?, '26-000123', 'det', 1)", [after.id]);
  await store.purgeReadsBefore(Date.UTC(2026, 10, 28));
  const held = await store.getRead(after.id);
  tt.equal(held?.vehicleColour, 'blue');
  tt.equal(held?.plate, after.plate);
  tt.equal(await store.getRead(before.id), null);
});

/**
 * A PostgreSQL store made before read ids were kept apart from capture times (no read_ids table):
 * reopened, its reads' ids are refused at any time, and a purge frees only the purged ones. (The
 * SQLite store keeps no such table: it probes the day tables either side.)
 */
function readIdsMigration(name: string, open: (tt: Tap) => Promise<{ store: HubStore; reopen(): Promise<HubStore> } | null>): void {
  t.test(`${name}: a store from before read ids were unique across capture times keeps refusing the ids it holds`, async (tt) => {
    const opened = await open(tt);
    if (!opened) return;
    const { store: first } = opened;
    await first.upsertDevice({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
    const reads = [hubRead({ capturedAt: Date.UTC(2026, 10, 25, 6) }), hubRead(), hubRead({ capturedAt: 5 })];
    await first.ingestBatch('pole-1', 1, reads);
    // The layout the release before left behind.
    await first.sql.run('DROP TABLE read_ids');
    await first.close();
    const store = await opened.reopen();
    tt.same(await store.sql.all('SELECT id FROM read_ids ORDER BY id'), reads.map((r) => ({ id: r.id })).sort((a, b) => a.id.localeCompare(b.id)), 'filled from the reads held');
    const resent = await store.ingestBatch('pole-1', 2, reads.map((r, i) => ({ ...r, capturedAt: Date.UTC(2026, 10, 26, 20, i) })));
    tt.same(resent, { inserted: [], duplicates: reads.map((r) => r.id), gap: null }, 'each held id is a duplicate at another time');
    tt.equal(await store.countReads(), 3);
    // Opened again, the table is kept as it is.
    await store.close();
    const again = await opened.reopen();
    tt.same((await again.ingestBatch('pole-1', 3, [{ ...reads[0]!, capturedAt: 7 }])).duplicates, [reads[0]!.id]);
    await again.purgeReadsBefore(Date.UTC(2026, 10, 26));
    tt.same(await again.sql.all('SELECT id FROM read_ids'), [{ id: reads[1]!.id }], 'the purge took the purged reads\' ids');
  });
}

readIdsMigration('postgres', async (tt) => {
  if (!(await serviceAvailable(tt, 'postgres'))) return null;
  const schema = `alpr_test_${randomBytes(4).toString('hex')}`;
  const open = async () => {
    const store = new PgStore({ connectionString: PG_URL, schema, images, now });
    await store.migrate();
    tt.teardown(() => store.close());
    return store;
  };
  tt.teardown(() => dropSchema(schema));
  return { store: await open(), reopen: open };
});

storeSuite('postgres', async (tt) => {
  if (!(await serviceAvailable(tt, 'postgres'))) return null;
  const schema = `alpr_test_${randomBytes(4).toString('hex')}`;
  const store = new PgStore({ connectionString: PG_URL, schema, images, now });
  await store.migrate();
  tt.teardown(async () => {
    await dropSchema(schema);
    await store.close();
  });
  return store;
});

/** Drops a test's PostgreSQL schema through a connection of its own. */
async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
}

t.test('postgres: a schema from before vehicle colour gets the column on every partition, its reads unknown', async (tt) => {
  if (!(await serviceAvailable(tt, 'postgres'))) return;
  const schema = `alpr_test_${randomBytes(4).toString('hex')}`;
  const first = new PgStore({ connectionString: PG_URL, schema, images, now });
  await first.migrate();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  tt.teardown(async () => {
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  });
  await first.upsertDevice({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
  const before = hubRead();
  await first.ingestBatch('pole-1', 1, [before]);
  await first.close();
  // The layout the release before colour left behind.
  await client.query(`ALTER TABLE ${schema}.reads DROP COLUMN vehicle_colour`);
  const store = new PgStore({ connectionString: PG_URL, schema, images, now });
  await store.migrate();
  tt.teardown(() => store.close());
  tt.equal((await store.getRead(before.id))?.vehicleColour, 'unknown');
  const after = hubRead({ vehicleColour: 'green' });
  await store.ingestBatch('pole-1', 2, [after]);
  tt.equal((await store.getRead(after.id))?.vehicleColour, 'green');
});

t.test('postgres: each read keeps the hub time its batch was written (stored_at); a resent read keeps its first; a store made before the column gets it', async (tt) => {
  if (!(await serviceAvailable(tt, 'postgres'))) return;
  const schema = `alpr_test_${randomBytes(4).toString('hex')}`;
  let clock = Date.UTC(2026, 10, 27, 8);
  const store = new PgStore({ connectionString: PG_URL, schema, images, now: () => clock });
  tt.teardown(async () => {
    await store.sql.run(`DROP SCHEMA ${schema} CASCADE`);
    await store.close();
  });
  await store.migrate();
  await store.upsertDevice({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: 'site-1', status: 'active', enrolledAt: 1 });
  const old = hubRead();
  await store.ingestBatch('pole-1', 1, [old]);
  // As a store from before the column: migrating adds it, and the read held has none.
  await store.sql.run('ALTER TABLE reads DROP COLUMN stored_at');
  await store.migrate();
  const first = hubRead();
  await store.ingestBatch('pole-1', 2, [first]);
  const written = clock;
  clock += 5000;
  const second = hubRead();
  await store.ingestBatch('pole-1', 3, [first, second]);
  const rows = await store.sql.all<{ id: string; stored_at: number | null }>('SELECT id, stored_at FROM reads');
  const at = new Map(rows.map((r) => [r.id, r.stored_at === null ? null : Number(r.stored_at)]));
  tt.equal(at.get(old.id), null, 'a read stored before the column has none');
  tt.equal(at.get(first.id), written, 'the time its batch was written');
  tt.equal(at.get(second.id), written + 5000, 'a later batch, a later time');
  tt.equal(rows.length, 3, 'the resent read is not stored twice');
});
