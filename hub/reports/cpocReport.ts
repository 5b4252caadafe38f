import { basename } from 'node:path';
import type { AlertStats } from '../alerts/alertService.js';
import type { ChainPoint } from '../audit/auditWitness.js';
import { forEachAuditRecord, Tally, text } from './auditMonth.js';
import { readCensus } from './census.js';
import { disparateImpact, MEASURES, RATIO_BAND, type DisparateImpact } from './disparateImpact.js';
import type { ReportMonth } from './month.js';
import type { ReportContext } from './reportContext.js';
import { count, section, type ReportDocument, type ReportSection } from './reportDocument.js';

/** One outside agency's searches this month, as the sharing feature records them (action `sharing.search`). */
export interface AgencySearches {
  agencyName: string;
  agencyOri: string;
  searches: number;
  answered: number;
  refused: number;
  purposes: Record<string, number>;
  refusalReasons: Record<string, number>;
}

export interface CpocData {
  stops: number;
  alerts: AlertStats;
  felony: { approvals: number; approvedSearches: number; byOffense: Record<string, number> };
  outsideAgencies: AgencySearches[];
  disparateImpact: DisparateImpact;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const ratio = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)}${x < RATIO_BAND[0] || x > RATIO_BAND[1] ? ' *' : ''}`);

/**
 * The Chief's monthly report to the Citizen's Police Oversight Committee (General Order 4.68
 * VII.F-G): stops from ALPR, false hits, approved felony searches, every outside agency's
 * searches by name, and the disparate-impact comparison.
 */
export async function cpocReport(ctx: ReportContext, month: ReportMonth, head: ChainPoint | null, readsBySite: Array<{ siteId: string; reads: number }>): Promise<{ document: ReportDocument; data: CpocData }> {
  const alerts = await ctx.alerts.stats(month.from, month.to);
  const agencies = new Map<string, { name: string; ori: string; purposes: Tally; reasons: Tally; answered: number; refused: number }>();
  const felonyOffenses = new Tally();
  let approvals = 0;
  await forEachAuditRecord(ctx.audit, month, head, (r) => {
    if (r.action === 'felony.approve') approvals++;
    if (r.action === 'reads.search' && r.outcome === 'ok' && text(r, 'purpose') === 'other_felony') felonyOffenses.add(text(r, 'offense') ?? 'not stated');
    if (r.action !== 'sharing.search') return;
    const name = text(r, 'agencyName') ?? 'unnamed agency';
    const ori = text(r, 'agencyOri') ?? '';
    const key = `${ori}\t${name}`;
    const agency = agencies.get(key) ?? { name, ori, purposes: new Tally(), reasons: new Tally(), answered: 0, refused: 0 };
    agency.purposes.add(text(r, 'purpose') ?? 'not stated');
    if (text(r, 'outcome') === 'refused' || r.outcome === 'refused') {
      agency.refused++;
      agency.reasons.add(text(r, 'refusalReason') ?? 'not stated');
    } else agency.answered++;
    agencies.set(key, agency);
  });
  const census = ctx.options.censusFile ? await readCensus(ctx.options.censusFile) : null;
  const activity = await ctx.store.siteActivity(month, readsBySite);
  const impact = disparateImpact(activity, census && { ...census, source: basename(census.source) });
  const data: CpocData = {
    stops: alerts.stops, alerts,
    felony: { approvals, approvedSearches: felonyOffenses.total, byOffense: Object.fromEntries(felonyOffenses.sorted()) },
    outsideAgencies: [...agencies.values()].map((a) => ({
      agencyName: a.name, agencyOri: a.ori, searches: a.answered + a.refused, answered: a.answered, refused: a.refused,
      purposes: Object.fromEntries(a.purposes.sorted()), refusalReasons: Object.fromEntries(a.reasons.sorted()),
    })).sort((a, b) => b.searches - a.searches || (a.agencyName < b.agencyName ? -1 : 1)),
    disparateImpact: impact,
  };
  return { document: cpocDocument(month, data), data };
}

function impactSection(d: DisparateImpact): ReportSection {
  const siteRows = d.sites.map((s) => [s.siteId, s.reads, s.hits, s.stops, s.population || 'no census rows']);
  if (!d.census) {
    return section('Disparate impact (VII.G)', {
      paragraphs: ['No census table was supplied (policy file, reports.census_file), so activity per site is shown without the demographic comparison.', d.method],
      tables: [{ title: 'Reads, hits and stops per site', columns: ['site', 'reads', 'hits', 'stops', 'area population'], rows: siteRows, empty: 'No approved sites.' }],
    });
  }
  return section('Disparate impact (VII.G)', {
    paragraphs: [`Method. ${d.method}`, `Census table: ${d.census}.${d.uncovered.length ? ` Sites with activity but no census rows (left out of the shares): ${d.uncovered.join(', ')}.` : ''}`],
    charts: [{ title: 'Reads per site', bars: d.sites.map((s) => ({ label: s.siteId, value: s.reads })) }],
    tables: [
      { title: 'Reads, hits and stops per site', columns: ['site', 'reads', 'hits', 'stops', 'area population'], rows: siteRows, empty: 'No approved sites.' },
      {
        title: 'Exposure share by group against its population share (ratio; * outside the band)',
        columns: ['group', 'population share', ...MEASURES.flatMap((m) => [`${m} share`, `${m} ratio`])],
        rows: d.groups.map((g) => [g.group, pct(g.populationShare), ...MEASURES.flatMap((m) => [pct(g[m].share), ratio(g[m].ratio)])]),
        empty: 'The census table names no groups.',
      },
    ],
  });
}

function cpocDocument(month: ReportMonth, d: CpocData): ReportDocument {
  const a = d.alerts;
  const median = a.medianSecondsToDisposition;
  return {
    kind: 'cpoc', title: 'ALPR report to the Citizen\'s Police Oversight Committee', month: month.month, clause: 'General Order 4.68 VII.F (stops, felony searches, outside agencies), VII.G (disparate impact)',
    sections: [
      section('Stops from ALPR alerts', {
        paragraphs: [
          `${count(a.alerts, 'hot-list alert was', 'hot-list alerts were')} raised in ${month.month}; ${a.alerts - a.open} verified and closed with a disposition, ${a.confirmed} confirmed. Officers made ${count(d.stops, 'stop')} on confirmed alerts.`,
          `Median time from alert to disposition: ${median === null ? 'n/a (none disposed)' : `${Math.round(median)} s`}. A false hit is an alert closed as a misread, wrong state or vehicle mismatch; the rate is over alerts disposed.`,
        ],
        charts: [{ title: 'Alerts per list source', bars: a.bySource.map((s) => ({ label: s.key, value: s.alerts })) }],
        tables: [
          { title: 'False hits per camera', columns: ['site/camera', 'alerts', 'disposed', 'false hits', 'false-hit rate'], rows: a.byCamera.map((c) => [c.key, c.alerts, c.disposed, c.falseHits, pct(c.falseHitRate)]), empty: 'No alerts this month.' },
          { title: 'False hits per list source', columns: ['source', 'alerts', 'disposed', 'false hits', 'false-hit rate'], rows: a.bySource.map((c) => [c.key, c.alerts, c.disposed, c.falseHits, pct(c.falseHitRate)]), empty: 'No alerts this month.' },
        ],
      }),
      section('Approved felony searches (V.B)', {
        paragraphs: [`The Chief approved ${count(d.felony.approvals, 'other-felony request')} this month; ${count(d.felony.approvedSearches, 'search was', 'searches were')} run under an approval.`],
        tables: [{ title: 'Searches under an approval, by offense code', columns: ['offense', 'searches'], rows: Object.entries(d.felony.byOffense), empty: 'No search was run under an other-felony approval.' }],
      }),
      section('Searches by outside agencies (VII.D, VII.F)', {
        tables: [{
          title: 'Outside agencies', columns: ['agency', 'ORI', 'searches', 'answered', 'refused', 'purposes', 'refusal reasons'],
          rows: d.outsideAgencies.map((g) => [g.agencyName, g.agencyOri, g.searches, g.answered, g.refused, Object.entries(g.purposes).map(([p, n]) => `${p} ${n}`).join('; '), Object.entries(g.refusalReasons).map(([p, n]) => `${p} ${n}`).join('; ')]),
          empty: `None: no outside agency searched this department's ALPR data in ${month.month}.`,
        }],
      }),
      impactSection(d.disparateImpact),
    ],
  };
}
