import type { Me } from '../types.js';
import { Notice, day } from '../components/ui.js';

/** The officer's own standing: the certifications the order requires, and when each lapses. */
export function Home({ me }: { me: Me }) {
  const a = me.account;
  const rows: Array<[string, number | null, string]> = [
    ['Training', a.trainingCompletedAt, a.trainingCompletedAt ? 'does not lapse' : 'not recorded'],
    ['Yearly policy sign-off', a.policySignedAt, me.renewBy.policySignedAt ? day(me.renewBy.policySignedAt) : 'not recorded'],
    ['LEADS certification', a.leadsCertifiedAt, me.renewBy.leadsCertifiedAt ? day(me.renewBy.leadsCertifiedAt) : 'not recorded'],
  ];
  return (
    <main id="main" tabIndex={-1}>
      <h1>{a.displayName}</h1>
      <p class="muted">{a.username} · {a.role}</p>
      {me.lapses.length > 0
        ? <div class="problem" role="alert"><strong>Lapsed:</strong> {me.lapses.join('; ')}. Searches are refused until renewed.</div>
        : <Notice>Your certifications are current.</Notice>}
      <table class="narrow-table">
        <thead><tr><th scope="col">Certification</th><th scope="col">Recorded</th><th scope="col">Lapses</th></tr></thead>
        <tbody>
          {rows.map(([name, at, lapses]) => <tr><td>{name}</td><td>{day(at)}</td><td>{lapses}</td></tr>)}
        </tbody>
      </table>
    </main>
  );
}
