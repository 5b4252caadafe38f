import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import { isInService, type SiteRegistry } from '../sites/siteRegistry.js';
import { INVESTIGATIVE_PURPOSES } from '../policy/purposeGate.js';
import { neverPartner } from './partnerAddress.js';

export const AGENCY_LEVELS = ['local', 'state', 'federal'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
/** registered: on file, no agreement yet; approved: the Chief signed an agreement; suspended: under review (VII.I); revoked: final. */
export type AgencyStatus = 'registered' | 'approved' | 'suspended' | 'revoked';
/** Outside agencies may be answered for these purposes; an other-felony search needs the Chief's approval of a request written here (V.B). */
export const SHAREABLE_PURPOSES = INVESTIGATIVE_PURPOSES.filter((p) => p !== 'other_felony');

export interface Agency {
  agencyId: string;
  name: string;
  ori: string;
  state: string;
  level: AgencyLevel;
  contact: string;
  /** The partner's hub, for hub-to-hub search in both directions; null for an agency that asks by file only. */
  hubUrl: string | null;
  hubPublicKeyPem: string | null;
  status: AgencyStatus;
  registeredAt: number;
}

export interface Agreement {
  agreementId: string;
  agencyId: string;
  siteIds: string[];
  purposes: string[];
  /** Capture times the agency may search (null: no bound beyond retention). */
  windowFrom: number | null;
  windowTo: number | null;
  /** online: its officers search hub to hub; request: only by a written request this department processes. */
  access: 'online' | 'request';
  reference: string;
  approvedBy: string;
  approvedAt: number;
  expiresAt: number;
}

export interface Declaration {
  declarationId: string;
  agencyId: string;
  documentSha256: string;
  signerName: string;
  signerTitle: string;
  signedAt: number;
  expiresAt: number;
  recordedBy: string;
  recordedAt: number;
}

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const toAgency = (r: Row): Agency => ({
  agencyId: String(r.agency_id), name: String(r.name), ori: String(r.ori), state: String(r.state), level: r.level as AgencyLevel, contact: String(r.contact),
  hubUrl: (r.hub_url as string | null) ?? null, hubPublicKeyPem: (r.hub_public_key as string | null) ?? null, status: r.status as AgencyStatus, registeredAt: num(r.registered_at),
});
const toAgreement = (r: Row): Agreement => ({
  agreementId: String(r.agreement_id), agencyId: String(r.agency_id), siteIds: JSON.parse(String(r.site_ids)) as string[], purposes: JSON.parse(String(r.purposes)) as string[],
  windowFrom: orNull(r.window_from), windowTo: orNull(r.window_to), access: r.access as Agreement['access'], reference: String(r.reference), approvedBy: String(r.approved_by),
  approvedAt: num(r.approved_at), expiresAt: num(r.expires_at),
});
const toDeclaration = (r: Row): Declaration => ({
  declarationId: String(r.declaration_id), agencyId: String(r.agency_id), documentSha256: String(r.document_sha256), signerName: String(r.signer_name),
  signerTitle: String(r.signer_title), signedAt: num(r.signed_at), expiresAt: num(r.expires_at), recordedBy: String(r.recorded_by), recordedAt: num(r.recorded_at),
});

const ORI = /^[A-Z]{2}[A-Z0-9]{7}$/;
const STATE = /^[A-Z]{2}$/;
const MAX_DECLARATION_BYTES = 4 * 1024 * 1024;

function text(field: string, value: unknown, min: number, max: number): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s.length < min || s.length > max) throw new AlprError('ALPR_ERR_INVALID_INPUT', `${field}: ${min}-${max} characters`);
  return s;
}

/** A partner hub's Ed25519 public key (SPKI PEM); anything else is refused. */
export function checkHubKey(pem: unknown): string {
  try {
    const key = createPublicKey(String(pem));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key`);
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch (cause) {
    throw new AlprError('ALPR_ERR_INVALID_INPUT', 'hubPublicKeyPem: the partner hub\'s Ed25519 public key, SPKI PEM', { cause });
  }
}

function checkUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_INVALID_INPUT', 'hubUrl: the partner hub\'s https:// address', { cause });
  }
  // The URL parser has already normalised the host (2852039166 and 0xA9FEA9FE are 169.254.169.254,
  // [::ffff:169.254.169.254] is [::ffff:a9fe:a9fe]). A host name is checked where it is resolved:
  // at each send (partnerAddress.ts), since what it resolves to can change after registration.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && neverPartner(host)) {
    throw new AlprError('ALPR_ERR_INVALID_INPUT', `hubUrl: ${url.hostname} is a link-local, metadata-service or unspecified address, never a partner hub's`);
  }
  return url.origin;
}

export interface NewAgency {
  name: string;
  ori: string;
  state: string;
  level: string;
  contact: string;
  hubUrl?: string;
  hubPublicKeyPem?: string;
}

export interface NewAgreement {
  siteIds: string[];
  purposes: string[];
  windowFrom?: number;
  windowTo?: number;
  access: string;
  reference: string;
  expiresAt: number;
}

export interface NewDeclaration {
  documentBase64: string;
  signerName: string;
  signerTitle: string;
  signedAt: number;
  expiresAt: number;
}

/**
 * The registry of outside agencies (VII.D): an administrator records an agency and its signed
 * declaration; the Chief approves its sharing agreement and may revoke it at once. Every change is
 * audited. What a request needs in force is read back by `standing()` inside the caller's
 * transaction, so a revocation is seen by a request still in flight.
 */
export class AgencyRegistry {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock; sites: SiteRegistry }) {}

  async register(input: NewAgency, actor: string): Promise<Agency> {
    const name = text('name', input.name, 3, 120);
    const ori = String(input.ori ?? '');
    if (!ORI.test(ori)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'ori: the NCIC ORI, 2 letters of the state and 7 letters or digits (IL0160000)');
    const state = String(input.state ?? '');
    if (!STATE.test(state)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'state: the 2-letter code of the agency\'s state');
    if (!(AGENCY_LEVELS as readonly string[]).includes(input.level)) throw new AlprError('ALPR_ERR_INVALID_INPUT', `level: ${AGENCY_LEVELS.join(', ')}`);
    const contact = text('contact', input.contact, 5, 300);
    if ((input.hubUrl === undefined) !== (input.hubPublicKeyPem === undefined)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'hubUrl and hubPublicKeyPem: both or neither');
    const hubUrl = input.hubUrl === undefined ? null : checkUrl(input.hubUrl);
    const key = input.hubPublicKeyPem === undefined ? null : checkHubKey(input.hubPublicKeyPem);
    const agencyId = randomUUID();
    const now = this.ctx.clock.now();
    await this.ctx.sql.tx(async (db) => {
      if (await db.get('SELECT 1 AS x FROM sharing_agencies WHERE ori = ?', [ori])) throw new AlprError('ALPR_ERR_CONFLICT', `an agency with ORI ${ori} is already registered`);
      await db.run(`INSERT INTO sharing_agencies (agency_id, name, ori, state, level, contact, hub_url, hub_public_key, status, registered_by, registered_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?)`, [agencyId, name, ori, state, input.level, contact, hubUrl, key, actor, now, now]);
      await this.ctx.audit.append({ actor, action: 'sharing.agencyRegister', detail: { agencyId, name, ori, state, level: input.level, hubUrl } }, db);
    });
    return (await this.get(agencyId))!;
  }

  async recordDeclaration(agencyId: string, input: NewDeclaration, actor: string): Promise<Declaration> {
    const agency = await this.require(agencyId);
    const document = Buffer.from(String(input.documentBase64 ?? ''), 'base64');
    if (document.length < 100 || document.length > MAX_DECLARATION_BYTES) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'documentBase64: the signed declaration (a scan or PDF), 100 bytes to 4 MiB');
    const signerName = text('signerName', input.signerName, 3, 120);
    const signerTitle = text('signerTitle', input.signerTitle, 3, 120);
    const now = this.ctx.clock.now();
    if (!Number.isSafeInteger(input.signedAt) || input.signedAt > now) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'signedAt: when the declaration was signed, not in the future');
    if (!Number.isSafeInteger(input.expiresAt) || input.expiresAt <= now) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'expiresAt: a time after now');
    const declarationId = randomUUID();
    const documentSha256 = createHash('sha256').update(document).digest('hex');
    await this.ctx.sql.tx(async (db) => {
      await db.run(`INSERT INTO sharing_declarations (declaration_id, agency_id, document_sha256, document, signer_name, signer_title, signed_at, expires_at, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [declarationId, agency.agencyId, documentSha256, document, signerName, signerTitle, input.signedAt, input.expiresAt, actor, now]);
      await this.ctx.audit.append({ actor, action: 'sharing.declarationRecord', detail: { agencyId, ori: agency.ori, declarationId, documentSha256, signerName, signerTitle, signedAt: input.signedAt, expiresAt: input.expiresAt } }, db);
    });
    return toDeclaration((await this.ctx.sql.get<Row>('SELECT * FROM sharing_declarations WHERE declaration_id = ?', [declarationId]))!);
  }

  /** The Chief's agreement; it replaces any earlier one and makes the agency approved. */
  async approveAgreement(agencyId: string, input: NewAgreement, actor: string): Promise<Agreement> {
    const agency = await this.require(agencyId);
    if (agency.status === 'revoked') throw new AlprError('ALPR_ERR_CONFLICT', `${agency.name}'s sharing access was revoked; register the agency again under a new record`);
    if (agency.status === 'suspended') throw new AlprError('ALPR_ERR_CONFLICT', `${agency.name} is under review; decide the review first`);
    const siteIds = [...new Set(Array.isArray(input.siteIds) ? input.siteIds.map(String) : [])];
    if (siteIds.length === 0) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'siteIds: at least one approved site');
    for (const siteId of siteIds) {
      const site = await this.ctx.sites.get(siteId);
      if (!site || !isInService(site)) throw new AlprError('ALPR_ERR_SITE_NOT_APPROVED', `siteIds: ${siteId} is not an approved site of this department in service`);
    }
    const purposes = [...new Set(Array.isArray(input.purposes) ? input.purposes.map(String) : [])];
    if (purposes.length === 0 || !purposes.every((p) => (SHAREABLE_PURPOSES as readonly string[]).includes(p))) {
      throw new AlprError('ALPR_ERR_INVALID_INPUT', `purposes: one or more of ${SHAREABLE_PURPOSES.join(', ')}`);
    }
    if (input.access !== 'online' && input.access !== 'request') throw new AlprError('ALPR_ERR_INVALID_INPUT', 'access: online or request');
    if (input.access === 'online' && !agency.hubUrl) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'access: online needs the agency\'s hub address and key on its record');
    const windowFrom = input.windowFrom ?? null;
    const windowTo = input.windowTo ?? null;
    if (windowFrom !== null && windowTo !== null && windowFrom >= windowTo) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'windowFrom/windowTo: from before to');
    const reference = text('reference', input.reference, 3, 80);
    const now = this.ctx.clock.now();
    if (!Number.isSafeInteger(input.expiresAt) || input.expiresAt <= now) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'expiresAt: a time after now');
    const agreementId = randomUUID();
    await this.ctx.sql.tx(async (db) => {
      await db.run("UPDATE sharing_agreements SET status = 'superseded' WHERE agency_id = ? AND status = 'active'", [agencyId]);
      await db.run(`INSERT INTO sharing_agreements (agreement_id, agency_id, site_ids, purposes, window_from, window_to, access, reference, approved_by, approved_at, expires_at, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')`, [agreementId, agencyId, JSON.stringify(siteIds), JSON.stringify(purposes), windowFrom, windowTo, input.access, reference, actor, now, input.expiresAt]);
      const { changes } = await db.run("UPDATE sharing_agencies SET status = 'approved', updated_at = ? WHERE agency_id = ? AND status IN ('registered', 'approved')", [now, agencyId]);
      if (changes === 0) throw new AlprError('ALPR_ERR_CONFLICT', `${agency.name} was revoked or put under review meanwhile`);
      await this.ctx.audit.append({ actor, action: 'sharing.agreementApprove', detail: { agencyId, ori: agency.ori, agreementId, siteIds, purposes, windowFrom, windowTo, access: input.access, reference, expiresAt: input.expiresAt } }, db);
    });
    return toAgreement((await this.ctx.sql.get<Row>('SELECT * FROM sharing_agreements WHERE agreement_id = ?', [agreementId]))!);
  }

  /** VII.I: the Chief revokes at once; every later check (in-flight requests included) sees it. */
  async revoke(agencyId: string, reason: string, actor: string, db?: SqlDb): Promise<Agency> {
    const note = text('reason', reason, 5, 2000);
    const run = async (tx: SqlDb) => {
      const { changes } = await tx.run("UPDATE sharing_agencies SET status = 'revoked', updated_at = ? WHERE agency_id = ? AND status <> 'revoked'", [this.ctx.clock.now(), agencyId]);
      if (changes === 0) throw new AlprError(await tx.get('SELECT 1 AS x FROM sharing_agencies WHERE agency_id = ?', [agencyId]) ? 'ALPR_ERR_CONFLICT' : 'ALPR_ERR_NOT_FOUND', `agency ${agencyId} is unknown or already revoked`);
      await tx.run("UPDATE sharing_agreements SET status = 'revoked' WHERE agency_id = ? AND status = 'active'", [agencyId]);
      await this.ctx.audit.append({ actor, action: 'sharing.revoke', detail: { agencyId, reason: note } }, tx);
    };
    await (db ? run(db) : this.ctx.sql.tx(run));
    return (await this.get(agencyId, db))!;
  }

  async get(agencyId: string, db: SqlDb = this.ctx.sql): Promise<Agency | null> {
    const row = await db.get<Row>('SELECT * FROM sharing_agencies WHERE agency_id = ?', [String(agencyId)]);
    return row ? toAgency(row) : null;
  }

  async byOri(ori: string, db: SqlDb = this.ctx.sql): Promise<Agency | null> {
    const row = await db.get<Row>('SELECT * FROM sharing_agencies WHERE ori = ?', [String(ori)]);
    return row ? toAgency(row) : null;
  }

  async list(): Promise<Agency[]> {
    return (await this.ctx.sql.all<Row>('SELECT * FROM sharing_agencies ORDER BY name')).map(toAgency);
  }

  async require(agencyId: string, db: SqlDb = this.ctx.sql): Promise<Agency> {
    const agency = await this.get(agencyId, db);
    if (!agency) throw new AlprError('ALPR_ERR_NOT_FOUND', `no agency ${agencyId}`);
    return agency;
  }

  /** The agreement in force now: the newest active one not yet expired. */
  async currentAgreement(agencyId: string, db: SqlDb = this.ctx.sql): Promise<Agreement | null> {
    const row = await db.get<Row>("SELECT * FROM sharing_agreements WHERE agency_id = ? AND status = 'active' AND expires_at > ? ORDER BY approved_at DESC LIMIT 1", [agencyId, this.ctx.clock.now()]);
    return row ? toAgreement(row) : null;
  }

  /** A declaration signed and not yet expired (625 ILCS 5/2-130). */
  async currentDeclaration(agencyId: string, db: SqlDb = this.ctx.sql): Promise<Declaration | null> {
    const now = this.ctx.clock.now();
    const row = await db.get<Row>('SELECT * FROM sharing_declarations WHERE agency_id = ? AND signed_at <= ? AND expires_at > ? ORDER BY expires_at DESC LIMIT 1', [agencyId, now, now]);
    return row ? toDeclaration(row) : null;
  }
}
