import type { AuditLog, AuditRecord } from '../audit/auditLog.js';
import type { ChainPoint } from '../audit/auditWitness.js';
import { forEachAuditRecord, Tally, text } from './auditMonth.js';
import type { ReportMonth } from './month.js';
import { plateLookup, type LookupPath, type PlateLookup } from './plateLookups.js';
import { userLabels, type ReportContext, type ReportOptions } from './reportContext.js';
import { count, section, type ReportDocument } from './reportDocument.js';

export interface MonthlyAuditData {
  searches: { total: number; refused: number; rows: Array<{ user: string; via: LookupPath; purpose: string; outcome: string; searches: number }> };
  refusals: Array<{ user: string; code: string; refusals: number }>;
  suspensions: Array<{ user: string; suspensions: number }>;
  reviews: { lifted: number; upheld: number };
  imagesViewed: Array<{ user: string; readImages: number; alertImages: number }>;
  evidence: { exports: Array<{ user: string; exports: number; reads: number }>; holdsPlaced: number; holdsReleased: number };
  felony: { requests: number; approvals: number; denials: number };
  certificationsRecorded: number;
  lapsedCertifications: Array<{ user: string; lapsed: string[] }>;
  purges: Array<{ auditSeq: number; at: string; deleted: number; keptOnHold: number; idsSha256: string }>;
  anomalies: Array<{ user: string; kind: 'distinct plates' | 'sweeping wildcard' | 'off-shift' | 'activated at creator address'; count: number; detail: string }>;
}

/** The local hour of a time, in the department's time zone. */
function hourIn(timeZone: string): (at: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  return (at) => Number(format.format(at));
}

function inHours(hour: number, from: number, to: number): boolean {
  return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** Anomalies in plate lookups, by any path: many distinct plates, sweeping wildcards, lookups off-shift. */
class SearchAnomalies {
  private readonly plates = new Map<string, Set<string>>();
  private readonly sweeping = new Tally();
  private readonly offShift = new Tally();
  private readonly hour: (at: number) => number;

  constructor(private readonly options: ReportOptions['anomalies']) {
    this.hour = hourIn(options.offShift.timeZone);
  }

  visit(l: PlateLookup): void {
    (this.plates.get(l.user) ?? this.plates.set(l.user, new Set()).get(l.user)!).add(l.plate);
    const known = l.plate.replace(/[*?]/g, '').length;
    if (l.mode === 'wildcard' && (known < this.options.wildcardKnownChars || l.cutShort)) this.sweeping.add(l.user);
    const { fromHour, toHour } = this.options.offShift;
    if (inHours(this.hour(l.at), fromHour, toHour)) this.offShift.add(l.user);
  }

  rows(label: (actor: string) => string): MonthlyAuditData['anomalies'] {
    const { distinctPlates, wildcardKnownChars, offShift } = this.options;
    const out: MonthlyAuditData['anomalies'] = [];
    for (const [actor, set] of this.plates) {
      if (set.size > distinctPlates) out.push({ user: label(actor), kind: 'distinct plates', count: set.size, detail: `more than ${distinctPlates} distinct plates looked up` });
    }
    for (const [actor, n] of this.sweeping.sorted()) out.push({ user: label(actor), kind: 'sweeping wildcard', count: n, detail: `wildcards with fewer than ${wildcardKnownChars} known characters, or cut short by the hub` });
    for (const [actor, n] of this.offShift.sorted()) out.push({ user: label(actor), kind: 'off-shift', count: n, detail: `lookups between ${offShift.fromHour}:00 and ${offShift.toHour}:00 ${offShift.timeZone}` });
    return out;
  }
}

type Anomaly = MonthlyAuditData['anomalies'][number];
const byUserThenKind = (a: Anomaly, b: Anomaly) => (a.user < b.user ? -1 : a.user > b.user ? 1 : a.kind < b.kind ? -1 : 1);

/** How far before the month a creator's sign-ins count: an account created late one month may be activated early the next. */
const CREATOR_SIGN_INS_BEFORE_MS = 30 * 86_400_000;

/**
 * Accounts activated that month from an address their creator signed in from, that month or in
 * the 30 days before. The activation token is handed to the administrator who creates an account,
 * so one who used it could hold an officer's account of their own and search as that officer (IX:
 * no use of another's account). Listed for review rather than refused: a new officer may activate
 * at the administrator's desk. The creator is found wherever the account was created: one created
 * at 23:55 on the last of a month and activated at 00:05 was missed by a look at one month alone.
 */
class ActivationsAtCreatorAddress {
  private readonly creatorOf = new Map<string, string>();
  private readonly signInAddresses = new Map<string, Set<string>>();
  private readonly activationAddresses = new Map<string, Set<string>>();

  visit(r: AuditRecord): void {
    if (r.outcome !== 'ok') return;
    const ip = text(r, 'ip');
    const add = (map: Map<string, Set<string>>, key: string): void => {
      if (ip !== null) (map.get(key) ?? map.set(key, new Set()).get(key)!).add(ip);
    };
    if (r.action === 'account.create' && text(r, 'userId') !== null) this.creatorOf.set(text(r, 'userId')!, r.actor);
    if (r.action === 'auth.signIn') add(this.signInAddresses, r.actor);
    if (r.action === 'account.activate' || r.action === 'account.mfaEnroll') add(this.activationAddresses, r.actor);
  }

  async rows(audit: AuditLog, month: ReportMonth, label: (actor: string) => string): Promise<MonthlyAuditData['anomalies']> {
    const out: MonthlyAuditData['anomalies'] = [];
    for (const account of this.activationAddresses.keys()) {
      if (this.creatorOf.has(account)) continue;
      const created = await audit.findFirst('account.create', (r) => r.outcome === 'ok' && text(r, 'userId') === account);
      if (created) this.creatorOf.set(account, created.actor);
    }
    const creators = new Set([...this.creatorOf].filter(([account]) => this.activationAddresses.has(account)).map(([, creator]) => creator));
    for (const creator of creators) {
      for await (const r of audit.records({ actor: creator, action: 'auth.signIn', from: month.from - CREATOR_SIGN_INS_BEFORE_MS, to: month.from })) this.visit(r);
    }
    for (const [account, creator] of this.creatorOf) {
      const shared = [...(this.activationAddresses.get(account) ?? [])].filter((ip) => this.signInAddresses.get(creator)?.has(ip));
      if (shared.length === 0) continue;
      out.push({ user: label(account), kind: 'activated at creator address', count: shared.length,
        detail: `activated from ${shared.join(', ')}, where its creator ${label(creator)} signed in: check that the account's holder, not its creator, holds it` });
    }
    return out;
  }
}

const split = (key: string) => key.split('\t');

/**
 * The monthly user audit (General Order 4.68 VII.E), computed from the audit chain up to `head`
 * and from the accounts as they stand at the month's end.
 */
export async function monthlyAudit(ctx: ReportContext, month: ReportMonth, head: ChainPoint | null): Promise<{ document: ReportDocument; data: MonthlyAuditData }> {
  const label = await userLabels(ctx.accounts);
  const searches = new Tally();
  const refusals = new Tally();
  const suspensions = new Tally();
  const readImages = new Tally();
  const alertImages = new Tally();
  const exports = new Tally();
  const exportedReads = new Tally();
  const anomalies = new SearchAnomalies(ctx.options.anomalies);
  const activations = new ActivationsAtCreatorAddress();
  const counts = new Tally();
  const purges: MonthlyAuditData['purges'] = [];
  await forEachAuditRecord(ctx.audit, month, head, (r) => {
    // What was done: a refused attempt (an admin recording its own certification dates, say) is not a change made.
    if (r.outcome === 'ok') counts.add(r.action);
    activations.visit(r);
    const lookup = plateLookup(r);
    if (lookup) {
      searches.add(`${lookup.user}\t${lookup.via}\t${lookup.purpose ?? 'none stated'}\t${lookup.outcome}`);
      if (lookup.outcome === 'refused') refusals.add(`${lookup.user}\t${lookup.code ?? 'ALPR_ERR_PURPOSE_PROHIBITED'}`);
      anomalies.visit(lookup);
    }
    switch (r.action) {
      case 'search.suspend':
        suspensions.add(text(r, 'userId') ?? 'unknown');
        break;
      case 'reads.viewImage':
        readImages.add(r.actor);
        break;
      case 'alert.viewImages':
        alertImages.add(r.actor);
        break;
      case 'evidence.export':
        exports.add(r.actor);
        exportedReads.add(r.actor, Array.isArray(r.detail.readIds) ? r.detail.readIds.length : 0);
        break;
      case 'retention.purge':
        purges.push({ auditSeq: r.seq, at: new Date(r.at).toISOString(), deleted: Number(r.detail.deleted ?? 0), keptOnHold: Number(r.detail.keptOnHold ?? 0), idsSha256: text(r, 'idsSha256') ?? '' });
        break;
      default:
    }
  });
  const viewers = new Set([...readImages.counts.keys(), ...alertImages.counts.keys()]);
  const monthEnd = month.to - 1;
  const lapsed = (await ctx.accounts.list())
    .filter((a) => a.status === 'active')
    .map((a) => ({ user: `${a.username} (${a.role})`, lapsed: ctx.accounts.lapses(a, monthEnd) }))
    .filter((a) => a.lapsed.length > 0);
  const data: MonthlyAuditData = {
    searches: {
      total: searches.total, refused: refusals.total,
      rows: searches.sorted().map(([key, n]) => {
        const [actor, via, purpose, outcome] = split(key);
        return { user: label(actor!), via: via as LookupPath, purpose: purpose!, outcome: outcome!, searches: n };
      }).sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : b.searches - a.searches)),
    },
    refusals: refusals.sorted().map(([key, n]) => ({ user: label(split(key)[0]!), code: split(key)[1]!, refusals: n })),
    suspensions: suspensions.sorted().map(([userId, n]) => ({ user: label(userId), suspensions: n })),
    reviews: { lifted: counts.get('search.suspensionLifted'), upheld: counts.get('search.suspensionUpheld') },
    imagesViewed: [...viewers].map((actor) => ({ user: label(actor), readImages: readImages.get(actor), alertImages: alertImages.get(actor) })).sort((a, b) => (a.user < b.user ? -1 : 1)),
    evidence: { exports: exports.sorted().map(([actor, n]) => ({ user: label(actor), exports: n, reads: exportedReads.get(actor) })), holdsPlaced: counts.get('hold.place'), holdsReleased: counts.get('hold.release') },
    felony: { requests: counts.get('felony.request'), approvals: counts.get('felony.approve'), denials: counts.get('felony.deny') },
    certificationsRecorded: counts.get('account.certifications'),
    lapsedCertifications: lapsed,
    purges,
    anomalies: [...anomalies.rows(label), ...await activations.rows(ctx.audit, month, label)].sort(byUserThenKind),
  };
  return { document: monthlyDocument(month, data), data };
}

function monthlyDocument(month: ReportMonth, d: MonthlyAuditData): ReportDocument {
  const suspended = d.suspensions.length;
  const exported = d.evidence.exports.reduce((n, e) => n + e.exports, 0);
  const perUser = new Tally();
  for (const row of d.searches.rows) perUser.add(row.user, row.searches);
  return {
    kind: 'monthly', title: 'Monthly ALPR user audit', month: month.month, clause: 'General Order 4.68 VII.E (monthly user audit), VII.H (suspensions)',
    sections: [
      section('Summary', {
        paragraphs: [
          `${count(d.searches.total, 'plate lookup')} were made in ${month.month} (searches here and of partner agencies' hubs, written requests handled for outside agencies, hot-list checks), ${d.searches.refused} of them refused. ${count(suspended, 'account')} had search access suspended after a refused search; supervisors lifted ${d.reviews.lifted} and upheld ${d.reviews.upheld} suspensions.`,
          `${count(exported, 'evidence export')} placed ${count(d.evidence.holdsPlaced, 'hold')}; ${count(d.evidence.holdsReleased, 'hold')} released. ${count(d.felony.requests, 'other-felony request')} made, ${d.felony.approvals} approved by the Chief and ${d.felony.denials} denied.`,
          `${count(d.lapsedCertifications.length, 'active account')} had a lapsed training, policy sign-off or LEADS certification at the month's end; ${count(d.anomalies.length, 'anomaly', 'anomalies')} listed for the system administrator to review.`,
        ],
        charts: [{ title: 'Plate lookups per user', bars: perUser.sorted().map(([label, value]) => ({ label, value })) }],
      }),
      section('Plate lookups per user, path, purpose and outcome', {
        tables: [{ title: 'Plate lookups', columns: ['user', 'by', 'purpose', 'outcome', 'lookups'], rows: d.searches.rows.map((r) => [r.user, r.via, r.purpose, r.outcome, r.searches]), empty: 'No plates were looked up this month.' }],
      }),
      section('Refusals, suspensions and reviews', {
        tables: [
          { title: 'Refused lookups', columns: ['user', 'reason code', 'refusals'], rows: d.refusals.map((r) => [r.user, r.code, r.refusals]), empty: 'No lookup was refused.' },
          { title: 'Search access suspended (VII.H)', columns: ['user', 'suspensions'], rows: d.suspensions.map((r) => [r.user, r.suspensions]), empty: 'No account was suspended.' },
        ],
        paragraphs: [`Supervisor reviews: ${d.reviews.lifted} suspensions lifted, ${d.reviews.upheld} upheld.`],
      }),
      section('Images viewed', {
        tables: [{ title: 'Plate and context images opened', columns: ['user', 'from searches', 'from alerts'], rows: d.imagesViewed.map((r) => [r.user, r.readImages, r.alertImages]), empty: 'No images were opened.' }],
      }),
      section('Evidence exports and holds', {
        tables: [{ title: 'Evidence exports', columns: ['user', 'exports', 'reads exported'], rows: d.evidence.exports.map((r) => [r.user, r.exports, r.reads]), empty: 'No evidence was exported.' }],
        paragraphs: [`Holds placed: ${d.evidence.holdsPlaced}. Holds released: ${d.evidence.holdsReleased}.`],
      }),
      section('Other-felony requests (V.B)', {
        paragraphs: [`Requests: ${d.felony.requests}. Approved by the Chief: ${d.felony.approvals}. Denied: ${d.felony.denials}.`],
      }),
      section('Certifications (V.A, VIII)', {
        paragraphs: [`Certification dates recorded this month: ${d.certificationsRecorded}.`],
        tables: [{ title: 'Active accounts lapsed at the month\'s end', columns: ['user', 'lapsed'], rows: d.lapsedCertifications.map((r) => [r.user, r.lapsed.join('; ')]), empty: 'Every active account was current.' }],
      }),
      section('Proofs of deletion (VI)', {
        tables: [{ title: '30-day purges', columns: ['audit record', 'at (UTC)', 'reads deleted', 'kept on hold', 'SHA-256 of deleted ids'], rows: d.purges.map((p) => [p.auditSeq, p.at.slice(0, 16).replace('T', ' '), p.deleted, p.keptOnHold, p.idsSha256.slice(0, 16)]), empty: 'No purge ran this month.' }],
      }),
      section('Anomalies', {
        tables: [{ title: 'For review by the system administrator', columns: ['user', 'kind', 'count', 'what'], rows: d.anomalies.map((a) => [a.user, a.kind, a.count, a.detail]), empty: 'No anomalies.' }],
      }),
    ],
  };
}
