import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { AuditRecord, VerifyReply } from '../types.js';
import { Field, Notice, Problem, dateValue, useAction, when } from '../components/ui.js';

/** The audit trail (VII.E) with filters, and the chain verified on demand; both are themselves audited. */
/** Account ids shortened wherever they appear (`token-of:<id>` too): the full id is the cell's title. */
const shortIds = (actor: string) => actor.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => `${id.slice(0, 8)}…`);

export function Audit() {
  const [filter, setFilter] = useState({ actor: '', action: '', from: '', to: '' });
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [verified, setVerified] = useState<VerifyReply | null>(null);
  const query = useAction(async () => {
    const q = new URLSearchParams({ limit: '200' });
    if (filter.actor) q.set('actor', filter.actor);
    if (filter.action) q.set('action', filter.action);
    if (filter.from) q.set('from', String(dateValue(filter.from)));
    if (filter.to) q.set('to', String(dateValue(filter.to)! + 86_400_000 - 1));
    setRecords(await api<AuditRecord[]>('GET', `/api/v1/audit?${q}`));
  });
  const verify = useAction(async () => setVerified(await api<VerifyReply>('GET', '/api/v1/audit/verify')));
  useEffect(() => void query.run(), []);
  const set = (k: keyof typeof filter) => (e: { currentTarget: { value: string } }) => setFilter({ ...filter, [k]: e.currentTarget.value });
  return (
    <main id="main" tabIndex={-1}>
      <h1>Audit trail</h1>
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => void verify.run()} disabled={verify.busy}>Verify the chain</button>
        {verified && (verified.problems.length === 0
          ? <span class="ok" role="status">Chain intact: {verified.records} records verified, no problems</span>
          : <span class="bad" role="alert">{verified.problems.length} problem(s): {verified.problems.slice(0, 3).map((p) => `#${p.seq} ${p.problem}`).join('; ')}</span>)}
      </div>
      <Problem error={verify.error} />
      <form class="grid-form" onSubmit={(e) => { e.preventDefault(); void query.run(); }}>
        <Field label="Actor" hint="user id"><input name="actor" value={filter.actor} onInput={set('actor')} /></Field>
        <Field label="Action" hint="e.g. reads.search, reads.viewImage, alert.disposition"><input name="action" value={filter.action} onInput={set('action')} /></Field>
        <Field label="From"><input name="from" type="date" value={filter.from} onInput={set('from')} /></Field>
        <Field label="To"><input name="to" type="date" value={filter.to} onInput={set('to')} /></Field>
        <div class="actions"><button type="submit">Filter</button></div>
      </form>
      <Problem error={query.error} />
      {records.length === 0 ? <Notice>No records match.</Notice> : (
        <div class="results" tabIndex={0} role="region" aria-label="Audit records">
          <table>
            <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Outcome</th><th scope="col">Detail</th></tr></thead>
            <tbody>
              {records.map((r) => (
                <tr>
                  <td>{r.seq}</td><td class="nowrap">{when(r.at)}</td><td class="mono nowrap" title={r.actor}>{shortIds(r.actor)}</td><td>{r.action}</td><td>{r.outcome}</td>
                  <td class="detail">{Object.entries(r.detail).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
