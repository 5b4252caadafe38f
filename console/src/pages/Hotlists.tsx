import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { HOTLIST_CATEGORIES, namesOffense } from '../../../hub/hotlists/hotlistCategories.js';
import type { HotlistEntry, Offense } from '../types.js';
import { Field, Notice, Problem, dateValue, day, useAction } from '../components/ui.js';

/** Internal hot-list entries (IX.2): a detective or analyst lists a plate for a case, until an expiry. */
export function Hotlists() {
  const [form, setForm] = useState({ plate: '', state: '', vehicleMake: '', vehicleColour: '', vehicleType: '', category: '', offense: '', felonyRequestId: '', caseNumber: '', reason: '', action: '', expires: '' });
  const [offenses, setOffenses] = useState<Offense[]>([]);
  const [added, setAdded] = useState<HotlistEntry | null>(null);
  const [lookup, setLookup] = useState('');
  const [found, setFound] = useState<HotlistEntry[] | null>(null);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const load = useAction(async () => setOffenses(await api<Offense[]>('GET', '/api/v1/offenses')));
  useEffect(() => void load.run(), []);
  const offenseNamed = namesOffense(form.category);
  const add = useAction(async () => {
    const { expires, offense, felonyRequestId, ...rest } = form;
    const body: Record<string, unknown> = { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')), plate: form.plate.trim().toUpperCase() };
    if (expires) body.expiresAt = dateValue(expires);
    if (offenseNamed) Object.assign(body, { offense }, felonyRequestId ? { felonyRequestId: felonyRequestId.trim() } : {});
    setAdded(await api<HotlistEntry>('POST', '/api/v1/hotlists/entries', body));
  });
  const find = useAction(async () => setFound(await api<HotlistEntry[]>('GET', `/api/v1/hotlists/entries?plate=${encodeURIComponent(lookup.trim().toUpperCase())}`)));
  return (
    <main id="main" tabIndex={-1}>
      <h1>Internal hot list</h1>
      <form class="grid-form card" onSubmit={(e) => { e.preventDefault(); void add.run(); }}>
        <h2>New entry</h2>
        <Field label="Plate"><input name="plate" required minLength={2} maxLength={12} class="plate-input" value={form.plate} onInput={set('plate')} /></Field>
        <Field label="State" hint="2 letters, empty when unknown"><input name="state" maxLength={2} value={form.state} onInput={set('state')} /></Field>
        <Field label="Make"><input name="vehicleMake" maxLength={24} value={form.vehicleMake} onInput={set('vehicleMake')} /></Field>
        <Field label="Colour"><input name="vehicleColour" maxLength={24} value={form.vehicleColour} onInput={set('vehicleColour')} /></Field>
        <Field label="Vehicle type"><input name="vehicleType" maxLength={24} value={form.vehicleType} onInput={set('vehicleType')} /></Field>
        <Field label="Category">
          <select name="category" required value={form.category} onChange={set('category')}>
            <option value="">Choose…</option>
            {HOTLIST_CATEGORIES.map((c) => <option value={c}>{c.replace(/_/g, ' ')}</option>)}
          </select>
        </Field>
        {offenseNamed && (
          <>
            <Field label="Offense category" hint="NIBRS code of the case; for a warrant, the offense it is for">
              <select name="offense" required value={form.offense} onChange={set('offense')}>
                <option value="">Choose…</option>
                {offenses.filter((o) => !o.prohibited).map((o) => <option value={o.code}>{o.code} {o.name}</option>)}
              </select>
            </Field>
            <Field label="Felony request" hint="For a felony that is not a violent crime: the request the Chief approved for this case (V.B)">
              <input name="felonyRequestId" maxLength={64} autocomplete="off" value={form.felonyRequestId} onInput={set('felonyRequestId')} />
            </Field>
          </>
        )}
        <Field label="Case number"><input name="caseNumber" required maxLength={32} value={form.caseNumber} onInput={set('caseNumber')} /></Field>
        <Field label="Expires" hint="Default 30 days, at most 90"><input name="expires" type="date" value={form.expires} onInput={set('expires')} /></Field>
        <Field label="Reason" hint="Why the plate is listed; screened like a search purpose"><textarea name="reason" required maxLength={500} rows={2} value={form.reason} onInput={set('reason')} /></Field>
        <Field label="Action for the officer"><input name="action" maxLength={240} value={form.action} onInput={set('action')} /></Field>
        <Problem error={load.error ?? add.error} />
        <div class="actions"><button type="submit" class="primary" disabled={add.busy}>Add to the hot list</button></div>
      </form>
      {added && <Notice>Listed {added.plate} ({added.category.replace(/_/g, ' ')}) for case {added.caseNumber}, until {day(added.expiresAt)}. Appliances receive it with the next hot-list push.</Notice>}
      <form class="toolbar" onSubmit={(e) => { e.preventDefault(); void find.run(); }}>
        <Field label="Find entries by plate"><input name="lookup" minLength={2} maxLength={12} required value={lookup} onInput={(e) => setLookup(e.currentTarget.value)} /></Field>
        <button type="submit">Find</button>
      </form>
      <Problem error={find.error} />
      {found && (found.length === 0 ? <Notice>No entries for that plate.</Notice> : (
        <div class="results" tabIndex={0} role="region" aria-label="Hot-list entries"><table>
          <thead><tr><th scope="col">Plate</th><th scope="col">State</th><th scope="col">Category</th><th scope="col">Case</th><th scope="col">Source</th><th scope="col">Expires</th><th scope="col">Status</th></tr></thead>
          <tbody>{found.map((h) => <tr><td class="plate">{h.plate}</td><td>{h.state}</td><td>{h.category.replace(/_/g, ' ')}</td><td>{h.caseNumber ?? '—'}</td><td>{h.source}</td><td>{day(h.expiresAt)}</td><td>{h.removed ? 'removed' : 'live'}</td></tr>)}</tbody>
        </table></div>
      ))}
    </main>
  );
}
