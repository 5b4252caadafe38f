import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AlprError } from '../../core/index.js';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/**
 * Passwords are hashed with scrypt (memory-hard: N=2^15, r=8 needs 32 MiB per guess) and a
 * 16-byte random salt. The cost is stored with each hash, so raising it later does not lock
 * anyone out. Tests pass a lower `logN` to stay fast.
 */
export interface PasswordHasherOptions {
  logN: number;
}

export const DEFAULT_PASSWORD_COST: PasswordHasherOptions = { logN: 15 };

/**
 * CJIS Security Policy 5.6.2.1.1 "advanced" rules: we take the long-passphrase branch (at least 20
 * characters) rather than 8 characters plus a full breached-password corpus, because the hub runs
 * offline and cannot consult one. A short banned list still catches passphrases built on the
 * obvious words, and the username may not appear in it.
 */
export const MIN_PASSWORD_LENGTH = 20;
const MAX_PASSWORD_LENGTH = 256;
const BANNED_FRAGMENTS = ['password', 'passw0rd', 'oakpark', 'oak park', 'police', 'alpr', 'qwerty', 'letmein', '12345678', 'abcdefgh', 'welcome', 'changeme'];

export function checkPasswordPolicy(password: string, username: string): void {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    throw new AlprError('ALPR_ERR_PASSWORD_POLICY', `a password needs at least ${MIN_PASSWORD_LENGTH} characters (a passphrase of four or five words works well)`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new AlprError('ALPR_ERR_PASSWORD_POLICY', `a password may have at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) throw new AlprError('ALPR_ERR_PASSWORD_POLICY', 'a password may not contain the username');
  const banned = BANNED_FRAGMENTS.find((b) => lower.replace(/\s+/g, ' ').includes(b));
  if (banned) throw new AlprError('ALPR_ERR_PASSWORD_POLICY', `a password may not be built on "${banned}"`);
  if (new Set(lower).size < 6) throw new AlprError('ALPR_ERR_PASSWORD_POLICY', 'a password needs at least 6 different characters');
}

export async function hashPassword(password: string, options: PasswordHasherOptions = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const r = 8;
  const key = await scrypt(password, salt, 32, { N: 2 ** options.logN, r, p: 1, maxmem: 256 * 2 ** options.logN * r });
  return `scrypt$${options.logN}$${r}$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * The hub's password hashing at one cost. Sign-in calls `verify` exactly once per attempt that is
 * not locked out, whether or not the username has a password: names without one are checked
 * against a decoy of the same cost, so that an unknown or deactivated name costs what a real one
 * does (no answer-time oracle for which usernames exist).
 */
export class PasswordHasher {
  /** A well-formed hash no password matches: a random key under a random salt, at this cost. */
  readonly decoy: string;

  constructor(readonly options: PasswordHasherOptions = DEFAULT_PASSWORD_COST) {
    this.decoy = `scrypt$${options.logN}$8$1$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.options);
  }

  verify(password: string, stored: string): Promise<boolean> {
    return verifyPassword(password, stored);
  }
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const N = 2 ** Number(logN);
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N, r: Number(r), p: Number(p), maxmem: 256 * N * Number(r) });
  return timingSafeEqual(actual, expected);
}
