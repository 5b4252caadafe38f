import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { Account, CreateAccountReply } from '../types.js';
import { Field, Notice, Problem, dateValue, day, useAction } from '../components/ui.js';
import { CertificationsForm } from './accounts/Certifications.js';

// The chief and auditor roles are granted only on the hub host (alpr-hub account create), never here.
const ROLES = ['officer', 'dispatcher', 'analyst', 'detective', 'admin'] as const;

/** Accounts (IV, VIII, IX): create with certification dates, update them, hand over the activation token, deactivate. */
export function Accounts() {
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'officer', training: '', policy: '', leads: '' });
  const [created, setCreated] = useState<CreateAccountReply | null>(null);
  const [deactivating, setDeactivating] = useState<Account | null>(null);
  const [certifying, setCertifying] = useState<Account | null>(null);
  const [reason, setReason] = useState('');
  const load = useAction(async () => setAccounts(await api<Account[]>('GET', '/api/v1/accounts')));
  useEffect(() => void load.run(), []);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const create = useAction(async () => {
    setCreated(await api<CreateAccountReply>('POST', '/api/v1/accounts', {
      username: form.username, displayName: form.displayName, role: form.role,
      trainingCompletedAt: dateValue(form.training), policySignedAt: dateValue(form.policy), leadsCertifiedAt: dateValue(form.leads),
    }));
    await load.run();
  });
  const deactivate = useAction(async () => {
    await api('POST', `/api/v1/accounts/${deactivating!.userId}/deactivate`, { reason });
    setDeactivating(null);
    setReason('');
    await load.run();
  });
  return (
    <main id="main" tabIndex={-1}>
      <h1>Accounts</h1>
      <Problem error={load.error} />
      <div class="results" tabIndex={0} role="region" aria-label="Accounts">
        <table class="accounts">
          <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Authenticator</th><th scope="col">Training</th><th scope="col">Policy</th><th scope="col">LEADS</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {accounts.map((a) => (
              <tr>
                <td>{a.username}</td><td>{a.displayName}</td><td>{a.role}</td><td>{a.status}</td><td>{a.totpConfirmed ? 'enrolled' : 'not yet'}</td>
                <td class="nowrap">{day(a.trainingCompletedAt)}</td><td class="nowrap">{day(a.policySignedAt)}</td><td class="nowrap">{day(a.leadsCertifiedAt)}</td>
                <td>{a.status !== 'deactivated' && (
                  <div class="actions">
                    <button type="button" aria-label={`Certifications of ${a.username}`} onClick={() => setCertifying(a)}>Certifications</button>
                    <button type="button" class="danger" aria-label={`Deactivate ${a.username}`} onClick={() => setDeactivating(a)}>Deactivate</button>
                  </div>
                )}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {certifying && <CertificationsForm key={certifying.userId} account={certifying} onCancel={() => setCertifying(null)} onDone={async () => { setCertifying(null); await load.run(); }} />}
      {deactivating && (
        <form class="card" onSubmit={(e) => { e.preventDefault(); void deactivate.run(); }}>
          <h2>Deactivate {deactivating.username}</h2>
          <p>Their sessions end at once and they cannot sign in again. This is recorded in the audit trail.</p>
          <Field label="Reason"><input name="reason" required minLength={5} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></Field>
          <Problem error={deactivate.error} />
          <div class="actions">
            <button type="submit" class="danger" disabled={deactivate.busy}>Deactivate {deactivating.username}</button>
            <button type="button" onClick={() => setDeactivating(null)}>Cancel</button>
          </div>
        </form>
      )}
      <form class="grid-form card" onSubmit={(e) => { e.preventDefault(); void create.run(); }}>
        <h2>New account</h2>
        <Field label="Username" hint="lower case, 3 to 40 characters"><input name="username" required pattern="[a-z][a-z0-9._\-]{2,39}" value={form.username} onInput={set('username')} /></Field>
        <Field label="Full name"><input name="displayName" required maxLength={100} value={form.displayName} onInput={set('displayName')} /></Field>
        <Field label="Role" hint="The chief and auditor roles are granted only on the hub host">
          <select name="role" value={form.role} onChange={set('role')}>{ROLES.map((r) => <option value={r}>{r}</option>)}</select>
        </Field>
        <Field label="Training completed"><input name="training" type="date" value={form.training} onInput={set('training')} /></Field>
        <Field label="Policy signed"><input name="policy" type="date" value={form.policy} onInput={set('policy')} /></Field>
        <Field label="LEADS certified"><input name="leads" type="date" value={form.leads} onInput={set('leads')} /></Field>
        <Problem error={create.error} />
        <div class="actions"><button type="submit" class="primary" disabled={create.busy}>Create account</button></div>
      </form>
      {created && (
        <Notice>
          Account <strong>{created.account.username}</strong> created. Hand this activation token to them in person (valid 3 days, once):
          <code class="secret token" data-testid="activation-token">{created.activationToken}</code>
        </Notice>
      )}
    </main>
  );
}
