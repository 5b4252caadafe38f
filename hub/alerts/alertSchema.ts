import type { SqlDb } from '../db/sql.js';

/**
 * Alerts: one row per (read, hot-list entry) hit, whoever found it first (the appliance or the
 * hub). The entry is copied as it was at the hit, so later edits to the list never change what the
 * officer was shown. A disposition closes the alert (General Order 4.68 V.G-H).
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS alerts (
    alert_id TEXT PRIMARY KEY, read_id TEXT NOT NULL, entry_id TEXT NOT NULL, device_id TEXT NOT NULL, site_id TEXT NOT NULL, camera_id TEXT NOT NULL,
    plate TEXT NOT NULL, read_state TEXT, read_confidence DOUBLE PRECISION NOT NULL, near_match SMALLINT NOT NULL, entry TEXT NOT NULL, source TEXT NOT NULL,
    matched_by TEXT NOT NULL, captured_at BIGINT NOT NULL, raised_at BIGINT NOT NULL, status TEXT NOT NULL, images_opened_by TEXT, images_opened_at BIGINT,
    disposition TEXT, action_taken TEXT, cad_number TEXT, note TEXT, disposed_by TEXT, disposed_at BIGINT, UNIQUE (read_id, entry_id))`,
  'CREATE INDEX IF NOT EXISTS alerts_status_time ON alerts (status, raised_at)',
  'CREATE INDEX IF NOT EXISTS alerts_time ON alerts (raised_at)',
  // Who opened an alert's images: confirming needs the confirming officer's own look (V.H).
  'CREATE TABLE IF NOT EXISTS alert_image_views (alert_id TEXT NOT NULL, user_id TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (alert_id, user_id))',
];

export async function migrateAlertSchema(sql: SqlDb): Promise<void> {
  await sql.tx(async (db) => {
    for (const statement of STATEMENTS) await db.run(statement);
    await addReadColour(db);
  });
}

/**
 * The body colour the appliance judged, shown beside the entry's colour for the officer to check
 * (V.H). Alerts raised before reads carried a colour read 'unknown'. (SQLite has no ADD COLUMN IF
 * NOT EXISTS.)
 */
async function addReadColour(db: SqlDb): Promise<void> {
  const add = `ALTER TABLE alerts ADD COLUMN ${db.engine === 'pg' ? 'IF NOT EXISTS ' : ''}read_colour TEXT NOT NULL DEFAULT 'unknown'`;
  if (db.engine === 'pg') await db.run(add);
  else if (!(await db.all<{ name: string }>('PRAGMA table_info(alerts)')).some((c) => c.name === 'read_colour')) await db.run(add);
}
