import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { FelonyRequest, Site } from '../types.js';
import { Field, Notice, Problem, day, useAction, when } from '../components/ui.js';
import { SiteMap } from '../components/SiteMap.js';
import { RelocateSite } from './chief/Relocate.js';

/** The Chief's decisions: approving sites and relocations (IV, V), and other-felony requests (V.B). */
export function Chief() {
  return (
    <main id="main" tabIndex={-1}>
      <h1>Chief's approvals</h1>
      <FelonyRequests />
      <Sites />
    </main>
  );
}

function FelonyRequests() {
  const [requests, setRequests] = useState<FelonyRequest[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const load = useAction(async () => setRequests(await api<FelonyRequest[]>('GET', '/api/v1/felony-requests')));
  const decide = useAction(async (r: FelonyRequest, approve: boolean) => {
    await api('POST', `/api/v1/felony-requests/${r.requestId}/decision`, { approve, note: notes[r.requestId] ?? '' });
    await load.run();
  });
  useEffect(() => void load.run(), []);
  return (
    <section aria-labelledby="felony-h">
      <h2 id="felony-h">Other-felony search requests</h2>
      <Problem error={load.error ?? decide.error} />
      {requests.length === 0 && <Notice>No requests.</Notice>}
      {requests.map((r) => (
        <article class="card">
          <h3>Case {r.caseNumber} <span class={`badge ${r.status}`}>{r.status}</span></h3>
          <p class="muted">Requested {when(r.createdAt)}{r.decidedAt ? `; decided ${when(r.decidedAt)}` : ''}{r.expiresAt ? `; approval covers searches until ${day(r.expiresAt)}` : ''}</p>
          <p>{r.description}</p>
          {r.status === 'pending' && (
            <div class="toolbar">
              <Field label={`Note on case ${r.caseNumber}`}><input name="note" maxLength={1000} value={notes[r.requestId] ?? ''} onInput={(e) => setNotes({ ...notes, [r.requestId]: e.currentTarget.value })} /></Field>
              <button type="button" class="primary" disabled={decide.busy} onClick={() => void decide.run(r, true)}>Approve case {r.caseNumber}</button>
              <button type="button" class="danger" disabled={decide.busy} onClick={() => void decide.run(r, false)}>Deny case {r.caseNumber}</button>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

function Sites() {
  const [sites, setSites] = useState<Site[]>([]);
  const [form, setForm] = useState({ siteId: '', name: '', approvalRef: '', latitude: '', longitude: '', cameras: 'cam0' });
  const [done, setDone] = useState<string | null>(null);
  const load = useAction(async () => setSites(await api<Site[]>('GET', '/api/v1/sites')));
  useEffect(() => void load.run(), []);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const approve = useAction(async () => {
    await api('POST', '/api/v1/sites', {
      siteId: form.siteId, name: form.name, approvalRef: form.approvalRef, latitude: Number(form.latitude), longitude: Number(form.longitude),
      cameras: form.cameras.split(',').map((c) => c.trim()).filter(Boolean),
    });
    setDone(`Site ${form.siteId} approved.`);
    await load.run();
  });
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">Sites</h2>
      <Problem error={load.error} />
      <div class="results" tabIndex={0} role="region" aria-label="Sites">
        <table>
          <thead><tr><th scope="col">Site</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Approval</th><th scope="col">Approved</th><th scope="col">Cameras</th></tr></thead>
          <tbody>{sites.map((s) => <tr><td>{s.siteId}</td><td>{s.name}</td><td>{s.status}</td><td>{s.approvalRef ?? '—'}</td><td>{day(s.approvedAt)}</td><td>{s.cameras.join(', ')}</td></tr>)}</tbody>
        </table>
        <SiteMap sites={sites} points={[]} />
      </div>
      <form class="grid-form card" onSubmit={(e) => { e.preventDefault(); void approve.run(); }}>
        <h3>Approve a site</h3>
        <Field label="Site id" hint="lower case letters, digits, dashes"><input name="siteId" required pattern="[a-z0-9][a-z0-9\-]{1,39}" value={form.siteId} onInput={set('siteId')} /></Field>
        <Field label="Name"><input name="name" required value={form.name} onInput={set('name')} /></Field>
        <Field label="Written approval reference"><input name="approvalRef" required minLength={3} value={form.approvalRef} onInput={set('approvalRef')} /></Field>
        <Field label="Latitude"><input name="latitude" required inputMode="decimal" value={form.latitude} onInput={set('latitude')} /></Field>
        <Field label="Longitude"><input name="longitude" required inputMode="decimal" value={form.longitude} onInput={set('longitude')} /></Field>
        <Field label="Cameras" hint="comma-separated"><input name="cameras" value={form.cameras} onInput={set('cameras')} /></Field>
        <Problem error={approve.error} />
        <div class="actions"><button type="submit" class="primary" disabled={approve.busy}>Approve site</button></div>
      </form>
      <RelocateSite sites={sites} onDone={async (what) => { await load.run(); setDone(what); }} />
      {done && <Notice>{done}</Notice>}
    </section>
  );
}
