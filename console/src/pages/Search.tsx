import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { EvidenceReply, ImageReply, Me, Offense, ReadHit, SearchBody, SearchReply, Site } from '../types.js';
import { Field, Notice, Problem, useAction, when } from '../components/ui.js';
import { SiteMap } from '../components/SiteMap.js';

const MODES = [['exact', 'Exact plate'], ['fuzzy', 'Near match (misreads, one edit)'], ['wildcard', 'Wildcard (* any run, ? one character)']] as const;
const ADMINISTRATIVE = ['administrative', 'audit'];
// The hub's colour names (core/vehicleColours.ts); the type makes tsc refuse one the API would not take.
const COLOURS: ReadonlyArray<NonNullable<SearchBody['colours']>[number]> = ['white', 'black', 'grey', 'silver', 'red', 'blue', 'green', 'yellow', 'brown', 'orange', 'unknown'];
/** Whom the signed file names as receiving the reads: here the exporting officer, of this department. */
const recipientText = (r: EvidenceReply['body']['recipient']) => (r.agency ? `${r.name}, ${r.agency} (${r.ori ?? 'no ORI'})` : `${r.name} (this department)`);

/**
 * The purpose-gated search: every field the order asks for is on the form, and the hub decides;
 * a refusal is shown in its own words. Images open one read at a time (each opening is audited).
 */
export function Search({ me }: { me: Me }) {
  const [offenses, setOffenses] = useState<Offense[]>([]);
  const [sites, setSites] = useState<Site[]>([]);
  const administrative = me.permissions.includes('reads.searchAdministrative');
  const [form, setForm] = useState({ plate: '', mode: 'exact', purpose: administrative ? 'administrative' : '', offense: '', caseNumber: '', reference: '', description: '', colour: '' });
  const [result, setResult] = useState<SearchReply | null>(null);
  const [images, setImages] = useState<ImageReply | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [evidence, setEvidence] = useState<{ description: string; done: EvidenceReply | null }>({ description: '', done: null });
  // One object URL per export, released when the export is replaced or the page goes (sign-out):
  // made in render, a new one was minted on every render and none was ever revoked.
  const [evidenceUrl, setEvidenceUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!evidence.done) return undefined;
    const url = URL.createObjectURL(new Blob([JSON.stringify(evidence.done)], { type: 'application/json' }));
    setEvidenceUrl(url);
    return () => {
      URL.revokeObjectURL(url);
      setEvidenceUrl(null);
    };
  }, [evidence.done]);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const load = useAction(async () => {
    setOffenses(await api<Offense[]>('GET', '/api/v1/offenses'));
    setSites(await api<Site[]>('GET', '/api/v1/sites'));
  });
  useEffect(() => void load.run(), []);

  const purposes = administrative ? ADMINISTRATIVE : [...new Set(offenses.flatMap((o) => o.purposes))].filter((p) => !ADMINISTRATIVE.includes(p));
  const isAdmin = ADMINISTRATIVE.includes(form.purpose);
  const search = useAction(async () => {
    setResult(null);
    setImages(null);
    setChosen(new Set());
    const body: Record<string, unknown> = { plate: form.plate.trim().toUpperCase(), mode: form.mode, purpose: form.purpose, description: form.description };
    if (form.colour) body.colours = [form.colour];
    if (isAdmin) body.reference = form.reference;
    else Object.assign(body, { offense: form.offense || undefined, caseNumber: form.caseNumber || undefined });
    setResult(await api<SearchReply>('POST', '/api/v1/search', body));
  });
  const open = useAction(async (hit: ReadHit) => setImages(await api<ImageReply>('GET', `/api/v1/reads/${hit.id}/images?searchId=${result!.searchId}`)));
  const exportEvidence = useAction(async () => {
    const done = await api<EvidenceReply>('POST', '/api/v1/evidence/exports', { readIds: [...chosen], searchId: result!.searchId, description: evidence.description });
    setEvidence({ ...evidence, done });
  });
  // The reply places its own reads (officers see no other site's position); a listing with
  // positions (admins, the Chief) adds the sites without hits around them.
  const placed = result?.sites ?? [];
  const mapSites = [...placed, ...sites.filter((s) => s.latitude !== undefined && !placed.some((p) => p.siteId === s.siteId))];
  const siteName = (id: string) => placed.find((s) => s.siteId === id)?.name ?? sites.find((s) => s.siteId === id)?.name ?? id;
  const bySite = new Map<string, number>();
  for (const h of result?.hits ?? []) bySite.set(h.siteId, (bySite.get(h.siteId) ?? 0) + 1);

  return (
    <main id="main" tabIndex={-1}>
      <h1>Search reads</h1>
      <form class="grid-form" onSubmit={(e) => { e.preventDefault(); void search.run(); }}>
        <Field label="Plate"><input name="plate" required maxLength={16} autocomplete="off" class="plate-input" value={form.plate} onInput={set('plate')} /></Field>
        <Field label="Mode">
          <select name="mode" value={form.mode} onChange={set('mode')}>{MODES.map(([v, l]) => <option value={v}>{l}</option>)}</select>
        </Field>
        <Field label="Vehicle colour" hint="As the camera judged it; a read it was not sure of is unknown, so a colour leaves those out">
          <select name="colour" value={form.colour} onChange={set('colour')}>
            <option value="">Any</option>
            {COLOURS.map((c) => <option value={c}>{c}</option>)}
          </select>
        </Field>
        <Field label="Purpose" hint="General Order 4.68 V.B">
          <select name="purpose" required value={form.purpose} onChange={set('purpose')}>
            <option value="">Choose…</option>
            {purposes.map((p) => <option value={p}>{p.replace(/_/g, ' ')}</option>)}
          </select>
        </Field>
        {isAdmin ? (
          <Field label="Reference" hint="PC-, IA- or AUD- number"><input name="reference" required value={form.reference} onInput={set('reference')} /></Field>
        ) : (
          <>
            <Field label="Offense category" hint="NIBRS code of the case">
              <select name="offense" required value={form.offense} onChange={set('offense')}>
                <option value="">Choose…</option>
                {offenses.map((o) => <option value={o.code}>{o.code} {o.name}{o.prohibited ? ' (never allowed)' : ''}</option>)}
              </select>
            </Field>
            <Field label="Case or CAD number"><input name="caseNumber" required autocomplete="off" value={form.caseNumber} onInput={set('caseNumber')} /></Field>
          </>
        )}
        <Field label="Description" hint="Why the search is needed (10 characters or more); screened for prohibited uses">
          <textarea name="description" required minLength={10} maxLength={500} rows={3} value={form.description} onInput={set('description')} />
        </Field>
        <div class="actions"><button type="submit" class="primary" disabled={search.busy}>Search</button></div>
      </form>
      <Problem error={load.error ?? search.error} />
      {result && (
        <section aria-labelledby="results-h">
          <h2 id="results-h">{result.hits.length} read{result.hits.length === 1 ? '' : 's'} found <span class="muted">(search #{result.searchId})</span></h2>
          {result.truncated && <Notice>More reads matched than are shown: narrow the search.</Notice>}
          {result.incomplete && <Notice>The wildcard stopped at its cap: matches may be missing. Narrow the pattern.</Notice>}
          {result.hits.length > 0 && (
            <div class="results" tabIndex={0} role="region" aria-label="Search results">
              <table>
                <thead><tr><th scope="col">Select</th><th scope="col">Captured</th><th scope="col">Plate</th><th scope="col">State</th><th scope="col">Colour</th><th scope="col">Site</th><th scope="col">Camera</th><th scope="col">Confidence</th><th scope="col">Images</th></tr></thead>
                <tbody>
                  {result.hits.map((h) => (
                    <tr>
                      <td><input type="checkbox" aria-label={`Select read of ${h.plate} at ${when(h.capturedAt)}`} checked={chosen.has(h.id)} onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.currentTarget.checked) next.add(h.id); else next.delete(h.id);
                        setChosen(next);
                      }} /></td>
                      <td>{when(h.capturedAt)}</td><td class="plate">{h.plate}</td><td>{h.region ?? 'not read'}</td><td>{h.vehicleColour}</td><td>{siteName(h.siteId)}</td><td>{h.cameraId}</td>
                      <td>{Math.round(h.confidence * 100)}%{h.lowConfidence ? ' (low)' : ''}</td>
                      <td><button type="button" onClick={() => void open.run(h)}>View images</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SiteMap sites={mapSites} points={[...bySite].map(([siteId, count]) => ({ siteId, label: siteName(siteId), count }))} />
            </div>
          )}
          <Problem error={open.error} />
          {images && (
            <section class="images" aria-label={`Images of read ${images.plate}`}>
              <h2>Images of {images.plate} <span class="muted">(this viewing is recorded in the audit trail)</span></h2>
              <div class="side-by-side">
                <figure><img src={`data:image/jpeg;base64,${images.cropJpegBase64}`} alt={`Plate crop of ${images.plate}`} /><figcaption>Plate crop</figcaption></figure>
                <figure><img src={`data:image/jpeg;base64,${images.contextJpegBase64}`} alt={`Context image of the vehicle with plate ${images.plate}`} /><figcaption>Context</figcaption></figure>
              </div>
            </section>
          )}
          {me.permissions.includes('evidence.export') && result.hits.length > 0 && (
            <form class="evidence" onSubmit={(e) => { e.preventDefault(); void exportEvidence.run(); }}>
              <h2>Export as evidence</h2>
              <p class="hint">Exports the selected reads ({chosen.size}) signed by the hub and places an evidence hold on them under this search's case.</p>
              <Field label="Why these reads are evidence"><textarea name="evidenceDescription" required minLength={10} rows={2} value={evidence.description} onInput={(e) => setEvidence({ ...evidence, description: e.currentTarget.value })} /></Field>
              <Problem error={exportEvidence.error} />
              <button type="submit" disabled={chosen.size === 0 || exportEvidence.busy}>Export {chosen.size} read{chosen.size === 1 ? '' : 's'}</button>
              {evidence.done && <Notice>Exported {evidence.done.body.reads.length} read(s) as {evidence.done.body.exportId} for case {evidence.done.body.caseNumber}, recipient {recipientText(evidence.done.body.recipient)}. <a download={`${evidence.done.body.exportId}.json`} href={evidenceUrl ?? undefined}>Download the signed file</a></Notice>}
            </form>
          )}
        </section>
      )}
    </main>
  );
}
