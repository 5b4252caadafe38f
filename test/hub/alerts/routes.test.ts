import t from 'tap';
import { get } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores, type Harness } from '../../helpers/hubHarness.js';

type Tap = import('tap').Test;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const extract = () => readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8');

/** An administrator sends the NCIC extract over the API and a second one applies it (the two-person rule); the applied run. */
async function importApplied(app: Awaited<ReturnType<typeof api>>, uploader: string, applier: string) {
  const sent = await app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(uploader), payload: { csv: await extract() } });
  if (sent.statusCode !== 201 || sent.json().status !== 'held') throw new Error(`import not held: ${sent.body}`);
  const applied = await app.inject({ method: 'POST', url: `/api/v1/hotlists/imports/${sent.json().importId}/decision`, headers: bearer(applier), payload: { apply: true, note: 'checked against the LEADS hot file' } });
  if (applied.statusCode !== 200) throw new Error(`import not applied: ${applied.body}`);
  return applied.json();
}

async function api(t: Tap, h: Harness) {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  return app;
}

interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Reads server-sent events from a real socket. `done` resolves with every event once `count`
 * events named `name` arrived (the socket is then closed), or once the hub ends the stream.
 */
function events(t: Tap, url: string, token: string, name: string, count = Infinity): { done: Promise<StreamEvent[]>; ready: Promise<void> } {
  let markReady: () => void;
  let request: ReturnType<typeof get> | null = null;
  t.teardown(() => request?.destroy());
  const ready = new Promise<void>((r) => (markReady = r));
  const done = new Promise<StreamEvent[]>((resolve, reject) => {
    const req = get(url, { headers: bearer(token) }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let buffer = '';
      const found: StreamEvent[] = [];
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        if (buffer.includes(': connected')) markReady();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event = lines.find((l) => l.startsWith('event: '));
          if (event) found.push({ event: event.slice(7), data: JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as Record<string, unknown> });
        }
        if (found.filter((e) => e.event === name).length >= count) {
          req.destroy();
          resolve(found);
        }
      });
      res.on('end', () => resolve(found));
    });
    req.on('error', () => undefined);
    request = req;
  });
  return { done, ready };
}

onBothStores(t, 'officers see alerts live for the sites they watch, verify from the images and record a stop; roles are enforced', async (t, h) => {
  const app = await api(t, h);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin = await h.user('admin');
  const officer = await h.user('officer');
  const imported = await importApplied(app, admin.token, (await h.user('admin')).token);
  t.match(imported, { status: 'applied', added: 8 });
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(officer.token), payload: { csv: await extract() } })).statusCode, 403, 'an officer cannot import');

  const otherSite = events(t, `${base}/api/v1/alerts/stream?sites=site-9`, officer.token, 'alert', 1);
  const stream = events(t, `${base}/api/v1/alerts/stream?sites=site-1`, officer.token, 'alert', 1);
  await Promise.all([stream.ready, otherSite.ready]);
  const [read] = await h.addReads([{ plate: 'ABC1234', region: 'IL' }]);
  await h.services.alerts.raise(read!, await h.services.hotlists.match('ABC1234', 'IL'), 'hub');
  const [live] = (await stream.done).map((e) => e.data);
  t.match(live, { plate: 'ABC1234', siteId: 'site-1', entry: { vehicleMake: 'HOND', action: /ARMED/ } }, 'the alert arrives with the entry\'s vehicle description');
  const raced = await Promise.race([otherSite.done.then(() => 'seen'), new Promise((r) => setTimeout(() => r('not seen'), 300))]);
  t.equal(raced, 'not seen', 'an officer watching another site does not get it');

  const alertId = live!.alertId as string;
  t.equal((await app.inject({ method: 'GET', url: `/api/v1/alerts/${alertId}/images`, headers: bearer(admin.token) })).statusCode, 403, 'an admin does not work alerts');
  const early = await app.inject({ method: 'POST', url: `/api/v1/alerts/${alertId}/disposition`, headers: bearer(officer.token), payload: { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-1001' } });
  t.equal(early.statusCode, 409);
  const images = await app.inject({ method: 'GET', url: `/api/v1/alerts/${alertId}/images`, headers: bearer(officer.token) });
  t.equal(Buffer.from(images.json().cropJpegBase64, 'base64').toString(), 'crop-jpeg');
  const coerced = await app.inject({ method: 'POST', url: `/api/v1/alerts/${alertId}/disposition`, headers: bearer(officer.token), payload: { disposition: 'confirmed', action: 'arrested everyone' } });
  t.equal(coerced.statusCode, 400, 'only the listed actions');
  const stop = await app.inject({ method: 'POST', url: `/api/v1/alerts/${alertId}/disposition`, headers: bearer(officer.token), payload: { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-1001' } });
  t.equal(stop.statusCode, 200, stop.body);
  t.equal(stop.json().status, 'closed');
  const listed = await app.inject({ method: 'GET', url: '/api/v1/alerts?status=closed', headers: bearer(officer.token) });
  t.equal(listed.json()[0].cadNumber, 'CAD-1001');
});

onBothStores(t, 'an alert raised after the officer signed out or was suspended never reaches the open stream: it ends at once (VII.H)', async (t, h) => {
  const app = await api(t, h);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin = await h.user('admin');
  await importApplied(app, admin.token, (await h.user('admin')).token);
  const signedOut = await h.user('officer');
  const suspended = await h.user('officer');
  const watching = await h.user('officer');
  const streams = [signedOut, suspended].map((u) => events(t, `${base}/api/v1/alerts/stream`, u.token, 'ended'));
  const allowed = events(t, `${base}/api/v1/alerts/stream`, watching.token, 'alert', 1);
  await Promise.all([...streams.map((s) => s.ready), allowed.ready]);
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: bearer(signedOut.token) })).statusCode, 204);
  await h.services.reviews.raise(suspended.account.userId, 'a refused search', 1);
  const [read] = await h.addReads([{ plate: 'ABC1234', region: 'IL' }]);
  const raised = await h.services.alerts.raise(read!, await h.services.hotlists.match('ABC1234', 'IL'), 'hub');
  t.equal(raised.length, 1, 'the hit raised an alert');
  const late = await Promise.race([streams[0]!.done, new Promise<StreamEvent[]>((r) => setTimeout(() => r([]), 5000))]);
  t.same(late.map((e) => e.event), ['ended'], 'the signed-out stream ends at the next event, not at the heartbeat, and the alert is not in it');
  t.match(late[0]?.data, { reason: /signed out/ }, 'it is told why');
  const paused = await streams[1]!.done;
  t.same(paused.map((e) => e.event), ['ended'], 'a suspended officer does not get it either');
  t.match(paused[0]?.data, { reason: /suspended/ });
  const [live] = await allowed.done;
  t.match(live?.data, { plate: 'ABC1234' }, 'an officer still signed in and allowed gets it');
});

onBothStores(t, 'an officer whose role no longer works alerts gets no alert on a stream opened before the change: it ends at once (IX)', async (t, h) => {
  const app = await api(t, h);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin = await h.user('admin');
  await importApplied(app, admin.token, (await h.user('admin')).token);
  const moved = await h.user('officer');
  const watching = await h.user('officer');
  // Done at the first `alert` or at the stream's end, whichever comes first: a leak shows as the alert itself.
  const stream = events(t, `${base}/api/v1/alerts/stream`, moved.token, 'alert', 1);
  const allowed = events(t, `${base}/api/v1/alerts/stream`, watching.token, 'alert', 1);
  await Promise.all([stream.ready, allowed.ready]);
  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${moved.account.userId}`, headers: bearer(admin.token), payload: { role: 'admin', reason: 'moved to system administration' } });
  t.equal(patched.statusCode, 200, patched.body);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/alerts', headers: bearer(moved.token) })).statusCode, 403, 'the new role may not list alerts');
  const [read] = await h.addReads([{ plate: 'ABC1234', region: 'IL' }]);
  t.equal((await h.services.alerts.raise(read!, await h.services.hotlists.match('ABC1234', 'IL'), 'hub')).length, 1, 'the hit raised an alert');
  const late = await Promise.race([stream.done, new Promise<StreamEvent[]>((r) => setTimeout(() => r([]), 5000))]);
  t.same(late.map((e) => e.event), ['ended'], 'the stream ends at the next event and the alert (plate, site, entry) is not in it');
  t.match(late[0]?.data, { reason: /alerts\.respond/ }, 'it is told why');
  const [live] = await allowed.done;
  t.match(live?.data, { plate: 'ABC1234' }, 'an officer whose role still works alerts gets it');
});

onBothStores(t, 'only detectives and analysts enter internal hot-list entries over HTTP', async (t, h) => {
  const app = await api(t, h);
  const entry = { plate: 'FEL0002', category: 'felony_vehicle', offense: '120', caseNumber: '26-004412', reason: 'getaway car of the Madison St carjacking' };
  for (const role of ['officer', 'dispatcher', 'admin', 'auditor', 'chief']) {
    const { token } = await h.user(role);
    t.equal((await app.inject({ method: 'POST', url: '/api/v1/hotlists/entries', headers: bearer(token), payload: entry })).statusCode, 403, `${role} may not`);
  }
  for (const role of ['detective', 'analyst']) {
    const { token } = await h.user(role);
    const res = await app.inject({ method: 'POST', url: '/api/v1/hotlists/entries', headers: bearer(token), payload: entry });
    t.equal(res.statusCode, 201, `${role} may: ${res.body}`);
    t.equal(res.json().source, 'internal');
  }
  const { token } = await h.user('detective');
  const refused = await app.inject({ method: 'POST', url: '/api/v1/hotlists/entries', headers: bearer(token), payload: { ...entry, reason: 'car seen parked outside the planned parenthood clinic' } });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'ALPR_ERR_PURPOSE_PROHIBITED');
  const summary = await app.inject({ method: 'GET', url: '/api/v1/hotlists', headers: bearer(token) });
  t.equal(summary.json().refusedEntries, 1);
});

interface Opened {
  status: number;
  /** The error body of a refused stream; null for an open one. */
  body: Record<string, unknown> | null;
  close(): void;
}

/** Opens a stream on a real socket: resolves once it is open (`: connected`) or refused (its JSON body). */
function openStream(t: Tap, url: string, token: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: bearer(token) }, (res) => {
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        if (res.statusCode === 200 && buffer.includes(': connected')) resolve({ status: 200, body: null, close: () => req.destroy() });
      });
      res.on('end', () => {
        if (res.statusCode !== 200) resolve({ status: res.statusCode!, body: JSON.parse(buffer) as Record<string, unknown>, close: () => undefined });
      });
    });
    req.on('error', reject);
    t.teardown(() => req.destroy());
  });
}

onBothStores(t, 'one account holds at most three alert streams: the fourth is refused with 429 before it is recorded as opened, and closing one frees its slot', async (t, h) => {
  const app = await api(t, h);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/alerts/stream`;
  const officer = await h.user('officer');
  const other = await h.user('dispatcher');
  const held: Opened[] = [];
  for (let i = 0; i < 3; i++) held.push(await openStream(t, url, officer.token));
  t.same(held.map((s) => s.status), [200, 200, 200], 'three streams open on one account');
  const fourth = await openStream(t, url, officer.token);
  t.equal(fourth.status, 429, 'the fourth is refused');
  t.match(fourth.body, { code: 'ALPR_ERR_RATE_LIMITED', retryable: true, message: /3 alert streams open; the limit is 3/ });
  const elsewhere = await openStream(t, url, other.token);
  t.equal(elsewhere.status, 200, 'another account is not held to this account\'s cap');

  held.shift()!.close();
  const deadline = Date.now() + 5000;
  while (h.services.alerts.openStreams(officer.account.userId) > 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  t.equal(h.services.alerts.openStreams(officer.account.userId), 2, 'the closed stream gave back its slot');
  const again = await openStream(t, url, officer.token);
  t.equal(again.status, 200, 'a new stream is accepted once one is closed');
  t.equal((await openStream(t, url, officer.token)).status, 429, 'and the cap holds again');

  const records = await h.services.audit.query({ action: 'alert.stream', limit: 100 });
  t.same(records.filter((r) => r.outcome === 'ok').map((r) => r.actor), [officer, officer, officer, other, officer].map((u) => u.account.userId), 'only the streams that opened are recorded as opened');
  const refused = records.filter((r) => r.outcome === 'refused');
  t.ok(refused.length >= 1, 'the refusals are recorded (counted in bursts)');
  t.match(refused[0]?.detail, { status: 429, code: 'ALPR_ERR_RATE_LIMITED' });
});
