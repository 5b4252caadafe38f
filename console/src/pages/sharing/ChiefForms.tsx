import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import type { Agency, Site } from '../../types.js';
import { Field, Problem, dateValue, useAction } from '../../components/ui.js';

type Done = (what: string) => Promise<void>;

/**
 * The Chief's agreement with one agency (VII.D): which sites, for which purposes, online or on
 * written request, under which written approval, until when. A new agreement replaces the old.
 */
export function AgreementForm({ agency, sites, purposes, onDone }: { agency: Agency; sites: Site[]; purposes: string[]; onDone: Done }) {
  const [form, setForm] = useState({ siteIds: [] as string[], purposes: [] as string[], access: 'request', reference: '', expires: '' });
  const toggle = (key: 'siteIds' | 'purposes', value: string, on: boolean) =>
    setForm({ ...form, [key]: on ? [...form[key], value] : form[key].filter((v) => v !== value) });
  const approve = useAction(async () => {
    await api('POST', `/api/v1/sharing/agencies/${agency.agencyId}/agreements`, {
      siteIds: form.siteIds, purposes: form.purposes, access: form.access, reference: form.reference, expiresAt: dateValue(form.expires),
    });
    await onDone(`Agreement with ${agency.name} approved.`);
  });
  return (
    <form class="grid-form" aria-label={`Agreement with ${agency.name}`} onSubmit={(e) => { e.preventDefault(); void approve.run(); }}>
      <fieldset class="choices">
        <legend>Sites shared</legend>
        {sites.filter((s) => s.status === 'approved').map((s) => (
          <label class="choice"><input type="checkbox" checked={form.siteIds.includes(s.siteId)} onChange={(e) => toggle('siteIds', s.siteId, e.currentTarget.checked)} /> {s.name}</label>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>Purposes allowed</legend>
        {purposes.map((p) => (
          <label class="choice"><input type="checkbox" checked={form.purposes.includes(p)} onChange={(e) => toggle('purposes', p, e.currentTarget.checked)} /> {p.replace(/_/g, ' ')}</label>
        ))}
      </fieldset>
      <Field label="Access"><select value={form.access} onChange={(e) => setForm({ ...form, access: e.currentTarget.value })}>
        <option value="request">On written request</option><option value="online">Online, hub to hub</option>
      </select></Field>
      <Field label="Written approval reference"><input required minLength={3} maxLength={80} value={form.reference} onInput={(e) => setForm({ ...form, reference: e.currentTarget.value })} /></Field>
      <Field label="Agreement expires"><input type="date" required value={form.expires} onInput={(e) => setForm({ ...form, expires: e.currentTarget.value })} /></Field>
      <Problem error={approve.error} />
      <div class="actions"><button type="submit" class="primary" disabled={approve.busy}>Approve agreement with {agency.name}</button></div>
    </form>
  );
}

/** Revocation (VII.I): at once and for good; the reason goes into the audit chain. */
export function RevokeForm({ agency, onDone }: { agency: Agency; onDone: Done }) {
  const [reason, setReason] = useState('');
  const revoke = useAction(async () => {
    await api('POST', `/api/v1/sharing/agencies/${agency.agencyId}/revoke`, { reason });
    await onDone(`${agency.name} revoked.`);
  });
  return (
    <form class="toolbar" aria-label={`Revoke ${agency.name}`} onSubmit={(e) => { e.preventDefault(); void revoke.run(); }}>
      <Field label={`Reason to revoke ${agency.name}`}><input required minLength={5} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} /></Field>
      <button type="submit" class="danger" disabled={revoke.busy}>Revoke {agency.name}</button>
      <Problem error={revoke.error} />
    </form>
  );
}
