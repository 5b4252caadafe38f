import { isIPv4, isIPv6 } from 'node:net';
import type { SqlDb } from '../db/sql.js';

const DAY_MS = 86_400_000;

/**
 * Whose failure counts an attempt is charged to: the name tried (with the account that holds it,
 * if one does) and the address it came from.
 */
export interface ThrottleKey {
  username: string;
  /** The account holding the name; null for a name no account holds. */
  userId: string | null;
  /** From `throttleAddress`. */
  address: string;
}

/** Which lock refused an attempt or was set by it. */
export type LockScope = 'address' | 'name';

export type Reservation =
  /** The attempt may be evaluated; `locks` holds the locks it set (it was the last one before them). */
  | { allowed: true; locks: Array<{ scope: LockScope; until: number }> }
  /** Locked until then; the attempt must not be evaluated. */
  | { allowed: false; scope: LockScope; lockedUntil: number };

export interface ThrottleRules {
  /** Failures in a row from one address that lock the name there (CJIS 5.5.3 "node": five). */
  perAddress: number;
  /** Failures in a row from all addresses together that lock the name everywhere. */
  perName: number;
  lockoutMs: number;
  /** Counters quiet this long are forgotten (unknown names, addresses); a day by default. */
  forgetAfterMs?: number;
}

/**
 * The address a sign-in's failures are counted under. IPv6 is counted per /64, the block one
 * subscriber holds: counting single addresses would hand an attacker 2^64 fresh counters. IPv4
 * written as IPv6 (`::ffff:a.b.c.d`) counts as the IPv4 address. Attempts that come without an
 * address (the hub host's own commands) share one counter.
 */
export function throttleAddress(ip: unknown): string {
  if (typeof ip !== 'string' || ip === '') return 'local';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const [head, tail = ''] = ip.toLowerCase().split('%')[0]!.split('::') as [string, string?];
  const left = head === '' ? [] : head.split(':');
  const right = ip.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** Thrown inside the reservation's transaction so that a refusal by the name lock charges nothing. */
class Refusal {
  constructor(readonly scope: LockScope) {}
}

/**
 * The lockout counters, kept in the database so that they hold across hub processes. Two count
 * each name: failures from one address (`sign_in_address_throttle`), which lock the name for
 * that address after `perAddress` in a row, and failures from everywhere (`accounts`, or
 * `sign_in_throttle` for a name no account holds), which lock it for every address after
 * `perName`. So someone who can reach the sign-in from one address cannot keep an officer out:
 * they lock only themselves. Locking a name everywhere takes `perName / perAddress` addresses
 * at once, and guessing is bounded by `perName` per lockout period however many addresses guess.
 *
 * Each attempt is charged to both counters BEFORE its password is checked, in one transaction of
 * conditional upserts that also set the lock when a count reaches its limit and that match
 * nothing while a lock runs. However many requests arrive at once, on one hub or several sharing
 * one PostgreSQL, at most `perAddress` attempts per name and address and `perName` per name get
 * evaluated per lockout period: the row locks (PostgreSQL, always taken address row first, so
 * two attempts cannot deadlock) or the single writer (SQLite) order the upserts, and each one
 * re-reads the count it increments. An attempt the name lock refuses is rolled back, so a locked
 * name's refusals do not lock the address as well. A success resets both counts (`cleared`, in
 * AccountService's transaction that spends the TOTP step).
 *
 * Unknown names are counted exactly as real ones, without an account being created; rows quiet
 * for `forgetAfterMs` are pruned.
 */
export class SignInThrottle {
  constructor(private readonly ctx: { sql: SqlDb; rules: ThrottleRules }) {}

  async reserve(key: ThrottleKey, now: number): Promise<Reservation> {
    try {
      return await this.ctx.sql.tx(async (db) => {
        const byAddress = await this.chargeAddress(db, key, now);
        if (byAddress === 'refused') throw new Refusal('address');
        const byName = await this.chargeName(db, key, now);
        if (byName === 'refused') throw new Refusal('name');
        const locks: Array<{ scope: LockScope; until: number }> = [];
        if (byAddress !== null) locks.push({ scope: 'address', until: byAddress });
        if (byName !== null) locks.push({ scope: 'name', until: byName });
        return { allowed: true as const, locks };
      });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return { allowed: false, scope: err.scope, lockedUntil: await this.lockedUntil(key, err.scope, now) };
    }
  }

  /** A success: the name's count and this address's count start again (run in the success's transaction). */
  async cleared(db: SqlDb, key: ThrottleKey): Promise<void> {
    await db.run('DELETE FROM sign_in_address_throttle WHERE username = ? AND address = ?', [key.username, key.address]);
  }

  /** An administrator's unlock: the name's locks for every address go too. */
  async unlockName(db: SqlDb, username: string): Promise<void> {
    await db.run('DELETE FROM sign_in_address_throttle WHERE username = ?', [username]);
  }

  /** Forgets counters that have not failed for a while (the tables would otherwise grow with every name and address tried). */
  async prune(now: number): Promise<void> {
    const forget = [now - (this.ctx.rules.forgetAfterMs ?? DAY_MS), now];
    await this.ctx.sql.run('DELETE FROM sign_in_throttle WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)', forget);
    await this.ctx.sql.run('DELETE FROM sign_in_address_throttle WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)', forget);
  }

  /** The lock this attempt set (epoch ms), null if none, or 'refused' while a lock runs. */
  private async chargeAddress(db: SqlDb, key: ThrottleKey, now: number): Promise<number | null | 'refused'> {
    return this.upsertCount(db, 'sign_in_address_throttle', ['username', 'address'], [key.username, key.address], this.ctx.rules.perAddress, now);
  }

  private async chargeName(db: SqlDb, key: ThrottleKey, now: number): Promise<number | null | 'refused'> {
    const max = this.ctx.rules.perName;
    if (key.userId === null) return this.upsertCount(db, 'sign_in_throttle', ['username'], [key.username], max, now);
    const rows = await db.all<{ locked_until: number | string | null }>(`UPDATE accounts SET
        failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
        locked_until = CASE WHEN failed_attempts + 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END
      WHERE user_id = ? AND (locked_until IS NULL OR locked_until <= ?) RETURNING locked_until`, [max, max, now + this.ctx.rules.lockoutMs, key.userId, now]);
    return lockSet(rows);
  }

  /** The upsert both tables of counters without an account share (`table` and `columns` are constants of this file). */
  private async upsertCount(db: SqlDb, table: string, columns: string[], values: string[], max: number, now: number): Promise<number | null | 'refused'> {
    const lockUntil = now + this.ctx.rules.lockoutMs;
    const first = max <= 1;
    const rows = await db.all<{ locked_until: number | string | null }>(`INSERT INTO ${table} (${columns.join(', ')}, failed_attempts, locked_until, last_failed_at)
      VALUES (${columns.map(() => '?').join(', ')}, CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT))
      ON CONFLICT (${columns.join(', ')}) DO UPDATE SET
        failed_attempts = CASE WHEN ${table}.failed_attempts + 1 >= ? THEN 0 ELSE ${table}.failed_attempts + 1 END,
        locked_until = CASE WHEN ${table}.failed_attempts + 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END,
        last_failed_at = excluded.last_failed_at
      WHERE ${table}.locked_until IS NULL OR ${table}.locked_until <= ? RETURNING locked_until`,
    [...values, first ? 0 : 1, first ? lockUntil : null, now, max, max, lockUntil, now]);
    return lockSet(rows);
  }

  private async lockedUntil(key: ThrottleKey, scope: LockScope, now: number): Promise<number> {
    type Row = { locked_until: number | string | null };
    const row = scope === 'address'
      ? await this.ctx.sql.get<Row>('SELECT locked_until FROM sign_in_address_throttle WHERE username = ? AND address = ?', [key.username, key.address])
      : key.userId !== null
        ? await this.ctx.sql.get<Row>('SELECT locked_until FROM accounts WHERE user_id = ?', [key.userId])
        : await this.ctx.sql.get<Row>('SELECT locked_until FROM sign_in_throttle WHERE username = ?', [key.username]);
    // Unlocked in between (a success or an admin): report the shortest wait rather than none.
    return row === null || row.locked_until === null ? now : Number(row.locked_until);
  }
}

/** What a conditional count returned: no row while a lock runs, else the lock it set (or none). */
function lockSet(rows: Array<{ locked_until: number | string | null }>): number | null | 'refused' {
  if (rows.length !== 1) return 'refused';
  return rows[0]!.locked_until === null ? null : Number(rows[0]!.locked_until);
}
