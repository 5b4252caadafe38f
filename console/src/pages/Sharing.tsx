import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { Agency, Me, Offense, SharingReview, Site } from '../types.js';
import { Notice, Problem, day, useAction, when } from '../components/ui.js';
import { AgreementForm, RevokeForm } from './sharing/ChiefForms.js';
import { RegisterAgency, DeclarationForm } from './sharing/AdminForms.js';
import { SharingLedger } from './sharing/Ledger.js';

/**
 * Sharing with outside agencies (VII.D, VII.I; 625 ILCS 5/2-130; docs/sharing.md): the agencies
 * on file for everyone who may see them; registration and declarations for administrators;
 * agreements, revocations and reviews for the Chief; the ledger for the auditor and the Chief.
 * Each part shows only where the role holds its permission, and the API decides regardless.
 */
export function Sharing({ me }: { me: Me }) {
  const may = (p: string) => me.permissions.includes(p);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [sites, setSites] = useState<Site[]>([]);
  const [purposes, setPurposes] = useState<string[]>([]);
  const load = useAction(async () => setAgencies(await api<Agency[]>('GET', '/api/v1/sharing/agencies')));
  // What an agreement can name: the approved sites, and the investigative purposes the offense
  // table allows (other-felony searches need the Chief's approval case by case, never an agreement).
  const choices = useAction(async () => {
    setSites(await api<Site[]>('GET', '/api/v1/sites'));
    const offenses = await api<Offense[]>('GET', '/api/v1/offenses');
    setPurposes([...new Set(offenses.flatMap((o) => o.purposes))].filter((p) => !['administrative', 'audit', 'other_felony'].includes(p)).sort());
  });
  useEffect(() => {
    void load.run();
    if (may('sharing.approve')) void choices.run();
  }, []);
  // The notice comes after the reload: what it announces is already in the tables beside it.
  const changed = async (what: string) => {
    await load.run();
    setDone(what);
  };
  return (
    <main id="main" tabIndex={-1}>
      <h1>Sharing with outside agencies</h1>
      <Problem error={load.error ?? choices.error} />
      {done && <Notice>{done}</Notice>}
      <section aria-labelledby="agencies-h">
        <h2 id="agencies-h">Agencies</h2>
        {agencies.length === 0 ? <Notice>No outside agency is on file.</Notice> : (
          <div class="results" tabIndex={0} role="region" aria-label="Agencies on file">
            <table>
              <thead><tr><th scope="col">Agency</th><th scope="col">ORI</th><th scope="col">State</th><th scope="col">Level</th><th scope="col">Status</th><th scope="col">Registered</th></tr></thead>
              <tbody>{agencies.map((a) => <tr><td>{a.name}</td><td class="mono">{a.ori}</td><td>{a.state}</td><td>{a.level}</td><td><span class={`badge ${a.status}`}>{a.status}</span></td><td>{day(a.registeredAt)}</td></tr>)}</tbody>
            </table>
          </div>
        )}
      </section>
      {may('sharing.approve') && (
        <section aria-labelledby="decide-h">
          <h2 id="decide-h">The Chief's decisions</h2>
          <Reviews agencies={agencies} onChange={changed} />
          {agencies.every((a) => a.status === 'revoked') && <p class="hint">No agreement waits for you: {agencies.length ? 'every agency on file is revoked' : 'no agency is on file'}. An administrator registers an agency and its signed declaration first.</p>}
          {agencies.filter((a) => a.status !== 'revoked').map((a) => (
            <article class="card" aria-label={a.name}>
              <h3>{a.name} <span class={`badge ${a.status}`}>{a.status}</span></h3>
              <AgreementForm agency={a} sites={sites} purposes={purposes} onDone={changed} />
              <RevokeForm agency={a} onDone={changed} />
            </article>
          ))}
        </section>
      )}
      {may('sharing.register') && (
        <section aria-labelledby="register-h">
          <h2 id="register-h">Register</h2>
          <RegisterAgency onDone={changed} />
          {agencies.filter((a) => a.status !== 'revoked').length > 0 && <DeclarationForm agencies={agencies.filter((a) => a.status !== 'revoked')} onDone={changed} />}
        </section>
      )}
      {may('sharing.ledger') && <SharingLedger />}
    </main>
  );
}

/** Agencies suspended when a request of theirs was refused as a prohibited use (VII.I). */
function Reviews({ agencies, onChange }: { agencies: Agency[]; onChange: (what: string) => Promise<void> }) {
  const [reviews, setReviews] = useState<SharingReview[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const load = useAction(async () => setReviews((await api<SharingReview[]>('GET', '/api/v1/sharing/reviews')).filter((r) => r.status === 'open')));
  const decide = useAction(async (r: SharingReview, decision: 'revoke' | 'reinstate') => {
    await api('POST', `/api/v1/sharing/reviews/${r.reviewId}/decision`, { decision, note: notes[r.reviewId] ?? '' });
    await load.run();
    await onChange(`Review decided: ${decision}.`);
  });
  useEffect(() => void load.run(), []);
  if (reviews.length === 0) return <Problem error={load.error} />;
  return (
    <div class="card">
      <h3>Open reviews</h3>
      <Problem error={load.error ?? decide.error} />
      {reviews.map((r) => (
        <div class="toolbar">
          <p><strong>{agencies.find((a) => a.agencyId === r.agencyId)?.name ?? r.agencyId}</strong>, {when(r.at)}: {r.reason}</p>
          <label class="field"><span class="label">Note on this review</span><input value={notes[r.reviewId] ?? ''} minLength={5} onInput={(e) => setNotes({ ...notes, [r.reviewId]: e.currentTarget.value })} /></label>
          <button type="button" class="danger" onClick={() => void decide.run(r, 'revoke')}>Revoke</button>
          <button type="button" onClick={() => void decide.run(r, 'reinstate')}>Reinstate</button>
        </div>
      ))}
    </div>
  );
}
