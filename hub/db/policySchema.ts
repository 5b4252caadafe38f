import type { SqlDb } from './sql.js';

/**
 * The hub's policy tables, in SQL that SQLite and PostgreSQL both accept. Reads, images, the
 * plate index and holds belong to the store (their layout differs per engine); these do not.
 * Times are epoch milliseconds (BIGINT), booleans SMALLINT 0/1.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS sites (
    site_id TEXT PRIMARY KEY, name TEXT NOT NULL, approval_ref TEXT NOT NULL, approved_at BIGINT NOT NULL, approved_by TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL, longitude DOUBLE PRECISION NOT NULL, cameras TEXT NOT NULL, status TEXT NOT NULL, updated_at BIGINT NOT NULL)`,
  // Every approval the Chief gave, relocations included; a reference is used once.
  `CREATE TABLE IF NOT EXISTS site_approvals (
    approval_ref TEXT PRIMARY KEY, site_id TEXT NOT NULL, latitude DOUBLE PRECISION NOT NULL, longitude DOUBLE PRECISION NOT NULL,
    approved_at BIGINT NOT NULL, approved_by TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS accounts (
    user_id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL, status TEXT NOT NULL,
    password_hash TEXT, activation_hash TEXT, activation_expires_at BIGINT, totp_secret BYTEA, totp_confirmed SMALLINT NOT NULL,
    totp_last_step BIGINT, failed_attempts INTEGER NOT NULL, locked_until BIGINT, training_completed_at BIGINT, policy_signed_at BIGINT,
    leads_certified_at BIGINT, created_at BIGINT NOT NULL, deactivated_at BIGINT)`,
  `CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, ended_at BIGINT)`,
  'CREATE INDEX IF NOT EXISTS sessions_user_open ON sessions (user_id, ended_at)',
  // Failed sign-ins under usernames no account holds, so that they lock exactly as real ones do
  // without creating accounts. Rows quiet for a day are pruned (hub/accounts/signInThrottle.ts).
  `CREATE TABLE IF NOT EXISTS sign_in_throttle (
    username TEXT PRIMARY KEY, failed_attempts INTEGER NOT NULL, locked_until BIGINT, last_failed_at BIGINT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS sign_in_throttle_last ON sign_in_throttle (last_failed_at)',
  // Failed sign-ins per name and address, so that one address's failures lock the name for that
  // address only, and per address whatever the name (password spraying); pruned like the table above.
  `CREATE TABLE IF NOT EXISTS sign_in_name_address_throttle (
    username TEXT NOT NULL, address TEXT NOT NULL, failed_attempts INTEGER NOT NULL, locked_until BIGINT, last_failed_at BIGINT NOT NULL,
    PRIMARY KEY (username, address))`,
  'CREATE INDEX IF NOT EXISTS sign_in_name_address_throttle_last ON sign_in_name_address_throttle (last_failed_at)',
  `CREATE TABLE IF NOT EXISTS sign_in_address_throttle (
    address TEXT PRIMARY KEY, failed_attempts INTEGER NOT NULL, locked_until BIGINT, last_failed_at BIGINT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS sign_in_address_throttle_last ON sign_in_address_throttle (last_failed_at)',
  // Scheduled jobs (retention, hot-list imports) claim a period here so that one hub process of
  // several sharing the database runs each (hub/ops/jobLease.ts).
  'CREATE TABLE IF NOT EXISTS job_leases (job TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL)',
  `CREATE TABLE IF NOT EXISTS audit_log (
    seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS audit_actor_action_time ON audit_log (actor, action, at)',
  'CREATE INDEX IF NOT EXISTS audit_time ON audit_log (at)',
  // Verifying a report or an evidence file, and each purge while holds are active, look records
  // up by action alone (report.generate, evidence.export, hold.place).
  'CREATE INDEX IF NOT EXISTS audit_action_time ON audit_log (action, at)',
  `CREATE TABLE IF NOT EXISTS felony_requests (
    request_id TEXT PRIMARY KEY, requested_by TEXT NOT NULL, case_number TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
    created_at BIGINT NOT NULL, decided_by TEXT, decided_at BIGINT)`,
  // What the Chief's approval of an other-felony request covers: who may cite it and until when.
  `CREATE TABLE IF NOT EXISTS felony_approvals (
    request_id TEXT PRIMARY KEY, investigators TEXT NOT NULL, expires_at BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS review_flags (
    flag_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, at BIGINT NOT NULL, reason TEXT NOT NULL, audit_seq BIGINT NOT NULL,
    reviewed_by TEXT, reviewed_at BIGINT, review_note TEXT)`,
  // VII.H: the suspension a refused search puts on its account, one per review flag, until a supervisor lifts it.
  `CREATE TABLE IF NOT EXISTS search_suspensions (
    flag_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, status TEXT NOT NULL, suspended_at BIGINT NOT NULL, decided_by TEXT, decided_at BIGINT, decision_reason TEXT)`,
  'CREATE INDEX IF NOT EXISTS search_suspensions_user ON search_suspensions (user_id, status)',
  // Flags raised before suspensions were stored: open ones suspend, reviewed ones are lifted.
  `INSERT INTO search_suspensions (flag_id, user_id, status, suspended_at, decided_by, decided_at, decision_reason)
    SELECT flag_id, user_id, CASE WHEN reviewed_at IS NULL THEN 'suspended' ELSE 'lifted' END, at, reviewed_by, reviewed_at, review_note
    FROM review_flags WHERE flag_id NOT IN (SELECT flag_id FROM search_suspensions)`,
  // One-time tokens an admin issues for enrolling one appliance at one approved site.
  `CREATE TABLE IF NOT EXISTS enrollment_tokens (
    token_hash TEXT PRIMARY KEY, site_id TEXT NOT NULL, issued_by TEXT NOT NULL, issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,
    used_at BIGINT, device_id TEXT)`,
  // Signed device requests seen, so that none is accepted twice.
  `CREATE TABLE IF NOT EXISTS device_requests (device_id TEXT NOT NULL, action TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (device_id, action, at))`,
  // Each appliance's latest retained status (online, backlog, tamper, health).
  `CREATE TABLE IF NOT EXISTS device_status (
    device_id TEXT PRIMARY KEY, online SMALLINT NOT NULL, reported_at BIGINT NOT NULL, received_at BIGINT NOT NULL, unsynced_reads BIGINT NOT NULL,
    oldest_unsynced_age_s BIGINT NOT NULL, tamper_open SMALLINT NOT NULL, health TEXT NOT NULL)`,
];

/** PostgreSQL advisory lock key for this migration (the audit chain uses 468). */
const MIGRATION_LOCK = 469;

export async function migratePolicySchema(sql: SqlDb): Promise<void> {
  await sql.tx(async (db) => {
    // Hub processes starting together would otherwise deadlock: each CREATE INDEX IF NOT EXISTS
    // holds a share lock on its table to the end of the transaction, which the other's INSERT
    // then waits for. SQLite: the transaction already holds the write lock.
    if (db.engine === 'pg') await db.get(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    for (const statement of STATEMENTS) await db.run(statement);
  });
}
