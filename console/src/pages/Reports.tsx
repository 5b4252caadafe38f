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
  files: Array<{ name: string; sha256: string; bytes: number }>;
}
interface Opened { manifest: Manifest; data: Record<string, Json> }

/** The month before the current one, as YYYY-MM: the latest a report can cover. */
function lastMonth(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

const FILES = [['pdf', 'PDF'], ['html', 'HTML page'], ['csv', 'CSV'], ['json', 'JSON data']] as const;

/**
 * The oversight reports (issue 11, `reports.read`): pick a kind and an ended month; the hub writes
 * the report on first request and serves it as signed. The figures are drawn from the report's
 * JSON data, so the page shows what the signed files say, never a recomputation.
 */
export function Reports() {
  const [kind, setKind] = useState<string>('monthly');
  const [month, setMonth] = useState(lastMonth());
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = useAction(async () => {
    setOpened(null);
    const base = `/api/v1/reports/${encodeURIComponent(kind)}/${encodeURIComponent(month)}`;
    const manifest = await api<Manifest>('GET', base);
    const file = await api<{ data: Record<string, Json> }>('GET', `${base}/json`);
    setOpened({ manifest, data: file.data });
  });
  const base = opened && `/api/v1/reports/${opened.manifest.kind}/${opened.manifest.month}`;
  return (
    <main id="main" tabIndex={-1}>
      <h1>Reports</h1>
      <form class="toolbar" onSubmit={(e) => { e.preventDefault(); void open.run(); }}>
        <Field label="Report"><select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>{KINDS.map((k) => <option value={k.kind}>{k.title}</option>)}</select></Field>
        <Field label="Month" hint="A month that has ended (UTC)"><input type="month" required value={month} onInput={(e) => setMonth(e.currentTarget.value)} /></Field>
        <button class="primary" type="submit" disabled={open.busy}>{open.busy ? 'Opening…' : 'Open report'}</button>
      </form>
      <Problem error={open.error} />
      {opened && base && (
        <article aria-labelledby="report-title">
          <div class="card">
            <h2 id="report-title">{KINDS.find((k) => k.kind === opened.manifest.kind)?.title ?? words(opened.manifest.kind)} · {opened.manifest.month}</h2>
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
