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
  /** From `addressBlock` (core/ipAddress.ts). */
  address: string;
}

/**
 * Which lock refused an attempt or was set by it: every name from one address, one name from one
 * address, or one name from every address.
 */
export type LockScope = 'address' | 'nameAtAddress' | 'name';

export type Reservation =
  /** The attempt may be evaluated; `locks` holds the locks it set (it was the last one before them). */
  | { allowed: true; locks: Array<{ scope: LockScope; until: number }> }
  /** Locked until then; the attempt must not be evaluated. */
  | { allowed: false; scope: LockScope; lockedUntil: number };

export interface ThrottleRules {
  /** Failures in a row from one address, under any names, that lock every name there (password spraying). */
  perAddress: number;
  /** Failures in a row under one name from one address that lock the name there (CJIS 5.5.3 "node": five). */
  perNameAtAddress: number;
  /** Failures in a row from all addresses together that lock the name everywhere. */
  perName: number;
  lockoutMs: number;
  /** Counters quiet this long are forgotten (unknown names, addresses); a day by default. */
  forgetAfterMs?: number;
}

/** Thrown inside the reservation's transaction, so that an attempt a lock refuses charges no counter. */
class Refusal {
  constructor(readonly scope: LockScope) {}
}

/**
 * The lockout counters, kept in the database so that they hold across hub processes. Three count
 * each attempt: failures from its address under any name (`sign_in_address_throttle`, which lock
 * the address after `perAddress` in a row), under its name from its address
 * (`sign_in_name_address_throttle`, which lock the name for that address after
 * `perNameAtAddress`), and under its name from everywhere (`accounts`, or `sign_in_throttle` for
 * a name no account holds, which lock the name for every address after `perName`). So someone
 * who can reach the sign-in from one address cannot keep an officer out: they lock only
 * themselves. Locking a name everywhere takes `perName / perNameAtAddress` addresses at once;
 * guessing is bounded by `perName` per name and by `perAddress` per address per lockout period,
 * so one address can neither spray a password over every name nor keep the hub running scrypt.
 *
 * Each attempt is charged to the three counters BEFORE its password is checked, in one
 * transaction of conditional upserts that also set the lock when a count reaches its limit and
 * that match nothing while a lock runs. However many requests arrive at once, on one hub or
 * several sharing one PostgreSQL, no more attempts than the limits get evaluated per lockout
 * period: the row locks (PostgreSQL, always taken in the order address, name at address, name,
 * so two attempts cannot deadlock) or the single writer (SQLite) order the upserts, and each one
 * re-reads the count it increments. An attempt a lock refuses is rolled back, so the refusals of
 * one lock do not count towards another. A success resets its address's counts and its name's
 * (`cleared`, in AccountService's transaction that spends the TOTP step).
 *
 * Unknown names are counted exactly as real ones, without an account being created; rows quiet
 * for `forgetAfterMs` are pruned.
 */
export class SignInThrottle {
  constructor(private readonly ctx: { sql: SqlDb; rules: ThrottleRules }) {}

  async reserve(key: ThrottleKey, now: number): Promise<Reservation> {
    try {
      return await this.ctx.sql.tx(async (db) => {
        const { perAddress, perNameAtAddress } = this.ctx.rules;
        const charges: Array<[LockScope, () => Promise<number | null | 'refused'>]> = [
          ['address', () => this.upsertCount(db, 'sign_in_address_throttle', ['address'], [key.address], perAddress, now)],
          ['nameAtAddress', () => this.upsertCount(db, 'sign_in_name_address_throttle', ['username', 'address'], [key.username, key.address], perNameAtAddress, now)],
          ['name', () => this.chargeName(db, key, now)],
        ];
        const locks: Array<{ scope: LockScope; until: number }> = [];
        for (const [scope, charge] of charges) {
          const lock = await charge();
          if (lock === 'refused') throw new Refusal(scope);
          if (lock !== null) locks.push({ scope, until: lock });
        }
        return { allowed: true as const, locks };
      });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return { allowed: false, scope: err.scope, lockedUntil: await this.lockedUntil(key, err.scope, now) };
    }
  }

  /**
   * A success: this address's counts start again (run in the success's transaction, before it
   * resets the account's, the order every reservation takes the rows in). A station's officers
   * share one address, so their typos must not add up over the day to a lock of the station.
   */
  async cleared(db: SqlDb, key: ThrottleKey): Promise<void> {
    await db.run('DELETE FROM sign_in_address_throttle WHERE address = ?', [key.address]);
    await db.run('DELETE FROM sign_in_name_address_throttle WHERE username = ? AND address = ?', [key.username, key.address]);
  }

  /** An administrator's unlock: the name's locks at every address go too. */
  async unlockName(db: SqlDb, username: string): Promise<void> {
    await db.run('DELETE FROM sign_in_name_address_throttle WHERE username = ?', [username]);
  }

  /** Forgets counters that have not failed for a while (the tables would otherwise grow with every name and address tried). */
  async prune(now: number): Promise<void> {
    const forget = [now - (this.ctx.rules.forgetAfterMs ?? DAY_MS), now];
    for (const table of ['sign_in_throttle', 'sign_in_name_address_throttle', 'sign_in_address_throttle']) {
      await this.ctx.sql.run(`DELETE FROM ${table} WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)`, forget);
    }
  }

  /** The lock this attempt set (epoch ms), null if none, or 'refused' while a lock runs. */
  private async chargeName(db: SqlDb, key: ThrottleKey, now: number): Promise<number | null | 'refused'> {
    const max = this.ctx.rules.perName;
    if (key.userId === null) return this.upsertCount(db, 'sign_in_throttle', ['username'], [key.username], max, now);
    const rows = await db.all<{ locked_until: number | string | null }>(`UPDATE accounts SET
        failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
        locked_until = CASE WHEN failed_attempts + 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END
      WHERE user_id = ? AND (locked_until IS NULL OR locked_until <= ?) RETURNING locked_until`, [max, max, now + this.ctx.rules.lockoutMs, key.userId, now]);
    return lockSet(rows);
  }

  /** The upsert the tables of counters without an account share (`table` and `columns` are constants of this file). */
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
    const queries: Record<LockScope, [string, string[]]> = {
      address: ['SELECT locked_until FROM sign_in_address_throttle WHERE address = ?', [key.address]],
      nameAtAddress: ['SELECT locked_until FROM sign_in_name_address_throttle WHERE username = ? AND address = ?', [key.username, key.address]],
      name: key.userId !== null
        ? ['SELECT locked_until FROM accounts WHERE user_id = ?', [key.userId]]
        : ['SELECT locked_until FROM sign_in_throttle WHERE username = ?', [key.username]],
    };
    const row = await this.ctx.sql.get<{ locked_until: number | string | null }>(...queries[scope]);
    // Unlocked in between (a success or an admin): report the shortest wait rather than none.
    return row === null || row.locked_until === null ? now : Number(row.locked_until);
  }
}

/** What a conditional count returned: no row while a lock runs, else the lock it set (or none). */
function lockSet(rows: Array<{ locked_until: number | string | null }>): number | null | 'refused' {
  if (rows.length !== 1) return 'refused';
  return rows[0]!.locked_until === null ? null : Number(rows[0]!.locked_until);
}
