import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import type { Site } from '../../types.js';
import { Field, Problem, useAction } from '../../components/ui.js';

/** Moving a site needs a new written approval (IV): the old position and the new are audited. */
export function RelocateSite({ sites, onDone }: { sites: Site[]; onDone: (what: string) => Promise<void> }) {
  const inService = sites.filter((s) => s.status === 'approved');
  const [form, setForm] = useState({ siteId: '', approvalRef: '', latitude: '', longitude: '' });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const relocate = useAction(async () => {
    const siteId = form.siteId || inService[0]!.siteId;
    await api('POST', `/api/v1/sites/${encodeURIComponent(siteId)}/relocation`, { approvalRef: form.approvalRef, latitude: Number(form.latitude), longitude: Number(form.longitude) });
    setForm({ siteId: '', approvalRef: '', latitude: '', longitude: '' });
    await onDone(`Site ${siteId} relocated.`);
  });
  if (inService.length === 0) return null;
  return (
    <form class="grid-form card" onSubmit={(e) => { e.preventDefault(); void relocate.run(); }}>
      <h3>Relocate a site</h3>
      <Field label="Site to move"><select value={form.siteId || inService[0]!.siteId} onChange={set('siteId')}>{inService.map((s) => <option value={s.siteId}>{s.name} ({s.siteId})</option>)}</select></Field>
      <Field label="Chief's approval of the move"><input required minLength={3} maxLength={100} value={form.approvalRef} onInput={set('approvalRef')} /></Field>
      <Field label="New position, degrees north"><input required inputMode="decimal" value={form.latitude} onInput={set('latitude')} /></Field>
      <Field label="New position, degrees east (west is negative)"><input required inputMode="decimal" value={form.longitude} onInput={set('longitude')} /></Field>
      <Problem error={relocate.error} />
      <div class="actions"><button type="submit" class="primary" disabled={relocate.busy}>Relocate site</button></div>
    </form>
  );
}
