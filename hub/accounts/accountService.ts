import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import { isRole, type Role } from '../policy/permissions.js';
import type { ImageCipher } from '../store/index.js';
import { checkPasswordPolicy, hashPassword, verifyPassword, type PasswordHasherOptions } from './password.js';
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
  maxFailedSignIns: number;
  lockoutMs: number;
  idleTimeoutMs: number;
  activationValidMs: number;
  /** VIII.B: the policy sign-off is yearly. */
  policySignOffValidMs: number;
  /** VIII.C: LEADS certification every 2 years. */
  leadsValidMs: number;
}

export const DEFAULT_ACCOUNT_RULES: AccountRules = {
  maxFailedSignIns: 5,
  lockoutMs: 10 * 60_000,
  idleTimeoutMs: 30 * 60_000,
  activationValidMs: 3 * DAY_MS,
  policySignOffValidMs: 365 * DAY_MS,
  leadsValidMs: 2 * 365 * DAY_MS,
};

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

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;
// Compared against when the username is unknown, so that a miss costs as much time as a hit.
let decoyHash: Promise<string> | null = null;

/**
 * Accounts, sign-in and sessions (General Order 4.68 VII.B, VIII, IX): unique accounts, a
 * password plus mandatory TOTP, lockout after repeated failures, idle sessions that lock, and
 * deactivation that takes effect on the next request. Every change lands in the audit chain.
 */
export class AccountService {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock; secrets: ImageCipher; rules: AccountRules; passwordCost: PasswordHasherOptions; issuer: string }) {}

  async create(input: { username: string; displayName: string; role: string } & Certifications, actor: string): Promise<{ account: Account; activationToken: string }> {
    const username = String(input.username ?? '').toLowerCase();
    if (!USERNAME.test(username)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'username: 3-40 lower-case letters, digits, dots, dashes or underscores, starting with a letter');
    if (!isRole(input.role)) throw new AlprError('ALPR_ERR_INVALID_INPUT', `role: must be one of officer, dispatcher, analyst, detective, admin, auditor, chief`);
    const displayName = String(input.displayName ?? '').trim();
    if (displayName.length < 1 || displayName.length > 100) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'displayName: 1-100 characters');
    const activationToken = randomBytes(24).toString('base64url');
    const now = this.ctx.clock.now();
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

  /** The user's first step: choose a password; the answer carries the TOTP secret to enroll. */
  async activate(activationToken: string, password: string): Promise<{ username: string; otpauthUri: string }> {
    const row = await this.ctx.sql.get<AccountRow>('SELECT * FROM accounts WHERE activation_hash = ?', [sha256(String(activationToken))]);
    if (!row || row.status !== 'pending' || Number(row.activation_expires_at) < this.ctx.clock.now()) {
      throw new AlprError('ALPR_ERR_AUTH_FAILED', 'the activation token is unknown, used or expired; ask an administrator for a new one');
    }
    checkPasswordPolicy(password, row.username);
    const secret = newTotpSecret();
    const hash = await hashPassword(password, this.ctx.passwordCost);
    await this.ctx.sql.tx(async (db) => {
      await db.run('UPDATE accounts SET password_hash = ?, totp_secret = ?, activation_hash = NULL WHERE user_id = ?', [hash, this.ctx.secrets.seal(row.user_id, secret), row.user_id]);
      await this.ctx.audit.append({ actor: row.user_id, action: 'account.activate', detail: { username: row.username } }, db);
    });
    return { username: row.username, otpauthUri: otpauthUri(secret, row.username, this.ctx.issuer) };
  }

  /** The second step: prove the authenticator works. Only then can the account sign in. */
  async confirmTotp(username: string, password: string, code: string): Promise<Account> {
    const row = await this.checkCredentials(username, password, code, 'account.mfaEnroll');
    if (row.status !== 'pending') throw new AlprError('ALPR_ERR_CONFLICT', 'TOTP is already enrolled for this account');
    await this.ctx.sql.run("UPDATE accounts SET totp_confirmed = 1, status = 'active' WHERE user_id = ?", [row.user_id]);
    await this.ctx.audit.append({ actor: row.user_id, action: 'account.mfaEnroll', detail: { username: row.username } });
    return (await this.get(row.user_id))!;
  }

  async signIn(username: string, password: string, code: string, meta: Record<string, unknown> = {}): Promise<{ token: string; account: Account }> {
    const row = await this.checkCredentials(username, password, code, 'auth.signIn', meta);
    if (row.status === 'pending') {
      await this.ctx.audit.append({ actor: row.user_id, action: 'auth.signIn', outcome: 'refused', detail: { username: row.username, reason: 'mfa not enrolled', ...meta } });
      throw new AlprError('ALPR_ERR_AUTH_MFA_REQUIRED', 'confirm a TOTP code first: multifactor sign-in is mandatory');
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    await this.ctx.sql.tx(async (db) => {
      await db.run('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)', [sha256(token), row.user_id, now, now]);
      await this.ctx.audit.append({ actor: row.user_id, action: 'auth.signIn', detail: { username: row.username, ...meta } }, db);
    });
    return { token, account: (await this.get(row.user_id))! };
  }

  /**
   * Password and TOTP together, with the lockout: five failures in a row lock the account for ten
   * minutes, whichever factor failed. Failures are audited with the username tried.
   */
  private async checkCredentials(username: string, password: string, code: string, action: string, meta: Record<string, unknown> = {}): Promise<AccountRow> {
    const name = String(username ?? '').toLowerCase();
    const row = await this.ctx.sql.get<AccountRow>('SELECT * FROM accounts WHERE username = ?', [name]);
    const now = this.ctx.clock.now();
    const fail = async (reason: string): Promise<never> => {
      await this.ctx.audit.append({ actor: row?.user_id ?? `unknown:${name.slice(0, 40)}`, action, outcome: 'failed', detail: { username: name.slice(0, 40), reason, ...meta } });
      throw new AlprError('ALPR_ERR_AUTH_FAILED', 'wrong username, password or TOTP code');
    };
    if (!row || !row.password_hash || !row.totp_secret) {
      await verifyPassword(String(password), await (decoyHash ??= hashPassword('decoy-password-never-used', this.ctx.passwordCost)));
      return fail(row ? 'account not activated' : 'unknown user');
    }
    if (row.status === 'deactivated') return fail('account deactivated');
    if (row.locked_until !== null && Number(row.locked_until) > now) {
      await this.ctx.audit.append({ actor: row.user_id, action, outcome: 'refused', detail: { username: name, reason: 'locked', ...meta } });
      throw new AlprError('ALPR_ERR_AUTH_LOCKED', `the account is locked until ${new Date(Number(row.locked_until)).toISOString()} after ${this.ctx.rules.maxFailedSignIns} failed sign-ins`);
    }
    const passwordOk = await verifyPassword(String(password), row.password_hash);
    const step = passwordOk ? matchTotp(this.ctx.secrets.open(row.user_id, row.totp_secret), String(code), now) : null;
    const replayed = step !== null && row.totp_last_step !== null && step <= Number(row.totp_last_step);
    if (!passwordOk || step === null || replayed) {
      const failures = Number(row.failed_attempts) + 1;
      const lock = failures >= this.ctx.rules.maxFailedSignIns;
      await this.ctx.sql.run('UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE user_id = ?', [lock ? 0 : failures, lock ? now + this.ctx.rules.lockoutMs : row.locked_until, row.user_id]);
      if (lock) await this.ctx.audit.append({ actor: 'system', action: 'account.lock', detail: { userId: row.user_id, username: name, until: now + this.ctx.rules.lockoutMs } });
      return fail(!passwordOk ? 'wrong password' : replayed ? 'TOTP code already used' : 'wrong TOTP code');
    }
    await this.ctx.sql.run('UPDATE accounts SET failed_attempts = 0, locked_until = NULL, totp_last_step = ? WHERE user_id = ?', [step, row.user_id]);
    return row;
  }

  /** The account behind a session token; idle sessions and deactivated accounts are refused. */
  async authenticate(token: string): Promise<SessionUser> {
    const tokenHash = sha256(String(token));
    const session = await this.ctx.sql.get<{ user_id: string; last_seen_at: number | string; ended_at: number | string | null }>(
      'SELECT user_id, last_seen_at, ended_at FROM sessions WHERE token_hash = ?', [tokenHash]);
    const now = this.ctx.clock.now();
    if (!session || session.ended_at !== null) throw new AlprError('ALPR_ERR_SESSION_EXPIRED', 'sign in again: the session is unknown or signed out');
    if (now - Number(session.last_seen_at) > this.ctx.rules.idleTimeoutMs) {
      await this.ctx.sql.run('UPDATE sessions SET ended_at = ? WHERE token_hash = ?', [now, tokenHash]);
      await this.ctx.audit.append({ actor: session.user_id, action: 'auth.sessionIdle', detail: { idleMs: now - Number(session.last_seen_at) } });
      throw new AlprError('ALPR_ERR_SESSION_EXPIRED', `sign in again: the session was idle for more than ${Math.round(this.ctx.rules.idleTimeoutMs / 60_000)} minutes`);
    }
    const account = await this.get(session.user_id);
    if (!account || account.status !== 'active') throw new AlprError('ALPR_ERR_SESSION_EXPIRED', 'the account is no longer active');
    await this.ctx.sql.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [now, tokenHash]);
    return { account, sessionId: tokenHash.slice(0, 16) };
  }

  async signOut(token: string): Promise<void> {
    const tokenHash = sha256(String(token));
    const session = await this.ctx.sql.get<{ user_id: string }>('SELECT user_id FROM sessions WHERE token_hash = ? AND ended_at IS NULL', [tokenHash]);
    if (!session) return;
    await this.ctx.sql.run('UPDATE sessions SET ended_at = ? WHERE token_hash = ?', [this.ctx.clock.now(), tokenHash]);
    await this.ctx.audit.append({ actor: session.user_id, action: 'auth.signOut' });
  }

  /** IX: separation removes access at once; every open session ends with it. */
  async deactivate(userId: string, actor: string, reason: string): Promise<Account> {
    const now = this.ctx.clock.now();
    await this.ctx.sql.tx(async (db) => {
      const { changes } = await db.run("UPDATE accounts SET status = 'deactivated', deactivated_at = ? WHERE user_id = ? AND status <> 'deactivated'", [now, userId]);
      if (changes === 0) throw new AlprError('ALPR_ERR_NOT_FOUND', `no active account ${userId}`);
      await db.run('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL', [now, userId]);
      await this.ctx.audit.append({ actor, action: 'account.deactivate', detail: { userId, reason: String(reason ?? '').slice(0, 500) } }, db);
    });
    return (await this.get(userId))!;
  }

  async setRole(userId: string, role: string, actor: string): Promise<Account> {
    if (!isRole(role)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'role: not a known role');
    const before = await this.require(userId);
    await this.ctx.sql.tx(async (db) => {
      await db.run('UPDATE accounts SET role = ? WHERE user_id = ?', [role, userId]);
      await this.ctx.audit.append({ actor, action: 'account.roleChange', detail: { userId, from: before.role, to: role } }, db);
    });
    return (await this.get(userId))!;
  }

  async setCertifications(userId: string, dates: Certifications, actor: string): Promise<Account> {
    await this.require(userId);
    const columns: Array<[keyof Certifications, string]> = [['trainingCompletedAt', 'training_completed_at'], ['policySignedAt', 'policy_signed_at'], ['leadsCertifiedAt', 'leads_certified_at']];
    const now = this.ctx.clock.now();
    await this.ctx.sql.tx(async (db) => {
      for (const [key, column] of columns) {
        const value = dates[key];
        if (value === undefined) continue;
        if (value !== null && (!Number.isFinite(value) || value > now)) throw new AlprError('ALPR_ERR_INVALID_INPUT', `${key}: must be a date in the past`);
        await db.run(`UPDATE accounts SET ${column} = ? WHERE user_id = ?`, [value, userId]);
      }
      await this.ctx.audit.append({ actor, action: 'account.certifications', detail: { userId, ...dates } }, db);
    });
    return (await this.get(userId))!;
  }

  async unlock(userId: string, actor: string): Promise<Account> {
    await this.require(userId);
    await this.ctx.sql.tx(async (db) => {
      await db.run('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?', [userId]);
      await this.ctx.audit.append({ actor, action: 'account.unlock', detail: { userId } }, db);
    });
    return (await this.get(userId))!;
  }

  /** V.A, VIII: what has lapsed (empty when the account may search). */
  lapses(account: Account): string[] {
    const now = this.ctx.clock.now();
    const out: string[] = [];
    if (account.trainingCompletedAt === null) out.push('department ALPR training has not been recorded');
    if (account.policySignedAt === null || now - account.policySignedAt > this.ctx.rules.policySignOffValidMs) out.push('the yearly policy sign-off has lapsed');
    if (account.leadsCertifiedAt === null || now - account.leadsCertifiedAt > this.ctx.rules.leadsValidMs) out.push('LEADS certification (every 2 years) has lapsed');
    return out;
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
