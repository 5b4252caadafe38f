import type { SqlDb } from '../db/sql.js';

/**
 * Outside-agency sharing tables (General Order 4.68 VII.D, VII.I; 625 ILCS 5/2-130), in SQL both
 * engines accept. The ledger itself is the audit chain (`sharing.search` records): these tables
 * hold who may ask, under what agreement and declaration, and which request nonces were spent.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS sharing_agencies (
    agency_id TEXT PRIMARY KEY, name TEXT NOT NULL, ori TEXT NOT NULL UNIQUE, state TEXT NOT NULL, level TEXT NOT NULL, contact TEXT NOT NULL,
    hub_url TEXT, hub_public_key TEXT, status TEXT NOT NULL, registered_by TEXT NOT NULL, registered_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)`,
  // The Chief's agreements; the newest active one is in force until it expires or is revoked.
  `CREATE TABLE IF NOT EXISTS sharing_agreements (
    agreement_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, site_ids TEXT NOT NULL, purposes TEXT NOT NULL, window_from BIGINT, window_to BIGINT,
    access TEXT NOT NULL, reference TEXT NOT NULL, approved_by TEXT NOT NULL, approved_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, status TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS sharing_agreements_agency ON sharing_agreements (agency_id, status)',
  // The written declarations 2-130 requires (no immigration enforcement, no reproductive health investigations).
  `CREATE TABLE IF NOT EXISTS sharing_declarations (
    declaration_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, document_sha256 TEXT NOT NULL, document BYTEA NOT NULL, signer_name TEXT NOT NULL,
    signer_title TEXT NOT NULL, signed_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, recorded_by TEXT NOT NULL, recorded_at BIGINT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS sharing_declarations_agency ON sharing_declarations (agency_id, expires_at)',
  // Nonces of signed hub-to-hub requests already answered: a replay is refused.
  'CREATE TABLE IF NOT EXISTS sharing_nonces (agency_id TEXT NOT NULL, nonce TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (agency_id, nonce))',
  'CREATE INDEX IF NOT EXISTS sharing_nonces_at ON sharing_nonces (at)',
  // A prohibited purpose from an agency's officer suspends the agency until the Chief reviews it (VII.I).
  `CREATE TABLE IF NOT EXISTS sharing_reviews (
    review_id TEXT PRIMARY KEY, agency_id TEXT NOT NULL, at BIGINT NOT NULL, reason TEXT NOT NULL, audit_seq BIGINT NOT NULL, status TEXT NOT NULL,
    decided_by TEXT, decided_at BIGINT, note TEXT)`,
];

export async function migrateSharingSchema(sql: SqlDb): Promise<void> {
  await sql.tx(async (db) => {
    for (const statement of STATEMENTS) await db.run(statement);
  });
}
