import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field, Problem, useAction, when } from '../components/ui.js';
import { ReportPart, words, type Json } from '../components/ReportData.js';

const KINDS = [
  { kind: 'monthly', title: 'Monthly user audit (VII.E)' },
  { kind: 'cpoc', title: 'Oversight committee, CPOC (VII.F-G)' },
  { kind: 'transparency', title: 'Transparency portal data (VII.E)' },
] as const;

/** The signed manifest GET /api/v1/reports/{kind}/{month} answers (docs/reports.md). */
interface Manifest {
  kind: string;
  month: string;
  generatedAt: string;
  generatedBy: string;
  auditHead: { seq: number; hash: string };
  /** Only on the running month's report so far: the time it covers the month up to. */
  through?: string;
  files: Array<{ name: string; sha256: string; bytes: number }>;
}
interface Opened { manifest: Manifest; data: Record<string, Json> }

/** A month as YYYY-MM (UTC), `back` months before the current one. */
function monthBefore(back: number): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}

const FILES = [['pdf', 'PDF'], ['html', 'HTML page'], ['csv', 'CSV'], ['json', 'JSON data']] as const;

/**
 * The oversight reports (issue 11, `reports.read`): pick a kind and an ended month; the hub writes
 * the report on first request and serves it as signed. The current month opens as the hub's signed
 * report so far (its manifest's `through`), said as such. The figures are drawn from the report's
 * JSON data, so the page shows what the signed files say, never a recomputation.
 */
export function Reports() {
  const [kind, setKind] = useState<string>('monthly');
  const [month, setMonth] = useState(monthBefore(1));
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = useAction(async (which: string) => {
    setOpened(null);
    setMonth(which);
    const base = `/api/v1/reports/${encodeURIComponent(kind)}/${encodeURIComponent(which)}`;
    const manifest = await api<Manifest>('GET', base);
    const file = await api<{ data: Record<string, Json> }>('GET', `${base}/json`);
    setOpened({ manifest, data: file.data });
  });
  const base = opened && `/api/v1/reports/${opened.manifest.kind}/${opened.manifest.month}`;
  return (
    <main id="main" tabIndex={-1}>
      <h1>Reports</h1>
      <form class="toolbar" onSubmit={(e) => { e.preventDefault(); void open.run(month); }}>
        <Field label="Report"><select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>{KINDS.map((k) => <option value={k.kind}>{k.title}</option>)}</select></Field>
        <Field label="Month" hint="A month that has ended, or this month so far (UTC)"><input type="month" required value={month} onInput={(e) => setMonth(e.currentTarget.value)} /></Field>
        <button class="primary" type="submit" disabled={open.busy}>{open.busy ? 'Opening…' : 'Open report'}</button>
        <button type="button" disabled={open.busy} onClick={() => void open.run(monthBefore(0))}>This month so far</button>
      </form>
      <Problem error={open.error} />
      {opened && base && (
        <article aria-labelledby="report-title">
          <div class="card">
            <h2 id="report-title">{KINDS.find((k) => k.kind === opened.manifest.kind)?.title ?? words(opened.manifest.kind)} · {opened.manifest.month}{opened.manifest.through ? ' so far' : ''}</h2>
            {opened.manifest.through && (
              <p class="notice partial">
                The month has not ended: this report covers it up to {when(Date.parse(opened.manifest.through))}. Opened again after five minutes it is rewritten up to then; the final report is written on the 1st.
              </p>
            )}
            <p>
              Signed by the hub, generated {when(Date.parse(opened.manifest.generatedAt))} by {opened.manifest.generatedBy}, from the audit chain up to record {opened.manifest.auditHead.seq}.
            </p>
            <div class="actions">
              {FILES.map(([format, label]) => <a class="button" href={`${base}/${format}`} download>{label}</a>)}
              <a class="button" href={`${base}/manifest`} download>Signed manifest</a>
            </div>
          </div>
          {Object.entries(opened.data).map(([key, value]) => <ReportPart title={words(key)} value={value} level={3} />)}
        </article>
      )}
    </main>
  );
}
