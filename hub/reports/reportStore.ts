import type { SqlDb } from '../db/sql.js';
import type { ReportMonth } from './month.js';

const DAY_MS = 86_400_000;

export interface SiteActivity {
  siteId: string;
  reads: number;
  hits: number;
  stops: number;
}

/**
 * The reports' store access: aggregates computed by the database (SQLite or PostgreSQL), so a
 * month of a million reads is counted where it lies instead of being loaded. `reads` is the view
 * over SQLite's day tables and the partitioned parent on PostgreSQL.
 */
export class ReportStore {
  constructor(private readonly sql: SqlDb) {}

  /** Reads captured in the month and still held, per site and UTC day of the month (0-based). */
  async readsBySiteDay(month: ReportMonth): Promise<Array<{ siteId: string; day: number; reads: number }>> {
    const rows = await this.sql.all<{ site_id: string; day: number | string; n: number | string }>(
      'SELECT site_id, CAST((captured_at - ?) / ? AS INTEGER) AS day, count(*) AS n FROM reads WHERE captured_at >= ? AND captured_at < ? GROUP BY site_id, day',
      [month.from, DAY_MS, month.from, month.to]);
    return rows.map((r) => ({ siteId: r.site_id, day: Math.floor(Number(r.day)), reads: Number(r.n) }));
  }

  /** Hits (alerts raised) and stops made on them in the month, per site. */
  async alertsBySite(month: ReportMonth): Promise<Array<{ siteId: string; hits: number; stops: number }>> {
    const rows = await this.sql.all<{ site_id: string; hits: number | string; stops: number | string | null }>(
      "SELECT site_id, count(*) AS hits, sum(CASE WHEN action_taken = 'stop_made' THEN 1 ELSE 0 END) AS stops FROM alerts WHERE raised_at >= ? AND raised_at < ? GROUP BY site_id",
      [month.from, month.to]);
    return rows.map((r) => ({ siteId: r.site_id, hits: Number(r.hits), stops: Number(r.stops ?? 0) }));
  }

  /** Reads, hits and stops per site, every approved site listed (zeros included). */
  async siteActivity(month: ReportMonth, readsBySiteDay: Array<{ siteId: string; reads: number }>): Promise<SiteActivity[]> {
    const by = new Map<string, SiteActivity>();
    const site = (siteId: string) => by.get(siteId) ?? (by.set(siteId, { siteId, reads: 0, hits: 0, stops: 0 }), by.get(siteId)!);
    for (const row of await this.sql.all<{ site_id: string }>('SELECT site_id FROM sites')) site(row.site_id);
    for (const r of readsBySiteDay) site(r.siteId).reads += r.reads;
    for (const a of await this.alertsBySite(month)) Object.assign(site(a.siteId), { hits: a.hits, stops: a.stops });
    return [...by.values()].sort((a, b) => (a.siteId < b.siteId ? -1 : 1));
  }
}
