import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { Alert, AlertAction, Disposition } from '../types.js';
import { Field, Notice, Problem, useAction, when } from '../components/ui.js';
import { ClosedAlerts } from './alerts/ClosedAlerts.js';

// The hub's lists (hub/alerts/alertService.ts); the types make tsc refuse a value the API would not take.
const DISPOSITIONS: ReadonlyArray<[Disposition, string]> = [
  ['confirmed', 'Confirmed: plate, state and vehicle match'], ['misread', 'Misread plate'], ['wrong_state', 'Wrong state'],
  ['vehicle_mismatch', 'Vehicle does not match the entry'], ['entry_invalid', 'Entry no longer valid'],
];
const ACTIONS: ReadonlyArray<[AlertAction, string]> = [['stop_made', 'Stop made'], ['no_stop', 'No stop'], ['unable_to_locate', 'Unable to locate']];

/** A short two-tone alarm made in the browser: no sound file, no third-party origin. */
function chime(): void {
  const ctx = new AudioContext();
  for (const [i, f] of [880, 660].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = f;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + i * 0.25);
    osc.stop(ctx.currentTime + i * 0.25 + 0.2);
  }
}

/** The live alert console: open alerts, new ones streamed as they are raised, and verification. */
export function Alerts() {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [live, setLive] = useState<'connecting' | 'live' | 'ended'>('connecting');
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const [selected, setSelected] = useState<Alert | null>(null);
  const load = useAction(async () => setAlerts(await api<Alert[]>('GET', '/api/v1/alerts?status=open')));
  useEffect(() => {
    void load.run();
    const stream = new EventSource('/api/v1/alerts/stream');
    stream.onopen = () => setLive('live');
    stream.addEventListener('alert', (e) => {
      const alert = JSON.parse((e as MessageEvent<string>).data) as Alert;
      setAlerts((list) => [alert, ...list.filter((a) => a.alertId !== alert.alertId)]);
      if (soundRef.current) chime();
    });
    stream.addEventListener('closed', (e) => {
      const alert = JSON.parse((e as MessageEvent<string>).data) as Alert;
      setAlerts((list) => list.filter((a) => a.alertId !== alert.alertId));
    });
    stream.addEventListener('ended', () => {
      setLive('ended');
      stream.close();
    });
    stream.onerror = () => setLive(stream.readyState === EventSource.CLOSED ? 'ended' : 'connecting');
    return () => stream.close();
  }, []);
  return (
    <main id="main" tabIndex={-1}>
      <h1>Live alerts</h1>
      <div class="toolbar">
        <span class={`live ${live}`} role="status">{live === 'live' ? 'Live: new alerts appear here' : live === 'connecting' ? 'Connecting…' : 'Stream ended: reload'}</span>
        <button type="button" aria-pressed={sound} onClick={() => setSound(!sound)}>{sound ? 'Sound on' : 'Sound off'}</button>
      </div>
      <Problem error={load.error} />
      {alerts.length === 0 && <Notice>No open alerts.</Notice>}
      <ul class="alert-list">
        {alerts.map((a) => (
          <li>
            <button type="button" class={`alert-item${a.alertId === selected?.alertId ? ' selected' : ''}`} aria-current={a.alertId === selected?.alertId} onClick={() => setSelected(a)}>
              <span class="plate">{a.plate}</span> <span class="category">{a.entry.category.replace(/_/g, ' ')}</span>
              <span class="muted"> {a.readColour === 'unknown' ? '' : `${a.readColour} · `}{a.siteId}/{a.cameraId} · {when(a.capturedAt)}{a.nearMatch ? ' · near match' : ''}</span>
            </button>
          </li>
        ))}
      </ul>
      {/* The one being verified stays open when the hub streams its closing (this officer's own disposition). */}
      {selected && <Verify key={selected.alertId} alert={selected} onClosed={() => setSelected(null)} />}
      <ClosedAlerts refresh={alerts.length} />
    </main>
  );
}

/** Verification (V.G-H): the images and the entry side by side, then the recorded disposition. */
function Verify({ alert, onClosed }: { alert: Alert; onClosed: () => void }) {
  const [images, setImages] = useState<{ crop: string; context: string } | null>(null);
  const [form, setForm] = useState({ disposition: '', action: '', cadNumber: '', note: '' });
  const [closed, setClosed] = useState<Alert | null>(null);
  const open = useAction(async () => {
    const r = await api<{ cropJpegBase64: string; contextJpegBase64: string }>('GET', `/api/v1/alerts/${alert.alertId}/images`);
    setImages({ crop: r.cropJpegBase64, context: r.contextJpegBase64 });
  });
  const dispose = useAction(async () => {
    const body: Record<string, string> = { disposition: form.disposition };
    if (form.action) body.action = form.action;
    if (form.cadNumber) body.cadNumber = form.cadNumber;
    if (form.note) body.note = form.note;
    setClosed(await api<Alert>('POST', `/api/v1/alerts/${alert.alertId}/disposition`, body));
  });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const e = alert.entry;
  if (closed) {
    return (
      <section class="verify" aria-label="Alert closed">
        <Notice>Recorded: {closed.plate} {closed.disposition?.replace(/_/g, ' ')}{closed.actionTaken ? `, ${closed.actionTaken.replace(/_/g, ' ')}` : ''}{closed.cadNumber ? `, CAD ${closed.cadNumber}` : ''}.</Notice>
        <button type="button" onClick={onClosed}>Back to the alerts</button>
      </section>
    );
  }
  return (
    <section class="verify" aria-labelledby="verify-h">
      <h2 id="verify-h">Verify {alert.plate} before acting</h2>
      <div class="compare">
        <div class="card">
          <h3>What the camera read</h3>
          <dl>
            <dt>Plate</dt><dd class="plate">{alert.plate}</dd>
            <dt>State</dt><dd>{alert.readState ?? 'not read'}</dd>
            <dt>Colour</dt><dd>{alert.readColour === 'unknown' ? 'not sure: check the image' : `${alert.readColour} (judged by the camera)`}</dd>
            <dt>Confidence</dt><dd>{Math.round(alert.readConfidence * 100)}%</dd>
            <dt>Where, when</dt><dd>{alert.siteId}/{alert.cameraId}, {when(alert.capturedAt)}</dd>
          </dl>
          {images ? (
            <div class="side-by-side">
              <figure><img src={`data:image/jpeg;base64,${images.crop}`} alt={`Plate crop of ${alert.plate}`} /><figcaption>Plate crop</figcaption></figure>
              <figure><img src={`data:image/jpeg;base64,${images.context}`} alt={`Context image of the vehicle read as ${alert.plate}`} /><figcaption>Context</figcaption></figure>
            </div>
          ) : <button type="button" class="primary" onClick={() => void open.run()} disabled={open.busy}>Open the images (recorded)</button>}
          <Problem error={open.error} />
        </div>
        <div class="card">
          <h3>The hot-list entry</h3>
          <dl>
            <dt>Plate</dt><dd class="plate">{e.plate}</dd>
            <dt>State</dt><dd>{e.state || 'unknown'}</dd>
            <dt>Vehicle</dt><dd>{[e.vehicleColour, e.vehicleMake, e.vehicleType].filter(Boolean).join(' ') || 'not described'}</dd>
            <dt>Category</dt><dd>{e.category.replace(/_/g, ' ')} (priority {e.priority})</dd>
            <dt>Action</dt><dd>{e.action || '—'}</dd>
            <dt>Source</dt><dd>{e.source}</dd>
          </dl>
        </div>
      </div>
      <form class="grid-form" onSubmit={(ev) => { ev.preventDefault(); void dispose.run(); }}>
        <Field label="Disposition">
          <select name="disposition" required value={form.disposition} onChange={set('disposition')}>
            <option value="">Choose…</option>
            {DISPOSITIONS.map(([v, l]) => <option value={v}>{l}</option>)}
          </select>
        </Field>
        <Field label="Outcome" hint="For a confirmed hit">
          <select name="action" value={form.action} onChange={set('action')}>
            <option value="">—</option>
            {ACTIONS.map(([v, l]) => <option value={v}>{l}</option>)}
          </select>
        </Field>
        <Field label="CAD number"><input name="cadNumber" maxLength={32} value={form.cadNumber} onInput={set('cadNumber')} /></Field>
        <Field label="Note"><input name="note" maxLength={500} value={form.note} onInput={set('note')} /></Field>
        <Problem error={dispose.error} />
        <div class="actions"><button type="submit" class="primary" disabled={dispose.busy}>Record disposition</button></div>
      </form>
    </section>
  );
}
