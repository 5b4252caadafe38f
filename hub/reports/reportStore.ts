import type { SqlDb } from '../db/sql.js';
import type { HubStore } from '../store/index.js';
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
 * month of a million reads is counted where it lies instead of being loaded.
 */
export class ReportStore {
  constructor(private readonly store: Pick<HubStore, 'sql' | 'readWindows'>) {}

  private get sql(): SqlDb {
    return this.store.sql;
  }

  /**
   * Reads captured in the month and still held, per site and UTC day of the month (0-based). One
   * query per window the store names (a SQLite day table, a PostgreSQL day partition): counting
   * through SQLite's union view of every day took several times longer.
   */
  async readsBySiteDay(month: ReportMonth): Promise<Array<{ siteId: string; day: number; reads: number }>> {
    const counts = new Map<string, { siteId: string; day: number; reads: number }>();
    for (const w of this.store.readWindows(month.from, month.to)) {
      const rows = await this.sql.all<{ site_id: string; day: number | string; n: number | string }>(
        `SELECT site_id, CAST((captured_at - ?) / ? AS INTEGER) AS day, count(*) AS n FROM ${w.table} WHERE captured_at >= ? AND captured_at < ? GROUP BY site_id, day`,
        [month.from, DAY_MS, w.from, w.to]);
      for (const r of rows) {
        const day = Math.floor(Number(r.day));
        const key = `${r.site_id}\t${day}`;
        const entry = counts.get(key) ?? counts.set(key, { siteId: r.site_id, day, reads: 0 }).get(key)!;
        entry.reads += Number(r.n);
      }
    }
    return [...counts.values()];
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
