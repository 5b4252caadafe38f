import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { addressBlock, AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import { isRole, type Role } from '../policy/permissions.js';
import type { ImageCipher } from '../store/index.js';
import { checkPasswordPolicy, type PasswordHasher } from './password.js';
import { SignInThrottle, type ThrottleKey } from './signInThrottle.js';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.js';

const DAY_MS = 86_400_000;

export type AccountStatus = 'pending' | 'active' | 'deactivated';

export interface Account {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** pending until the user has set a password and confirmed TOTP; deactivated on separation. */
  status: AccountStatus;
  totpConfirmed: boolean;
  failedAttempts: number;
  lockedUntil: number | null;
  trainingCompletedAt: number | null;
  policySignedAt: number | null;
  leadsCertifiedAt: number | null;
  createdAt: number;
  deactivatedAt: number | null;
}

export interface Certifications {
  trainingCompletedAt?: number | null;
  policySignedAt?: number | null;
  leadsCertifiedAt?: number | null;
}

export interface AccountRules {
  /** Failed sign-ins in a row under one name from one address that lock the name for that address. */
  maxFailedSignIns: number;
  /** Failed sign-ins in a row under one name from all addresses together that lock the name everywhere. */
  maxFailedSignInsPerName: number;
  /** Failed sign-ins in a row from one address under any names that lock every name there. */
  maxFailedSignInsPerAddress: number;
  lockoutMs: number;
  idleTimeoutMs: number;
  /** CJIS: a fresh sign-in after this long, whatever the activity. */
  sessionLifetimeMs: number;
  /** Open sessions one account may hold; signing in once more ends the oldest. */
  maxSessionsPerAccount: number;
  activationValidMs: number;
  /** VIII.B: the policy sign-off is yearly. */
  policySignOffValidMs: number;
  /** VIII.C: LEADS certification every 2 years. */
  leadsValidMs: number;
}

export const DEFAULT_ACCOUNT_RULES: AccountRules = {
  maxFailedSignIns: 5,
  maxFailedSignInsPerName: 30,
  maxFailedSignInsPerAddress: 20,
  lockoutMs: 10 * 60_000,
  idleTimeoutMs: 30 * 60_000,
  sessionLifetimeMs: 12 * 3600_000,
  maxSessionsPerAccount: 3,
  activationValidMs: 3 * DAY_MS,
  policySignOffValidMs: 365 * DAY_MS,
  leadsValidMs: 2 * 365 * DAY_MS,
};

/** Where a change comes from: the HTTP API, or a command run on the hub host itself. */
export type Channel = 'api' | 'host';

export interface SessionUser {
  account: Account;
  sessionId: string;
}

interface AccountRow {
  user_id: string;
  username: string;
  display_name: string;
  role: string;
  status: AccountStatus;
  password_hash: string | null;
  activation_hash: string | null;
  activation_expires_at: number | string | null;
  totp_secret: Buffer | null;
  totp_confirmed: number;
  totp_last_step: number | string | null;
  failed_attempts: number;
  locked_until: number | string | null;
  training_completed_at: number | string | null;
  policy_signed_at: number | string | null;
  leads_certified_at: number | string | null;
  created_at: number | string;
  deactivated_at: number | string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toAccount(r: AccountRow): Account {
  return {
    userId: r.user_id, username: r.username, displayName: r.display_name, role: r.role as Role, status: r.status, totpConfirmed: Number(r.totp_confirmed) === 1,
    failedAttempts: Number(r.failed_attempts), lockedUntil: num(r.locked_until), trainingCompletedAt: num(r.training_completed_at),
    policySignedAt: num(r.policy_signed_at), leadsCertifiedAt: num(r.leads_certified_at), createdAt: Number(r.created_at), deactivatedAt: num(r.deactivated_at),
  };
}

/** A certification date is a time in the past, or null (not recorded, so lapsed); never 0 or a string. */
function checkCertificationDate(key: keyof Certifications, value: unknown, now: number): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > now) throw new AlprError('ALPR_ERR_INVALID_INPUT', `${key}: must be a date in the past (epoch ms) or null`);
}

/** Thrown inside the sign-in's transaction when its TOTP step was spent by a racing request. */
class CodeAlreadyUsed {}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;

/**
 * Roles granted or removed only on the hub host (`alpr-hub account create` / `set-role`), never
 * through the API: the chief approves, and the auditor checks the administrators' work (VII.E).
 * An administrator who could create an auditor through the API would receive its activation
 * token and could activate it as itself: the oversight of admins would then be an admin.
 */
const HOST_ONLY_ROLES: ReadonlySet<Role> = new Set<Role>(['chief', 'auditor']);

/**
 * Accounts, sign-in and sessions (General Order 4.68 VII.B, VIII, IX): unique accounts, a
 * password plus mandatory TOTP, lockout after repeated failures, idle sessions that lock, and
 * deactivation that takes effect on the next request. Every change lands in the audit chain.
 */
export class AccountService {
  private readonly throttle: SignInThrottle;

  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock; secrets: ImageCipher; rules: AccountRules; passwords: PasswordHasher; issuer: string }) {
    const { maxFailedSignIns, maxFailedSignInsPerName, maxFailedSignInsPerAddress, lockoutMs } = ctx.rules;
    this.throttle = new SignInThrottle({ sql: ctx.sql, rules: { perAddress: maxFailedSignInsPerAddress, perNameAtAddress: maxFailedSignIns, perName: maxFailedSignInsPerName, lockoutMs } });
  }

  /** The hasher sign-in uses (its cost is what every attempt pays). */
  get passwords(): PasswordHasher {
    return this.ctx.passwords;
  }

  /** A new account; an oversight account (chief, auditor) is only created on the hub host (`channel: 'host'`). */
  async create(input: { username: string; displayName: string; role: string } & Certifications, actor: string, channel: Channel = 'api'): Promise<{ account: Account; activationToken: string }> {
    const username = String(input.username ?? '').toLowerCase();
    if (!USERNAME.test(username)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'username: 3-40 lower-case letters, digits, dots, dashes or underscores, starting with a letter');
    if (!isRole(input.role)) throw new AlprError('ALPR_ERR_INVALID_INPUT', `role: must be one of officer, dispatcher, analyst, detective, admin, auditor, chief`);
    if (HOST_ONLY_ROLES.has(input.role) && channel !== 'host') {
      const refusal = `the ${input.role} role is granted only on the hub host (alpr-hub account create)`;
      await this.ctx.audit.append({ actor, action: 'account.create', outcome: 'refused', detail: { username, role: input.role, refusal } });
      throw new AlprError('ALPR_ERR_SEPARATION_OF_DUTIES', refusal);
    }
    const displayName = String(input.displayName ?? '').trim();
    if (displayName.length < 1 || displayName.length > 100) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'displayName: 1-100 characters');
    const activationToken = `act_${randomBytes(24).toString('base64url')}`;
    const now = this.ctx.clock.now();
    for (const key of ['trainingCompletedAt', 'policySignedAt', 'leadsCertifiedAt'] as const) checkCertificationDate(key, input[key] ?? null, now);
    const userId = randomUUID();
    await this.ctx.sql.tx(async (db) => {
      if (await db.get('SELECT 1 AS x FROM accounts WHERE username = ?', [username])) throw new AlprError('ALPR_ERR_CONFLICT', `username ${username} is taken (accounts are never shared or reused)`);
      await db.run(`INSERT INTO accounts (user_id, username, display_name, role, status, activation_hash, activation_expires_at, totp_confirmed, failed_attempts,
        training_completed_at, policy_signed_at, leads_certified_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, 0, 0, ?, ?, ?, ?)`, [
        userId, username, displayName, input.role, sha256(activationToken), now + this.ctx.rules.activationValidMs,
        input.trainingCompletedAt ?? null, input.policySignedAt ?? null, input.leadsCertifiedAt ?? null, now,
      ]);
      await this.ctx.audit.append({ actor, action: 'account.create', detail: { userId, username, role: input.role } }, db);
    });
    return { account: (await this.get(userId))!, activationToken };
  }

  /**
   * The user's first step: choose a password; the answer carries the TOTP secret to enroll.
   * `meta.ip`: where the activation came from (the monthly audit compares it with the creator's).
   */
  async activate(activationToken: string, password: string, meta: Record<string, unknown> = {}): Promise<{ username: string; otpauthUri: string }> {
    const row = await this.ctx.sql.get<AccountRow>('SELECT * FROM accounts WHERE activation_hash = ?', [sha256(String(activationToken))]);
    if (!row || row.status !== 'pending' || Number(row.activation_expires_at) < this.ctx.clock.now()) {
      throw new AlprError('ALPR_ERR_AUTH_FAILED', 'the activation token is unknown, used or expired; ask an administrator for a new one');
    }
    checkPasswordPolicy(password, row.username);
    const secret = newTotpSecret();
    const hash = await this.ctx.passwords.hash(password);
    await this.ctx.sql.tx(async (db) => {
      // Spends the token only if no other request spent it during the scrypt above: without the
      // condition, copies of one token sent together all activated, each with its own password
      // and TOTP secret, and the last one written won.
      const { changes } = await db.run("UPDATE accounts SET password_hash = ?, totp_secret = ?, activation_hash = NULL WHERE user_id = ? AND activation_hash = ? AND status = 'pending'",
        [hash, this.ctx.secrets.seal(row.user_id, secret), row.user_id, row.activation_hash]);
      if (changes !== 1) throw new AlprError('ALPR_ERR_AUTH_FAILED', 'the activation token is unknown, used or expired; ask an administrator for a new one');
      await this.ctx.audit.append({ actor: row.user_id, action: 'account.activate', detail: { username: row.username, ...meta } }, db);
    });
    return { username: row.username, otpauthUri: otpauthUri(secret, row.username, this.ctx.issuer) };
  }

  /** The second step: prove the authenticator works. Only then can the account sign in. */
  async confirmTotp(username: string, password: string, code: string, meta: Record<string, unknown> = {}): Promise<Account> {
    const { row, result } = await this.checkCredentials(username, password, code, 'account.mfaEnroll', meta, async (db, verified) => {
      if (verified.status !== 'pending') return 'already-enrolled' as const;
      await db.run("UPDATE accounts SET totp_confirmed = 1, status = 'active' WHERE user_id = ?", [verified.user_id]);
      await this.ctx.audit.append({ actor: verified.user_id, action: 'account.mfaEnroll', detail: { username: verified.username, ...meta } }, db);
      return 'enrolled' as const;
    });
    if (result === 'already-enrolled') throw new AlprError('ALPR_ERR_CONFLICT', 'TOTP is already enrolled for this account');
    return (await this.get(row.user_id))!;
  }

  async signIn(username: string, password: string, code: string, meta: Record<string, unknown> = {}): Promise<{ token: string; account: Account }> {
    // Prefixed so that a token never starts with '-' (a command line would take it for an option)
    // and is recognisable where it leaks (secret scanners match on the prefix).
    const token = `ses_${randomBytes(32).toString('base64url')}`;
    const outcome = await this.checkCredentials(username, password, code, 'auth.signIn', meta, async (db, row, now) => {
      if (row.status === 'pending') return 'mfa-required' as const;
      await this.openSession(db, row, sha256(token), now, meta);
      return 'signed-in' as const;
    });
    if (outcome.result === 'mfa-required') {
      await this.ctx.audit.append({ actor: outcome.row.user_id, action: 'auth.signIn', outcome: 'refused', detail: { username: outcome.row.username, reason: 'mfa not enrolled', ...meta } });
      throw new AlprError('ALPR_ERR_AUTH_MFA_REQUIRED', 'confirm a TOTP code first: multifactor sign-in is mandatory');
    }
    return { token, account: (await this.get(outcome.row.user_id))! };
  }

  /**
   * The new session, inside the transaction that spent the TOTP step (which holds the account
   * row, so concurrent sign-ins of one account take turns here, across hub processes too). At
   * the cap, the oldest live sessions end first, each audited.
   */
  private async openSession(db: SqlDb, row: AccountRow, tokenHash: string, now: number, meta: Record<string, unknown>): Promise<void> {
    const { idleTimeoutMs, sessionLifetimeMs, maxSessionsPerAccount } = this.ctx.rules;
    const live = await db.all<{ token_hash: string; created_at: number | string }>(
      'SELECT token_hash, created_at FROM sessions WHERE user_id = ? AND ended_at IS NULL AND created_at > ? AND last_seen_at >= ? ORDER BY created_at, token_hash',
      [row.user_id, now - sessionLifetimeMs, now - idleTimeoutMs]);
    for (const old of live.slice(0, Math.max(0, live.length - maxSessionsPerAccount + 1))) {
      await db.run('UPDATE sessions SET ended_at = ? WHERE token_hash = ?', [now, old.token_hash]);
      await this.ctx.audit.append({ actor: 'system', action: 'auth.sessionEnded', detail: {
        userId: row.user_id, sessionId: old.token_hash.slice(0, 16), reason: `more than ${maxSessionsPerAccount} sessions: the oldest ends`, startedAt: Number(old.created_at),
      } }, db);
    }
    await db.run('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)', [tokenHash, row.user_id, now, now]);
    await this.ctx.audit.append({ actor: row.user_id, action: 'auth.signIn', detail: { username: row.username, sessionId: tokenHash.slice(0, 16), ...meta } }, db);
  }

  /**
   * Password and TOTP together, with the lockout: five failures in a row under a name from one
   * address lock the name for that address, thirty from all addresses lock it everywhere, and
   * twenty from one address under any names lock that address, for ten minutes, whichever factor
   * failed, whether or not an account holds the name. Every attempt takes the same path (charge
   * the counters, one scrypt at the configured cost, the same error), so neither the answer nor
   * its time tells a real account from an unknown or deactivated one.
   * The counters are charged before the password is checked and the TOTP step is spent by a
   * conditional UPDATE (see SignInThrottle): concurrent requests cannot evaluate more guesses
   * than the limits, nor turn one code into two sessions. `onVerified` runs in that UPDATE's
   * transaction. `meta.ip` is the address the attempt came from (none: the hub host).
   */
  private async checkCredentials<T>(username: string, password: string, code: string, action: string, meta: Record<string, unknown>,
    onVerified: (db: SqlDb, row: AccountRow, now: number) => Promise<T>): Promise<{ row: AccountRow; result: T }> {
    const name = String(username ?? '').toLowerCase().slice(0, 64);
    const row = await this.ctx.sql.get<AccountRow>('SELECT * FROM accounts WHERE username = ?', [name]);
    const now = this.ctx.clock.now();
    const key: ThrottleKey = { username: name, userId: row?.user_id ?? null, address: addressBlock(meta.ip) };
    const actor = row?.user_id ?? `unknown:${name.slice(0, 40)}`;
    const reservation = await this.throttle.reserve(key, now);
    if (!reservation.allowed) {
      await this.ctx.audit.append({ actor, action, outcome: 'refused', detail: { username: name.slice(0, 40), reason: `locked (${reservation.scope})`, ...meta } });
      const until = new Date(reservation.lockedUntil).toISOString();
      const { maxFailedSignIns, maxFailedSignInsPerName, maxFailedSignInsPerAddress } = this.ctx.rules;
      throw new AlprError('ALPR_ERR_AUTH_LOCKED', {
        address: `sign-in from this address is locked until ${until} after ${maxFailedSignInsPerAddress} failed sign-ins in a row under any names`,
        nameAtAddress: `sign-in under this name from this address is locked until ${until} after ${maxFailedSignIns} failed sign-ins in a row`,
        name: `the account is locked until ${until} after ${maxFailedSignInsPerName} failed sign-ins in a row from several addresses`,
      }[reservation.scope]);
    }
    const fail = async (reason: string): Promise<never> => {
      await this.ctx.audit.append({ actor, action, outcome: 'failed', detail: { username: name.slice(0, 40), reason, ...meta } });
      for (const lock of reservation.locks) {
        const lockAction = { address: 'auth.addressLock', nameAtAddress: 'auth.nameAtAddressLock', name: row ? 'account.lock' : 'auth.unknownNameLock' }[lock.scope];
        await this.ctx.audit.append({ actor: 'system', action: lockAction, detail: {
          userId: row?.user_id ?? null, username: name.slice(0, 40), ...(lock.scope === 'name' ? {} : { address: key.address }), until: lock.until,
        } });
      }
      await this.throttle.prune(now);
      throw new AlprError('ALPR_ERR_AUTH_FAILED', 'wrong username, password or TOTP code');
    };
    const usable = row !== null && row.password_hash !== null && row.totp_secret !== null && row.status !== 'deactivated';
    const passwordOk = await this.ctx.passwords.verify(String(password), usable ? row.password_hash! : this.ctx.passwords.decoy);
    if (!row) return fail('unknown user');
    if (!usable) return fail(row.status === 'deactivated' ? 'account deactivated' : 'account not activated');
    if (!passwordOk) return fail('wrong password');
    const step = matchTotp(this.ctx.secrets.open(row.user_id, row.totp_secret!), String(code), now);
    if (step === null) return fail('wrong TOTP code');
    const spent = await this.ctx.sql.tx(async (db) => {
      // This address's counts first: every reservation locks the address rows before the
      // account's, and taking them in the other order deadlocks against one on PostgreSQL.
      await this.throttle.cleared(db, key);
      const { changes } = await db.run(`UPDATE accounts SET failed_attempts = 0, locked_until = NULL, totp_last_step = ?
        WHERE user_id = ? AND status <> 'deactivated' AND (totp_last_step IS NULL OR totp_last_step < ?)`, [step, row.user_id, step]);
      if (changes !== 1) throw new CodeAlreadyUsed(); // rolls the reset back: this attempt failed
      return { result: await onVerified(db, row, now) };
    }).catch((err: unknown) => {
      if (err instanceof CodeAlreadyUsed) return null;
      throw err;
    });
    if (!spent) return fail('TOTP code already used');
    return { row, result: spent.result };
  }

  /**
   * The account behind a session token; idle, too old, ended sessions and deactivated accounts are
   * refused (an idle or old session is ended and recorded). `touch: false` checks without counting
   * as activity: the alert stream's heartbeat is not a request by the user, so an open Alerts page
   * idles out like any other (CJIS session lock).
   */
  async authenticate(token: string, { touch = true }: { touch?: boolean } = {}): Promise<SessionUser> {
    const tokenHash = sha256(String(token));
    const session = await this.ctx.sql.get<{ user_id: string; created_at: number | string; last_seen_at: number | string; ended_at: number | string | null }>(
      'SELECT user_id, created_at, last_seen_at, ended_at FROM sessions WHERE token_hash = ?', [tokenHash]);
    const now = this.ctx.clock.now();
    if (!session || session.ended_at !== null) throw new AlprError('ALPR_ERR_SESSION_EXPIRED', 'sign in again: the session is unknown, signed out or ended');
    const end = async (action: string, detail: Record<string, unknown>, message: string): Promise<never> => {
      // Ended and recorded together, once: a request racing this one finds the session ended.
      await this.ctx.sql.tx(async (db) => {
        const { changes } = await db.run('UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL', [now, tokenHash]);
        if (changes === 1) await this.ctx.audit.append({ actor: session.user_id, action, detail }, db);
      });
      throw new AlprError('ALPR_ERR_SESSION_EXPIRED', message);
    };
    const ageMs = now - Number(session.created_at);
    if (ageMs > this.ctx.rules.sessionLifetimeMs) {
      return end('auth.sessionExpired', { ageMs }, `sign in again: a session lasts at most ${Math.round(this.ctx.rules.sessionLifetimeMs / 3600_000)} hours, whatever the activity`);
    }
    if (now - Number(session.last_seen_at) > this.ctx.rules.idleTimeoutMs) {
      return end('auth.sessionIdle', { idleMs: now - Number(session.last_seen_at) }, `sign in again: the session was idle for more than ${Math.round(this.ctx.rules.idleTimeoutMs / 60_000)} minutes`);
    }
    const account = await this.get(session.user_id);
    if (!account || account.status !== 'active') throw new AlprError('ALPR_ERR_SESSION_EXPIRED', 'the account is no longer active');
    if (touch) await this.ctx.sql.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [now, tokenHash]);
    return { account, sessionId: tokenHash.slice(0, 16) };
  }

  async signOut(token: string): Promise<void> {
    const tokenHash = sha256(String(token));
    const session = await this.ctx.sql.get<{ user_id: string }>('SELECT user_id FROM sessions WHERE token_hash = ? AND ended_at IS NULL', [tokenHash]);
    if (!session) return;
    // The session ends with its record or not at all (a sign-out that fails leaves it usable and says so).
    await this.ctx.sql.tx(async (db) => {
      const { changes } = await db.run('UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL', [this.ctx.clock.now(), tokenHash]);
      if (changes === 1) await this.ctx.audit.append({ actor: session.user_id, action: 'auth.signOut' }, db);
    });
  }

  /**
   * IX: separation removes access at once; every open session ends with it. Through the API an
   * oversight account (chief, auditor) is not deactivated: an administrator could otherwise end
   * the auditor who checks its work (VII.E) as surely as by taking the role away. That happens on
   * the hub host (`alpr-hub account deactivate`).
   */
  async deactivate(userId: string, actor: string, reason: string, channel: Channel = 'api'): Promise<Account> {
    const target = await this.get(userId);
    if (target && channel !== 'host' && HOST_ONLY_ROLES.has(target.role)) {
      const refusal = `a ${target.role} account is deactivated only on the hub host (alpr-hub account deactivate)`;
      await this.ctx.audit.append({ actor, action: 'account.deactivate', outcome: 'refused', detail: { userId, role: target.role, reason: String(reason ?? '').slice(0, 500), refusal } });
      throw new AlprError('ALPR_ERR_SEPARATION_OF_DUTIES', refusal);
    }
    const now = this.ctx.clock.now();
    await this.ctx.sql.tx(async (db) => {
      const { changes } = await db.run("UPDATE accounts SET status = 'deactivated', deactivated_at = ? WHERE user_id = ? AND status <> 'deactivated'", [now, userId]);
      if (changes === 0) throw new AlprError('ALPR_ERR_NOT_FOUND', `no active account ${userId}`);
      await db.run('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL', [now, userId]);
      await this.ctx.audit.append({ actor, action: 'account.deactivate', detail: { userId, reason: String(reason ?? '').slice(0, 500), via: channel } }, db);
    });
    return (await this.get(userId))!;
  }

  /**
   * Separation of duties: over the API nobody changes their own role, and the chief role is
   * neither granted nor taken away (that happens on the hub host, `alpr-hub account set-role`).
   * Every change carries a reason; changes and refusals are audited.
   */
  async setRole(userId: string, role: string, actor: string, reason: string, channel: Channel = 'api'): Promise<Account> {
    if (!isRole(role)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'role: not a known role');
    const why = String(reason ?? '').trim();
    if (why.length < 5 || why.length > 500) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'reason: why the role changes, 5-500 characters');
    const before = await this.require(userId);
    const refusal = channel === 'host' ? null
      : actor === userId ? 'nobody may change their own role'
        : HOST_ONLY_ROLES.has(role) || HOST_ONLY_ROLES.has(before.role) ? `the ${HOST_ONLY_ROLES.has(role) ? role : before.role} role is granted or removed only on the hub host (alpr-hub account set-role)` : null;
    if (refusal) {
      await this.ctx.audit.append({ actor, action: 'account.roleChange', outcome: 'refused', detail: { userId, from: before.role, to: role, reason: why, refusal } });
      throw new AlprError('ALPR_ERR_SEPARATION_OF_DUTIES', refusal);
    }
    await this.ctx.sql.tx(async (db) => {
      // Conditional on the role read above, so two admins racing cannot both claim "from".
      const { changes } = await db.run('UPDATE accounts SET role = ? WHERE user_id = ? AND role = ?', [role, userId, before.role]);
      if (changes !== 1) throw new AlprError('ALPR_ERR_CONFLICT', `the role of ${userId} changed meanwhile; read it again`);
      await this.ctx.audit.append({ actor, action: 'account.roleChange', detail: { userId, from: before.role, to: role, reason: why, via: channel } }, db);
    });
    return (await this.get(userId))!;
  }

  /** Refuses (ALPR_ERR_INVALID_INPUT) dates that are not in the past: called before any part of an update is applied. */
  checkCertifications(dates: Certifications): void {
    const now = this.ctx.clock.now();
    for (const [key, value] of Object.entries(dates) as Array<[keyof Certifications, unknown]>) if (value !== undefined) checkCertificationDate(key, value, now);
  }

  /**
   * Separation of duties, as for roles: over the API nobody records their own certification
   * dates (an admin would otherwise keep itself current without the training, sign-off or LEADS
   * certification that V.A and VIII ask of it), and the chief's and auditor's dates are not changed
   * at all: an admin clearing the auditor's LEADS date locks the auditor out of the audit queries
   * that check it (VII.E) as surely as deactivating it. Those change only with `channel: 'host'`
   * (today only `alpr-hub account create` records them, at creation: no host command renews them
   * yet). Refusals are audited.
   */
  async setCertifications(userId: string, dates: Certifications, actor: string, channel: Channel = 'api'): Promise<Account> {
    const target = await this.require(userId);
    this.checkCertifications(dates);
    const refusal = channel === 'host' ? null
      : actor === userId ? 'nobody may record their own certification dates'
        : HOST_ONLY_ROLES.has(target.role) ? `the certification dates of a ${target.role} account are changed only on the hub host` : null;
    if (refusal) {
      await this.ctx.audit.append({ actor, action: 'account.certifications', outcome: 'refused', detail: { userId, role: target.role, ...dates, refusal } });
      throw new AlprError('ALPR_ERR_SEPARATION_OF_DUTIES', refusal);
    }
    const columns: Array<[keyof Certifications, string]> = [['trainingCompletedAt', 'training_completed_at'], ['policySignedAt', 'policy_signed_at'], ['leadsCertifiedAt', 'leads_certified_at']];
    await this.ctx.sql.tx(async (db) => {
      for (const [key, column] of columns) {
        const value = dates[key];
        if (value === undefined) continue;
        await db.run(`UPDATE accounts SET ${column} = ? WHERE user_id = ?`, [value, userId]);
      }
      await this.ctx.audit.append({ actor, action: 'account.certifications', detail: { userId, ...dates, via: channel } }, db);
    });
    return (await this.get(userId))!;
  }

  async unlock(userId: string, actor: string): Promise<Account> {
    const { username } = await this.require(userId);
    await this.ctx.sql.tx(async (db) => {
      // The name's address rows before the account's, the order sign-ins take them in (SignInThrottle).
      await this.throttle.unlockName(db, username);
      await db.run('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?', [userId]);
      await this.ctx.audit.append({ actor, action: 'account.unlock', detail: { userId } }, db);
    });
    return (await this.get(userId))!;
  }

  /** V.A, VIII: what has lapsed (empty when the account may search); `now` is the month end for the monthly audit. */
  lapses(account: Account, now: number = this.ctx.clock.now()): string[] {
    const out: string[] = [];
    // 0 is what body coercion once stored for null: no date either.
    if (!account.trainingCompletedAt) out.push('department ALPR training has not been recorded');
    if (!account.policySignedAt || now - account.policySignedAt > this.ctx.rules.policySignOffValidMs) out.push('the yearly policy sign-off has lapsed');
    if (!account.leadsCertifiedAt || now - account.leadsCertifiedAt > this.ctx.rules.leadsValidMs) out.push('LEADS certification (every 2 years) has lapsed');
    return out;
  }

  /** When each dated certification lapses under the hub's rules (null: never recorded). */
  renewBy(account: Account): { policySignedAt: number | null; leadsCertifiedAt: number | null } {
    const { policySignOffValidMs, leadsValidMs } = this.ctx.rules;
    return {
      policySignedAt: account.policySignedAt ? account.policySignedAt + policySignOffValidMs : null,
      leadsCertifiedAt: account.leadsCertifiedAt ? account.leadsCertifiedAt + leadsValidMs : null,
    };
  }

  requireCurrent(account: Account): void {
    const lapsed = this.lapses(account);
    if (lapsed.length > 0) throw new AlprError('ALPR_ERR_ACCOUNT_LAPSED', `this account cannot search until renewed: ${lapsed.join('; ')}`, { details: { lapsed } });
  }

  async get(userId: string): Promise<Account | null> {
    const row = await this.ctx.sql.get<AccountRow>('SELECT * FROM accounts WHERE user_id = ?', [userId]);
    return row ? toAccount(row) : null;
  }

  async byUsername(username: string): Promise<Account | null> {
    const row = await this.ctx.sql.get<AccountRow>('SELECT * FROM accounts WHERE username = ?', [String(username).toLowerCase()]);
    return row ? toAccount(row) : null;
  }

  async list(): Promise<Account[]> {
    return (await this.ctx.sql.all<AccountRow>('SELECT * FROM accounts ORDER BY username')).map(toAccount);
  }

  private async require(userId: string): Promise<Account> {
    const account = await this.get(userId);
    if (!account) throw new AlprError('ALPR_ERR_NOT_FOUND', `no account ${userId}`);
    return account;
  }
}
