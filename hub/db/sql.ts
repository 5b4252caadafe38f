import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { AlprError } from '../../core/index.js';

/** A bound parameter; arrays only on PostgreSQL (`= ANY (?::text[])`). */
export type SqlValue = string | number | bigint | Buffer | null | string[];
export type Row = Record<string, unknown>;

/**
 * The few SQL calls the hub's policy modules (accounts, audit, sites, holds, search) need, written
 * once with `?` placeholders and run on either engine. Statements stick to the SQL both SQLite and
 * PostgreSQL accept (TEXT, BIGINT, DOUBLE PRECISION, BYTEA, ON CONFLICT); the read tables, whose
 * layout differs (day partitions on PostgreSQL), stay behind the store's own methods.
 */
export interface SqlDb {
  readonly engine: 'sqlite' | 'pg';
  all<T = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: SqlValue[]): Promise<T | null>;
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
  /** Runs `fn` in one serialisable unit: nothing else touches the database until it settles. */
  tx<T>(fn: (db: SqlDb) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: runs `fn` once that transaction has committed, to confirm outside the
   * database what was written on its behalf (the audit witness). Outside one: refused.
   */
  afterCommit(fn: () => Promise<void>): void;
}

function outsideTransaction(): never {
  throw new AlprError('ALPR_ERR_INTERNAL', 'afterCommit() is only meaningful inside a transaction');
}

/** Runs every after-commit callback; one failing does not stop the others, nor undo the commit. */
async function runCommitCallbacks(callbacks: Array<() => Promise<void>>): Promise<void> {
  for (const fn of callbacks) await fn().catch(() => undefined);
}

function storeError(engine: string, sql: string, cause: unknown): AlprError {
  return new AlprError('ALPR_ERR_STORE', `${engine} statement failed: ${sql.trim().split(/\s+/).slice(0, 4).join(' ')}`, { cause });
}

/**
 * better-sqlite3 is synchronous, so a transaction that awaits could let another caller's
 * statement run inside it. Every call therefore queues behind the open transaction; the handle a
 * transaction body receives skips the queue.
 */
export class SqliteSql implements SqlDb {
  readonly engine = 'sqlite' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: () => BetterSqlite3.Database) {}

  async all<T = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.exclusive(() => this.allNow<T>(sql, params));
  }

  async get<T = Row>(sql: string, params: SqlValue[] = []): Promise<T | null> {
    return this.exclusive(() => this.allNow<T>(sql, params)[0] ?? null);
  }

  async run(sql: string, params: SqlValue[] = []): Promise<{ changes: number }> {
    return this.exclusive(() => this.runNow(sql, params));
  }

  afterCommit(): void {
    outsideTransaction();
  }

  async tx<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const commitCallbacks: Array<() => Promise<void>> = [];
      const handle: SqlDb = {
        engine: 'sqlite',
        all: async <U = Row>(sql: string, params: SqlValue[] = []) => this.allNow<U>(sql, params),
        get: async <U = Row>(sql: string, params: SqlValue[] = []) => this.allNow<U>(sql, params)[0] ?? null,
        run: async (sql: string, params: SqlValue[] = []) => this.runNow(sql, params),
        tx: (inner) => inner(handle),
        afterCommit: (callback) => void commitCallbacks.push(callback),
      };
      this.db().exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(handle);
        this.db().exec('COMMIT');
        await runCommitCallbacks(commitCallbacks);
        return result;
      } catch (err) {
        if (this.db().inTransaction) this.db().exec('ROLLBACK');
        throw err;
      }
    });
  }

  /** Runs `fn` (synchronous store code included) once no transaction is open. */
  exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      try {
        statement = this.db().prepare(sql);
      } catch (cause) {
        throw storeError('SQLite', sql, cause);
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private allNow<T>(sql: string, params: SqlValue[]): T[] {
    try {
      return this.statement(sql).all(...params) as T[];
    } catch (cause) {
      throw cause instanceof AlprError ? cause : storeError('SQLite', sql, cause);
    }
  }

  private runNow(sql: string, params: SqlValue[]): { changes: number } {
    try {
      const statement = this.statement(sql);
      if (statement.reader) return { changes: statement.all(...params).length };
      return { changes: statement.run(...params).changes };
    } catch (cause) {
      throw cause instanceof AlprError ? cause : storeError('SQLite', sql, cause);
    }
  }
}

/** `?` placeholders become `$1..$n` (the hub's SQL never has a literal `?` in a string). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Queries go as named prepared statements, so PostgreSQL plans each shape once per connection:
 * planning a query over 30 day partitions costs more than running it.
 */
function pgQuery(sql: string, params: SqlValue[]): { text: string; values: SqlValue[]; name?: string } {
  const text = toPgPlaceholders(sql);
  const dml = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql);
  return dml ? { name: `q${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values: params } : { text, values: params };
}

export class PgSql implements SqlDb {
  readonly engine = 'pg' as const;

  private readonly commitCallbacks: Array<() => Promise<void>> = [];

  /** `client` is set on the handle a transaction body receives. */
  constructor(private readonly pool: () => Pool, private readonly client: PoolClient | null = null) {}

  afterCommit(fn: () => Promise<void>): void {
    if (!this.client) outsideTransaction();
    this.commitCallbacks.push(fn);
  }

  private target(): Pool | PoolClient {
    return this.client ?? this.pool();
  }

  async all<T = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    try {
      return (await this.target().query(pgQuery(sql, params))).rows as T[];
    } catch (cause) {
      throw storeError('PostgreSQL', sql, cause);
    }
  }

  async get<T = Row>(sql: string, params: SqlValue[] = []): Promise<T | null> {
    return (await this.all<T>(sql, params))[0] ?? null;
  }

  async run(sql: string, params: SqlValue[] = []): Promise<{ changes: number }> {
    try {
      return { changes: (await this.target().query(pgQuery(sql, params))).rowCount ?? 0 };
    } catch (cause) {
      throw storeError('PostgreSQL', sql, cause);
    }
  }

  async tx<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    if (this.client) return fn(this); // already inside one
    let client: PoolClient;
    try {
      client = await this.pool().connect();
    } catch (cause) {
      throw new AlprError('ALPR_ERR_STORE', 'PostgreSQL cannot be reached', { cause });
    }
    keepErrorsOnQueries(client);
    const inner = new PgSql(this.pool, client);
    try {
      // SERIALIZABLE is not needed: the one chain that must not fork (audit) locks its head row.
      await client.query('BEGIN');
      const result = await fn(inner);
      await client.query('COMMIT');
      await runCommitCallbacks(inner.commitCallbacks);
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}

/**
 * A client checked out of the pool emits 'error' when its server goes away (a PostgreSQL restart),
 * and with no listener that takes the hub process down. The query in flight rejects with the same
 * error, which the caller handles; so the event itself is taken once per client and dropped.
 */
export function keepErrorsOnQueries(client: PoolClient): void {
  if (client.listenerCount('error') === 0) client.on('error', () => undefined);
}

/**
 * One account's searches, and a refusal that suspends it, take turns inside their transactions
 * (VI, no mass download; VII.H): otherwise searches sent at once all read the same hourly count
 * (on PostgreSQL 60 sent together all ran under a cap of 30), and a search sent beside a refused
 * one ran on after the suspension. The account row's lock orders them across hub processes; a
 * SQLite transaction already runs alone.
 */
export async function takeTurn(db: SqlDb, userId: string): Promise<void> {
  if (db.engine === 'pg') await db.get('SELECT user_id FROM accounts WHERE user_id = ? FOR UPDATE', [userId]);
}
