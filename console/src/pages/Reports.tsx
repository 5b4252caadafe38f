import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { Notice, Problem, useAction } from '../components/ui.js';

type ReportSummary = Record<string, unknown> & { reportId?: string; id?: string; kind?: string; title?: string; period?: string };

/**
 * The reports (issue 11) as the hub lists them at GET /api/v1/reports. A hub without that route
 * yet answers 404, shown as "no reports yet" rather than as a failure.
 */
export function Reports() {
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [opened, setOpened] = useState<unknown>(null);
  const load = useAction(async () => {
    try {
      setReports(await api<ReportSummary[]>('GET', '/api/v1/reports'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setReports([]);
      else throw err;
    }
  });
  const open = useAction(async (id: string) => setOpened(await api('GET', `/api/v1/reports/${encodeURIComponent(id)}`)));
  useEffect(() => void load.run(), []);
  return (
    <main id="main" tabIndex={-1}>
      <h1>Reports</h1>
      <Problem error={load.error ?? open.error} />
      {reports && reports.length === 0 && <Notice>No reports yet. Monthly, CPOC and transparency reports appear here once the hub has produced them.</Notice>}
      {reports && reports.length > 0 && (
        <ul class="link-list">
          {reports.map((r) => {
            const id = String(r.reportId ?? r.id ?? '');
            return <li><button type="button" onClick={() => void open.run(id)}>{String(r.title ?? r.kind ?? 'report')} {String(r.period ?? '')} <span class="muted">{id}</span></button></li>;
          })}
        </ul>
      )}
      {opened !== null && <pre class="report">{JSON.stringify(opened, null, 2)}</pre>}
    </main>
  );
}
