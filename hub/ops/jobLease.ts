import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/index.js';
import type { SqlDb } from '../db/sql.js';

/**
 * Runs a scheduled job once across the hub processes that share one database. A run claims the
 * job's row in `job_leases` for a period with one conditional upsert that matches only when the
 * previous claim has expired; the row lock (PostgreSQL) or the single writer (SQLite) orders
 * concurrent claims, so exactly one process gets each period, whoever ticks first. A process that
 * dies holding a claim costs that job one period, never a second concurrent run.
 *
 * A lease row rather than a PostgreSQL advisory lock: an advisory lock belongs to one pooled
 * connection, and a job that awaits across several statements would hold it on a connection the
 * pool hands to others.
 */
export class JobLease {
  readonly holder: string;

  constructor(private readonly ctx: { sql: SqlDb; clock: Clock; holder?: string }) {
    this.holder = ctx.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  }

  /** True when this process may run `job` now; no other claim on it succeeds for `periodMs`. */
  async claim(job: string, periodMs: number): Promise<boolean> {
    const now = this.ctx.clock.now();
    const rows = await this.ctx.sql.all(`INSERT INTO job_leases (job, holder, expires_at) VALUES (?, ?, CAST(? AS BIGINT))
      ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE job_leases.expires_at <= ? RETURNING holder`, [job, this.holder, now + periodMs, now]);
    return rows.length === 1;
  }
}

/**
 * The period a job scheduled every `intervalMs` claims: a little shorter than the interval, so that
 * the next tick (of this process or another, whose timer started at another moment) finds it free.
 */
export function claimPeriod(intervalMs: number): number {
  return intervalMs - Math.min(intervalMs / 10, 30_000);
}
