import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import type { Agency } from '../../types.js';
import { Field, Problem, dateValue, useAction } from '../../components/ui.js';

type Done = (what: string) => Promise<void>;

/** An outside agency put on file by an administrator (`sharing.register`); it shares nothing until the Chief approves an agreement. */
export function RegisterAgency({ onDone }: { onDone: Done }) {
  const [form, setForm] = useState({ name: '', ori: '', state: 'IL', level: 'local', contact: '' });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const register = useAction(async () => {
    await api('POST', '/api/v1/sharing/agencies', { ...form, ori: form.ori.trim().toUpperCase(), state: form.state.trim().toUpperCase() });
    setForm({ name: '', ori: '', state: 'IL', level: 'local', contact: '' });
    await onDone(`${form.name} registered.`);
  });
  return (
    <form class="grid-form card" onSubmit={(e) => { e.preventDefault(); void register.run(); }}>
      <h3>Register an agency</h3>
      <Field label="Agency name"><input required minLength={3} maxLength={120} value={form.name} onInput={set('name')} /></Field>
      <Field label="ORI" hint="NCIC originating agency identifier, e.g. IL0160300"><input required value={form.ori} onInput={set('ori')} /></Field>
      <Field label="State" hint="2-letter code"><input required maxLength={2} value={form.state} onInput={set('state')} /></Field>
      <Field label="Level"><select value={form.level} onChange={set('level')}><option value="local">Local</option><option value="state">State</option><option value="federal">Federal</option></select></Field>
      <Field label="Contact" hint="who answers for the agency: unit and phone"><input required minLength={5} maxLength={300} value={form.contact} onInput={set('contact')} /></Field>
      <Problem error={register.error} />
      <div class="actions"><button type="submit" class="primary" disabled={register.busy}>Register agency</button></div>
    </form>
  );
}

/** The agency's signed declaration (625 ILCS 5/2-130), as the scan or PDF, kept with its SHA-256. */
export function DeclarationForm({ agencies, onDone }: { agencies: Agency[]; onDone: Done }) {
  const [form, setForm] = useState({ agencyId: agencies[0]?.agencyId ?? '', signerName: '', signerTitle: '', signed: '', expires: '' });
  const [file, setFile] = useState<File | null>(null);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const record = useAction(async () => {
    const bytes = new Uint8Array(await file!.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    await api('POST', `/api/v1/sharing/agencies/${form.agencyId}/declarations`, {
      documentBase64: btoa(binary), signerName: form.signerName, signerTitle: form.signerTitle, signedAt: dateValue(form.signed), expiresAt: dateValue(form.expires),
    });
    await onDone(`Declaration recorded for ${agencies.find((a) => a.agencyId === form.agencyId)?.name ?? 'the agency'}.`);
  });
  return (
    <form class="grid-form card" onSubmit={(e) => { e.preventDefault(); void record.run(); }}>
      <h3>Record a signed declaration</h3>
      <Field label="Agency"><select value={form.agencyId} onChange={set('agencyId')}>{agencies.map((a) => <option value={a.agencyId}>{a.name}</option>)}</select></Field>
      <Field label="Signed declaration" hint="the scan or PDF"><input type="file" required accept="application/pdf,image/*" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} /></Field>
      <Field label="Signed by"><input required minLength={3} value={form.signerName} onInput={set('signerName')} /></Field>
      <Field label="Signer's title"><input required minLength={3} value={form.signerTitle} onInput={set('signerTitle')} /></Field>
      <Field label="Date signed"><input type="date" required value={form.signed} onInput={set('signed')} /></Field>
      <Field label="Declaration expires"><input type="date" required value={form.expires} onInput={set('expires')} /></Field>
      <Problem error={record.error} />
      <div class="actions"><button type="submit" class="primary" disabled={record.busy || !file}>Record declaration</button></div>
    </form>
  );
}
