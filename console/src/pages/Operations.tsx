import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { DeviceOverview, Hold, PurgeReply, Review } from '../types.js';
import { Field, Notice, Problem, useAction, when } from '../components/ui.js';

/**
 * The administrator's desk: appliances and their status (V, VI), searches the purpose gate
 * flagged and the suspensions they caused (VII.H), evidence holds and the retention run (VI).
 */
export function Operations() {
  return (
    <main id="main" tabIndex={-1}>
      <h1>Operations</h1>
      <Reviews />
      <Devices />
      <Retention />
    </main>
  );
}

function Devices() {
  const [devices, setDevices] = useState<DeviceOverview[]>([]);
  const load = useAction(async () => setDevices(await api<DeviceOverview[]>('GET', '/api/v1/devices')));
  useEffect(() => void load.run(), []);
  return (
    <section aria-labelledby="devices-h">
      <h2 id="devices-h">Appliances</h2>
      <Problem error={load.error} />
      {devices.length === 0 ? <Notice>No appliances enrolled.</Notice> : (
        <div class="results" tabIndex={0} role="region" aria-label="Appliances">
          <table>
            <thead><tr><th scope="col">Device</th><th scope="col">Site</th><th scope="col">Status</th><th scope="col">Online</th><th scope="col">Last seen</th><th scope="col">Tamper</th><th scope="col">Buffered reads</th><th scope="col">Quarantined</th></tr></thead>
            <tbody>
              {devices.map((d) => (
                <tr>
                  <td>{d.deviceId}</td><td>{d.siteId}</td><td>{d.status}</td>
                  <td>{d.online === null ? 'unknown' : d.online ? 'online' : 'offline'}</td>
                  <td class="nowrap">{when(d.statusReportedAt)}</td>
                  <td class={d.tamperOpen ? 'bad' : ''}>{d.tamperOpen === null ? 'unknown' : d.tamperOpen ? 'OPEN' : 'closed'}</td>
                  <td>{d.unsyncedReads ?? '—'}{d.oldestUnsyncedAgeS ? ` (oldest ${Math.round(d.oldestUnsyncedAgeS / 60)} min)` : ''}</td>
                  <td>{String((d.health as { quarantinedReads?: number } | null)?.quarantinedReads ?? '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Reviews() {
  const [reviews, setReviews] = useState<Review[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const load = useAction(async () => setReviews(await api<Review[]>('GET', '/api/v1/reviews')));
  const decide = useAction(async (r: Review, decision: 'lift' | 'uphold') => {
    await api('POST', `/api/v1/reviews/${r.flagId}/decision`, { decision, reason: reasons[r.flagId] ?? '' });
    await load.run();
  });
  useEffect(() => void load.run(), []);
  return (
    <section aria-labelledby="reviews-h">
      <h2 id="reviews-h">Refused searches to review</h2>
      <Problem error={load.error ?? decide.error} />
      {reviews.length === 0 && <Notice>No searches waiting for review.</Notice>}
      {reviews.map((r) => (
        <article class="card">
          <h3>Search refused {when(r.at)} <span class="badge denied">search access {r.suspension}</span></h3>
          <p>{r.reason}</p>
          <p class="muted">Account {r.userId} · audit record #{r.auditSeq}</p>
          <div class="toolbar">
            <Field label={`What the review of audit record #${r.auditSeq} found`}><input name="reviewReason" minLength={5} value={reasons[r.flagId] ?? ''} onInput={(e) => setReasons({ ...reasons, [r.flagId]: e.currentTarget.value })} /></Field>
            <button type="button" class="primary" disabled={decide.busy} onClick={() => void decide.run(r, 'lift')}>Lift the suspension</button>
            <button type="button" class="danger" disabled={decide.busy} onClick={() => void decide.run(r, 'uphold')}>Uphold</button>
          </div>
        </article>
      ))}
    </section>
  );
}

function Retention() {
  const [holds, setHolds] = useState<Hold[]>([]);
  const [run, setRun] = useState<PurgeReply | null>(null);
  const load = useAction(async () => setHolds(await api<Hold[]>('GET', '/api/v1/holds')));
  const purge = useAction(async () => setRun(await api<PurgeReply>('POST', '/api/v1/retention/runs')));
  useEffect(() => void load.run(), []);
  return (
    <section aria-labelledby="retention-h">
      <h2 id="retention-h">Retention and evidence holds</h2>
      <div class="toolbar">
        <button type="button" class="primary" disabled={purge.busy} onClick={() => void purge.run()}>Run the 30-day purge now</button>
      </div>
      <Problem error={purge.error ?? load.error} />
      {run && <Notice>Purged {run.deleted} read(s) captured before {when(run.cutoff)}; {run.keptOnHold} kept on hold. Proof (SHA-256 of the deleted ids): <code class="secret">{run.idsSha256}</code></Notice>}
      {holds.length === 0 ? <Notice>No active evidence holds.</Notice> : (
        <div class="results" tabIndex={0} role="region" aria-label="Evidence holds">
          <table>
            <thead><tr><th scope="col">Case</th><th scope="col">Read</th><th scope="col">Placed</th><th scope="col">By</th></tr></thead>
            <tbody>{holds.map((h) => <tr><td>{h.caseNumber}</td><td class="mono">{h.readId}</td><td class="nowrap">{when(h.placedAt)}</td><td class="mono">{h.placedBy}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
