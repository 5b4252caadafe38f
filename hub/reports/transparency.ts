import type { ChainPoint } from '../audit/auditWitness.js';
import { forEachAuditRecord, Tally, text } from './auditMonth.js';
import type { ReportMonth } from './month.js';
import type { ReportContext } from './reportContext.js';
import { section, type ReportDocument } from './reportDocument.js';

/** A published count: the number, or "<N" where it is between 1 and N-1. */
export type Published = number | string;

export interface TransparencyData {
  suppressedBelow: number;
  readsCaptured: Published;
  readsPerDay: Array<{ day: string; reads: Published }>;
  searches: { total: Published; refused: Published; byPurpose: Record<string, Published> };
  alerts: { raised: Published; confirmed: Published; stops: Published; falseHitRatePercent: number | string };
  evidenceExports: Published;
  felonyApprovals: Published;
  suspensions: Published;
  outsideAgencySearches: { total: Published; refused: Published; agencies: Published };
  usersWhoSearched: Published;
}

const DAY_MS = 86_400_000;

/**
 * A total published beside its suppressed parts must not give one of them back by subtraction
 * (a day of 100 reads and a day of 3, "<5", with a total of 103). The hidden parts' sum is the
 * total less the published parts; it pins them down when one part is hidden, or when all hidden
 * parts must be 1 (or all k-1). Then the total is published as the range the parts already
 * allow ("102-107"), else exactly.
 */
export function publishTotal(parts: number[], k: number): Published {
  const hidden = parts.filter((n) => n > 0 && n < k);
  const total = parts.reduce((a, b) => a + b, 0);
  const n = hidden.length;
  const hiddenSum = hidden.reduce((a, b) => a + b, 0);
  if (n === 0 || (n >= 2 && hiddenSum > n && hiddenSum < n * (k - 1))) return total;
  const shown = total - hiddenSum;
  return `${shown + n}-${shown + n * (k - 1)}`;
}

/**
 * The false-hit rate (false hits over alerts disposed) must not give back a suppressed count
 * either. In a month where every alert is closed, "alerts raised" is the number disposed, so the
 * rate pins down the false hits and the rest (confirmed plus entry_invalid): 20 raised at 95.0%
 * is 19 false hits and exactly 1 other, the one confirmed alert published as "<5". The rate is
 * published only when the false hits and the other dispositions are each 0 or at least k, so
 * neither side it reveals is a count from 1 to k-1; otherwise it is withheld, with the reason.
 */
export function falseHitRate(falseHits: number, disposed: number, k: number): number | string {
  if (disposed < k) return `withheld (fewer than ${k} alerts disposed)`;
  const small = (n: number) => n > 0 && n < k;
  if (small(falseHits) || small(disposed - falseHits)) return `withheld (the false hits or the other dispositions number 1 to ${k - 1}, which the rate would give back)`;
  return Number(((falseHits / disposed) * 100).toFixed(1));
}

/**
 * Reads captured per UTC day of the month: those still held plus those the 30-day purge deleted,
 * from the purge proofs in the audit chain (a report run after the purge still counts them).
 */
async function readsPerDay(ctx: ReportContext, month: ReportMonth, held: Array<{ day: number; reads: number }>, head: ChainPoint | null): Promise<number[]> {
  // Whole days of a whole month; the days begun so far of a month that has not ended.
  const days = Math.ceil((month.to - month.from) / DAY_MS);
  const perDay = new Array<number>(days).fill(0);
  for (const h of held) if (h.day >= 0 && h.day < days) perDay[h.day]! += h.reads;
  const purges = { from: month.from, to: Number.MAX_SAFE_INTEGER };
  await forEachAuditRecord(ctx.audit, { month: month.month, ...purges }, head, (r) => {
    if (r.action !== 'retention.purge') return;
    for (const [day, n] of Object.entries((r.detail.byDay ?? {}) as Record<string, number>)) {
      const index = Math.floor((Date.parse(`${day}T00:00:00Z`) - month.from) / DAY_MS);
      if (index >= 0 && index < days) perDay[index]! += Number(n);
    }
  });
  return perDay;
}

/**
 * Transparency portal data (General Order 4.68 VII.E): anonymized aggregates only. No plate, no
 * name or username, no case or CAD number, no agency name reaches it; every count from 1 to
 * `suppressBelow - 1` is published as "<N"; a total is published as a range, and a rate withheld,
 * where the exact figure would give such a count back (publishTotal, falseHitRate). The report's
 * only rate is the false-hit rate: it publishes no other ratio, percentage or per-day average.
 */
export async function transparencyReport(ctx: ReportContext, month: ReportMonth, head: ChainPoint | null, held: Array<{ day: number; reads: number }>): Promise<{ document: ReportDocument; data: TransparencyData }> {
  const k = ctx.options.suppressBelow;
  const pub = (n: number): Published => (n > 0 && n < k ? `<${k}` : n);
  const byPurpose = new Tally();
  const searchers = new Set<string>();
  const agencies = new Set<string>();
  const counts = new Tally();
  await forEachAuditRecord(ctx.audit, month, head, (r) => {
    counts.add(`${r.action}\t${r.outcome}`);
    if (r.action === 'reads.search') {
      byPurpose.add(text(r, 'purpose') ?? 'not stated');
      searchers.add(r.actor);
    }
    if (r.action === 'sharing.search') {
      agencies.add(text(r, 'agencyOri') ?? text(r, 'agencyName') ?? '');
      if (text(r, 'outcome') === 'refused' || r.outcome === 'refused') counts.add('sharing.refused');
    }
  });
  const count = (action: string) => counts.get(`${action}\tok`) + counts.get(`${action}\trefused`) + counts.get(`${action}\tfailed`);
  const perDay = await readsPerDay(ctx, month, held, head);
  const alerts = await ctx.alerts.stats(month.from, month.to);
  const disposed = alerts.alerts - alerts.open;
  const falseHits = alerts.byCamera.reduce((n, c) => n + c.falseHits, 0);
  const data: TransparencyData = {
    suppressedBelow: k,
    readsCaptured: publishTotal(perDay, k),
    readsPerDay: perDay.map((n, i) => ({ day: new Date(month.from + i * DAY_MS).toISOString().slice(0, 10), reads: pub(n) })),
    searches: { total: publishTotal(byPurpose.sorted().map(([, n]) => n), k), refused: pub(counts.get('reads.search\trefused')), byPurpose: Object.fromEntries(byPurpose.sorted().map(([p, n]) => [p, pub(n)])) },
    alerts: { raised: pub(alerts.alerts), confirmed: pub(alerts.confirmed), stops: pub(alerts.stops), falseHitRatePercent: falseHitRate(falseHits, disposed, k) },
    evidenceExports: pub(count('evidence.export')),
    felonyApprovals: pub(count('felony.approve')),
    suspensions: pub(count('search.suspend')),
    outsideAgencySearches: { total: pub(count('sharing.search')), refused: pub(counts.get('sharing.refused')), agencies: pub(agencies.size) },
    usersWhoSearched: pub(searchers.size),
  };
  return { document: transparencyDocument(month, data), data };
}

const shown = (v: Published) => ({ value: typeof v === 'number' ? v : 0, shown: String(v) });

function transparencyDocument(month: ReportMonth, d: TransparencyData): ReportDocument {
  const s = d.searches;
  return {
    kind: 'transparency', title: 'ALPR transparency data', month: month.month, clause: 'General Order 4.68 VII.E (transparency portal)',
    sections: [
      section('About these figures', {
        paragraphs: [
          `Anonymized totals for ${month.month} from the Oak Park Police Department's automated license plate readers. They name no plate, person, case or outside agency. Counts from 1 to ${d.suppressedBelow - 1} are shown as "<${d.suppressedBelow}" so that no single search or stop can be picked out. Where an exact total or rate would give such a count back by subtraction, the total is shown as the range its parts allow and the rate is withheld, with the reason.`,
          'Plate reads are kept at most 30 days (General Order 4.68 VI) unless held as evidence; the reads figure counts those deleted since.',
        ],
      }),
      section('Plate reads', {
        paragraphs: [`Reads captured: ${d.readsCaptured}.`],
        charts: [{ title: 'Reads captured per day', bars: d.readsPerDay.map((r) => ({ label: r.day.slice(8), ...shown(r.reads) })) }],
      }),
      section('Searches', {
        paragraphs: [`Searches run: ${s.total}, of which refused by the purpose gate: ${s.refused}. Users who searched: ${d.usersWhoSearched}. Accounts suspended after a refused search: ${d.suspensions}.`],
        charts: [{ title: 'Searches by stated purpose', bars: Object.entries(s.byPurpose).map(([label, v]) => ({ label, ...shown(v) })) }],
        tables: [{ title: 'Searches by stated purpose', columns: ['purpose', 'searches'], rows: Object.entries(s.byPurpose).map(([p, v]) => [p, v]), empty: 'No searches.' }],
      }),
      section('Alerts and stops', {
        tables: [{
          title: 'Hot-list alerts', columns: ['measure', 'value'],
          rows: [['alerts raised', d.alerts.raised], ['confirmed by an officer', d.alerts.confirmed], ['stops made', d.alerts.stops], ['false-hit rate (%)', d.alerts.falseHitRatePercent]], empty: '',
        }],
      }),
      section('Evidence, approvals and sharing', {
        tables: [{
          title: 'Other activity', columns: ['measure', 'value'],
          rows: [['evidence exports', d.evidenceExports], ['other-felony searches approved by the Chief', d.felonyApprovals], ['searches by outside agencies', d.outsideAgencySearches.total],
            ['of which refused', d.outsideAgencySearches.refused], ['outside agencies that searched', d.outsideAgencySearches.agencies]], empty: '',
        }],
      }),
    ],
  };
}
