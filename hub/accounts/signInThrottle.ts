import type { SqlDb } from '../db/sql.js';

const DAY_MS = 86_400_000;

/** Whose failure count an attempt is charged to: an account, or a name no account holds. */
export type ThrottleKey = { userId: string } | { username: string };

export type Reservation =
  /** The attempt may be evaluated; `locks` is set when it was the last one before the lockout. */
  | { allowed: true; locks: number | null }
  /** The name is locked until then; the attempt must not be evaluated. */
  | { allowed: false; lockedUntil: number };

/**
 * The lockout counter, kept in the database so that it holds across hub processes. Each attempt
 * is charged BEFORE its password is checked, by one conditional UPDATE (or upsert) that also sets
 * the lock when the count reaches the limit, and that matches nothing while a lock runs. However
 * many requests arrive at once, on one hub or several sharing one PostgreSQL, at most
 * `maxFailures` attempts per lockout period get evaluated: the row lock (PostgreSQL) or the single
 * writer (SQLite) orders the UPDATEs, and each one re-reads the count it increments. A success
 * resets the count (AccountService, in the same statement that spends the TOTP step).
 *
 * Unknown usernames are counted in `sign_in_throttle`, so they lock exactly as real ones do
 * without an account being created; rows quiet for `forgetAfterMs` are pruned.
 */
export class SignInThrottle {
  constructor(private readonly ctx: { sql: SqlDb; maxFailures: number; lockoutMs: number; forgetAfterMs?: number }) {}

  async reserve(key: ThrottleKey, now: number): Promise<Reservation> {
    const lockUntil = now + this.ctx.lockoutMs;
    const max = this.ctx.maxFailures;
    let rows: Array<{ locked_until: number | string | null }>;
    if ('userId' in key) {
      rows = await this.ctx.sql.all(`UPDATE accounts SET
          failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
          locked_until = CASE WHEN failed_attempts + 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END
        WHERE user_id = ? AND (locked_until IS NULL OR locked_until <= ?) RETURNING locked_until`, [max, max, lockUntil, key.userId, now]);
    } else {
      const first = max <= 1;
      rows = await this.ctx.sql.all(`INSERT INTO sign_in_throttle (username, failed_attempts, locked_until, last_failed_at)
        VALUES (?, CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT))
        ON CONFLICT (username) DO UPDATE SET
          failed_attempts = CASE WHEN sign_in_throttle.failed_attempts + 1 >= ? THEN 0 ELSE sign_in_throttle.failed_attempts + 1 END,
          locked_until = CASE WHEN sign_in_throttle.failed_attempts + 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END,
          last_failed_at = excluded.last_failed_at
        WHERE sign_in_throttle.locked_until IS NULL OR sign_in_throttle.locked_until <= ? RETURNING locked_until`,
      [key.username, first ? 0 : 1, first ? lockUntil : null, now, max, max, lockUntil, now]);
    }
    if (rows.length === 1) return { allowed: true, locks: rows[0]!.locked_until === null ? null : Number(rows[0]!.locked_until) };
    return { allowed: false, lockedUntil: await this.lockedUntil(key, now) };
  }

  /** Forgets unknown names that have not failed for a while (the table would otherwise grow with every name tried). */
  async prune(now: number): Promise<void> {
    await this.ctx.sql.run('DELETE FROM sign_in_throttle WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)', [now - (this.ctx.forgetAfterMs ?? DAY_MS), now]);
  }

  private async lockedUntil(key: ThrottleKey, now: number): Promise<number> {
    const row = 'userId' in key
      ? await this.ctx.sql.get<{ locked_until: number | string | null }>('SELECT locked_until FROM accounts WHERE user_id = ?', [key.userId])
      : await this.ctx.sql.get<{ locked_until: number | string | null }>('SELECT locked_until FROM sign_in_throttle WHERE username = ?', [key.username]);
    // Unlocked in between (a success or an admin): report the shortest wait rather than none.
    return row?.locked_until === null || row === null ? now : Number(row.locked_until);
  }
}
