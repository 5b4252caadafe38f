import type { SqlDb } from '../db/sql.js';

/**
 * Hot-list tables, in SQL both engines accept. Every change to the list bumps one version number
 * (hotlist_meta 'version') and stamps the changed rows with it, so the entries a device lacks are
 * the rows changed after the version it holds; removed entries stay as tombstones for deltas.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS hotlist_entries (
    entry_id TEXT PRIMARY KEY, source TEXT NOT NULL, plate TEXT NOT NULL, state TEXT NOT NULL, plate_type TEXT NOT NULL,
    vehicle_make TEXT NOT NULL, vehicle_colour TEXT NOT NULL, vehicle_type TEXT NOT NULL, priority INTEGER NOT NULL, action TEXT NOT NULL,
    category TEXT NOT NULL, case_number TEXT, reason TEXT, offense TEXT, felony_request_id TEXT, entered_by TEXT NOT NULL, entered_at BIGINT NOT NULL, expires_at BIGINT,
    removed SMALLINT NOT NULL, removed_at BIGINT, removed_reason TEXT, changed_version BIGINT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS hotlist_entries_changed ON hotlist_entries (changed_version)',
  'CREATE INDEX IF NOT EXISTS hotlist_entries_plate ON hotlist_entries (plate)',
  'CREATE INDEX IF NOT EXISTS hotlist_entries_source ON hotlist_entries (source, removed)',
  'CREATE TABLE IF NOT EXISTS hotlist_meta (k TEXT PRIMARY KEY, v BIGINT NOT NULL)',
  // One row per import run: what it would change, and whether it was applied or held for review.
  `CREATE TABLE IF NOT EXISTS hotlist_imports (
    import_id TEXT PRIMARY KEY, source TEXT NOT NULL, at BIGINT NOT NULL, origin TEXT NOT NULL, sha256 TEXT NOT NULL, rows_read BIGINT NOT NULL,
    added BIGINT NOT NULL, updated BIGINT NOT NULL, removed BIGINT NOT NULL, unchanged BIGINT NOT NULL, refused TEXT NOT NULL,
    status TEXT NOT NULL, version BIGINT, mapping TEXT NOT NULL, decided_by TEXT, decided_at BIGINT, note TEXT)`,
];

/** Columns added after the table was first shipped, added to a hub's existing table on start. */
const ADDED_COLUMNS = [
  // V.B: what a felony_vehicle entry is for, and the Chief's approval it was listed under
  ['offense', 'TEXT'],
  ['felony_request_id', 'TEXT'],
] as const;

export async function migrateHotlistSchema(sql: SqlDb): Promise<void> {
  await sql.tx(async (db) => {
    for (const statement of STATEMENTS) await db.run(statement);
    const present = new Set((db.engine === 'pg'
      ? await db.all<{ name: string }>("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'hotlist_entries' AND table_schema = current_schema()")
      : await db.all<{ name: string }>("SELECT name FROM pragma_table_info('hotlist_entries')")).map((c) => c.name));
    for (const [column, type] of ADDED_COLUMNS) if (!present.has(column)) await db.run(`ALTER TABLE hotlist_entries ADD COLUMN ${column} ${type}`);
    await db.run("INSERT INTO hotlist_meta (k, v) VALUES ('version', 0) ON CONFLICT (k) DO NOTHING");
  });
}
