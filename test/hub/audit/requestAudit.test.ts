import t from 'tap';
import { randomBytes } from 'node:crypto';
import { buildApi } from '../../../hub/api/server.js';
import type { AuditRecord } from '../../../hub/audit/auditLog.js';
import { captureLogger, eventually } from '../../helpers/index.js';
import { harness, onBothStores, type Harness } from '../../helpers/hubHarness.js';

type Tap = import('tap').Test;

// The flood test sends 10,000 requests.
t.setTimeout(240_000);

const lawful = { purpose: 'missing_person', offense: 'NCIC-MP', caseNumber: '26-009001', description: 'endangered elderly driver missing since Tuesday' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function api(t: Tap, h: Harness) {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  return app;
}

/** Records after `seq`, for what one step of a test wrote. */
async function since(h: Harness, seq: number): Promise<AuditRecord[]> {
  return h.services.audit.query({ afterSeq: seq, limit: 1000 });
}
const headSeq = async (h: Harness) => (await h.services.audit.head())?.seq ?? 0;

onBothStores(t, 'a search refused by the schema is audited as a refused search, with what was sent', async (t, h) => {
  const app = await api(t, h);
  const officer = await h.user('officer');
  const before = await headSeq(h);
  const r = await app.inject({ method: 'POST', url: '/api/v1/search', headers: bearer(officer.token), payload: { ...lawful, plate: 'ABC1234', mode: 'exact', everything: true } });
  t.equal(r.statusCode, 400);
  const records = await since(h, before);
  t.equal(records.length, 1, 'one record');
  t.match(records[0], { actor: officer.account.userId, action: 'reads.search', outcome: 'refused', detail: { code: 'ALPR_ERR_INVALID_INPUT', status: 400, stage: /before the service/, count: 1 } });
  t.match(records[0]!.detail.body, /"plate":"ABC1234"/, 'the refused parameters are kept');
  t.match(records[0]!.detail.message, /everything|additional/i, 'and why the schema refused it');
});

onBothStores(t, 'a request for an API route spelled with escaped letters, doubled slashes or capitals is audited as the route it reaches', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const officer = await h.user('officer');
  let before = await headSeq(h);
  const listed = await app.inject({ method: 'GET', url: '/%61pi/v1/accounts', headers: bearer(admin.token) });
  t.equal(listed.statusCode, 200, 'the router decodes the path: the listing is served');
  t.match(await since(h, before), [{ actor: admin.account.userId, detail: { route: '/api/v1/accounts' } }], 'and audited under its route');
  before = await headSeq(h);
  t.equal((await app.inject({ method: 'GET', url: '/%61pi/v1/accounts', headers: bearer(officer.token) })).statusCode, 403);
  t.match(await since(h, before), [{ actor: officer.account.userId, outcome: 'refused' }], 'a role refusal on the escaped path is audited');
  before = await headSeq(h);
  for (const url of ['/%61pi/v1/no-such-route', '//api/v1/accounts', '/API/v1/accounts']) {
    const r = await app.inject({ method: 'GET', url, headers: bearer(officer.token) });
    t.ok(r.statusCode >= 400, `${url}: ${r.statusCode}`);
  }
  t.ok((await since(h, before)).length >= 1, 'probes of unknown API paths are recorded however they are spelled');
});

onBothStores(t, 'bad bearer tokens are audited: missing, malformed, unknown and idle-expired', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const before = await headSeq(h);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts' })).statusCode, 401);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { authorization: 'Bearer short' } })).statusCode, 401);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: bearer(randomBytes(32).toString('base64url')) })).statusCode, 401);
  h.clock.advance(31 * 60_000);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: bearer(admin.token) })).statusCode, 401);
  const records = await since(h, before);
  t.same(records.map((r) => [r.action, r.outcome, r.detail.reason ?? null]), [
    ['auth.tokenRefused', 'refused', 'missing'],
    ['auth.tokenRefused', 'refused', 'malformed'],
    ['auth.tokenRefused', 'refused', 'unknown, ended or expired'],
    ['auth.sessionIdle', 'ok', null],
  ], 'the idle session is audited once, by the account service, not twice');
  t.ok(records.slice(0, 3).every((r) => r.actor === 'anonymous' && r.detail.ip === '127.0.0.1' && r.detail.route === '/api/v1/accounts'));
  t.notOk(JSON.stringify(records).includes(admin.token), 'no token is kept');
});

onBothStores(t, 'one anonymous address walking the routes with bad tokens writes a record per kind of refusal a window, not one per route; the counts add up', async (t, h) => {
  const app = await api(t, h);
  const before = await headSeq(h);
  const routes = ['/api/v1/accounts', '/api/v1/holds', '/api/v1/reviews', '/api/v1/devices', '/api/v1/felony-requests', '/api/v1/alerts', '/api/v1/hotlists', '/api/v1/audit', '/api/v1/sites', '/api/v1/me'];
  const shapes = [{}, { authorization: 'Bearer short' }, bearer(randomBytes(32).toString('base64url'))];
  let sent = 0;
  for (const url of routes) {
    for (const headers of shapes) {
      // Two addresses of one IPv6 /64: one subscriber, one source.
      const remoteAddress = sent % 2 === 0 ? '2001:db8:5:6::1' : '2001:db8:5:6::2';
      t.equal((await app.inject({ method: 'GET', url, headers, remoteAddress })).statusCode, 401);
      sent++;
    }
  }
  const written = await since(h, before);
  t.equal(written.length, 3, `${sent} refusals over ${routes.length} routes: one record for each kind of bad token`);
  await app.close(); // writes the counts of the windows still open
  const all = await since(h, before);
  t.equal(all.reduce((n, r) => n + Number(r.detail.count ?? 0), 0), sent, 'every refusal is counted');
});

onBothStores(t, 'listing accounts, holds, reviews, devices and felony requests is audited with the number returned', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const chief = await h.user('chief');
  const before = await headSeq(h);
  for (const [url, token] of [['/api/v1/accounts', admin.token], ['/api/v1/holds', admin.token], ['/api/v1/reviews', admin.token], ['/api/v1/devices', admin.token], ['/api/v1/felony-requests', chief.token]] as const) {
    const r = await app.inject({ method: 'GET', url, headers: bearer(token) });
    t.equal(r.statusCode, 200, `${url}: ${r.body}`);
  }
  const records = await since(h, before);
  t.same(records.map((r) => [r.action, r.outcome]), [['accounts.list', 'ok'], ['holds.list', 'ok'], ['reviews.list', 'ok'], ['devices.list', 'ok'], ['felony.list', 'ok']]);
  t.equal(records[0]!.detail.returned, 2, 'the account list says how many accounts it showed');
  t.equal(records[4]!.actor, chief.account.userId);
});

onBothStores(t, 'an image request citing the wrong search, and a role refused, are audited as refusals', async (t, h) => {
  const app = await api(t, h);
  const [read] = await h.addReads([{ plate: 'MSS4321' }]);
  const officer = await h.user('officer');
  const search = await app.inject({ method: 'POST', url: '/api/v1/search', headers: bearer(officer.token), payload: { ...lawful, plate: 'MSS4321', mode: 'exact' } });
  t.equal(search.statusCode, 200);
  const before = await headSeq(h);
  const wrong = await app.inject({ method: 'GET', url: `/api/v1/reads/${read!.id}/images?searchId=1`, headers: bearer(officer.token) });
  t.equal(wrong.statusCode, 404);
  const forbidden = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: bearer(officer.token) });
  t.equal(forbidden.statusCode, 403);
  const records = await since(h, before);
  t.match(records, [
    { action: 'reads.viewImage', outcome: 'refused', actor: officer.account.userId, detail: { code: 'ALPR_ERR_NOT_FOUND', params: { readId: read!.id }, query: { searchId: 1 }, stage: 'service' } },
    { action: 'accounts.list', outcome: 'refused', actor: officer.account.userId, detail: { code: 'ALPR_ERR_FORBIDDEN', status: 403 } },
  ]);
  t.equal(records.length, 2);
});

onBothStores(t, 'a request its service audits gets no second record, and an unknown API route is recorded', async (t, h) => {
  const app = await api(t, h);
  await h.addReads([{ plate: 'MSS4321' }]);
  const officer = await h.user('officer');
  const before = await headSeq(h);
  await app.inject({ method: 'POST', url: '/api/v1/search', headers: bearer(officer.token), payload: { ...lawful, plate: 'MSS4321', mode: 'exact' } });
  await app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: bearer(officer.token) });
  t.same((await since(h, before)).map((r) => [r.action, r.outcome, r.detail.code ?? null]), [['reads.search', 'ok', null], ['http.request', 'refused', 'ALPR_ERR_NOT_FOUND']]);
});

// SQLite only: the same hook and burst counter serve both stores, and 10,000 requests through
// PostgreSQL take a minute of this shared machine's two cores.
t.test('a flood of 10,000 bad-token requests in a minute from one IP is counted in two records, none dropped', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const app = await api(t, h);
  const before = await headSeq(h);
  const FLOOD = 10_000;
  const token = randomBytes(32).toString('base64url');
  for (let i = 0; i < FLOOD; i += 100) {
    const replies = await Promise.all(Array.from({ length: 100 }, () => app.inject({ method: 'GET', url: '/api/v1/devices', headers: bearer(token) })));
    t.ok(replies.every((r) => r.statusCode === 401), `batch ${i / 100} refused`);
    h.clock.advance(500); // the flood spans 50 s
  }
  t.equal((await since(h, before)).length, 1, 'during the burst only its first request is written');
  h.clock.advance(10_000); // the minute since the first one ends
  await eventually(async () => (await since(h, before)).length === 2);
  const records = await since(h, before);
  t.ok(records.every((r) => r.action === 'auth.tokenRefused' && r.detail.ip === '127.0.0.1'));
  t.equal(records.reduce((n, r) => n + Number(r.detail.count), 0), FLOOD, 'the counts add up to every request');
  t.same((await h.services.audit.verify()).problems, []);
});

onBothStores(t, 'counts still open when the API closes are written, not lost', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  const before = await headSeq(h);
  for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: '/api/v1/holds', headers: { authorization: 'Bearer x' } });
  t.equal((await since(h, before)).length, 1);
  await app.close();
  t.same((await since(h, before)).map((r) => [r.action, r.detail.count]), [['auth.tokenRefused', 1], ['auth.tokenRefused', 4]]);
});

t.test('a report file downloaded again (a Buffer, never serialised) is still audited, with what was downloaded', async (t) => {
  const h = await harness(t, 'sqlite');
  if (!h) return;
  h.clock.setWall(Date.UTC(2026, 11, 2, 9));
  const app = await api(t, h);
  const auditor = await h.user('auditor');
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/reports/monthly/2026-11', headers: bearer(auditor.token) })).statusCode, 200, 'the report is written (and audited) once');
  const before = await headSeq(h);
  const csv = await app.inject({ method: 'GET', url: '/api/v1/reports/monthly/2026-11/csv', headers: bearer(auditor.token) });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /text\/csv/);
  const records = await since(h, before);
  t.equal(records.length, 1, 'one record for the download');
  t.match(records[0], { actor: auditor.account.userId, action: 'report.download', outcome: 'ok', detail: { params: { kind: 'monthly', month: '2026-11', format: 'csv' } } });
});
