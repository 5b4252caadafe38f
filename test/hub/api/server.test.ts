import { randomBytes, randomUUID } from 'node:crypto';
import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { base32Decode, onBothStores, PASSWORD, START, type Harness } from '../../helpers/hubHarness.js';
import { totp } from '../../../hub/accounts/totp.js';

const lawful = { purpose: 'missing_person', offense: 'NCIC-MP', caseNumber: '26-009001', description: 'endangered elderly driver missing since Tuesday' };

async function api(t: Tap, h: Harness) {
  const log = captureLogger();
  const app = await buildApi({ services: h.services, logger: log.logger });
  t.teardown(() => app.close());
  return { app, log };
}
type Tap = import('tap').Test;

onBothStores(t, 'a newly created officer activates, enrolls TOTP, signs in and runs a purpose-gated search over HTTP', async (t, h) => {
  const { app, log } = await api(t, h);
  await h.addReads([{ plate: 'MSS4321' }]);
  const admin = await h.user('admin');
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const created = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: auth(admin.token), payload: {
    username: 'pat.officer', displayName: 'Pat Officer', role: 'officer', trainingCompletedAt: START - 86_400_000, policySignedAt: START - 86_400_000, leadsCertifiedAt: START - 86_400_000,
  } });
  t.equal(created.statusCode, 201, created.body);
  const activation = await app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { activationToken: created.json().activationToken, password: PASSWORD } });
  t.equal(activation.statusCode, 200);
  const secret = base32Decode(new URL(activation.json().otpauthUri).searchParams.get('secret')!);
  const confirm = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/confirm', payload: { username: 'pat.officer', password: PASSWORD, code: h.code(secret) } });
  t.equal(confirm.statusCode, 200, confirm.body);
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'pat.officer', password: PASSWORD, code: h.code(secret) } });
  t.equal(signIn.statusCode, 200, signIn.body);
  const token = signIn.json().token as string;
  t.equal(signIn.json().idleTimeoutMinutes, 30);

  const search = await app.inject({ method: 'POST', url: '/api/v1/search', headers: auth(token), payload: { ...lawful, plate: 'MSS4321', mode: 'exact' } });
  t.equal(search.statusCode, 200, search.body);
  const { searchId, hits } = search.json();
  t.equal(hits.length, 1);
  t.notOk('crop' in hits[0], 'search results carry no images');
  const images = await app.inject({ method: 'GET', url: `/api/v1/reads/${hits[0].id}/images?searchId=${searchId}`, headers: auth(token) });
  t.equal(images.statusCode, 200);
  t.equal(Buffer.from(images.json().cropJpegBase64, 'base64').toString(), 'crop-jpeg');

  const refused = await app.inject({ method: 'POST', url: '/api/v1/search', headers: auth(token), payload: { ...lawful, description: 'owner may be an undocumented immigrant', plate: 'MSS4321', mode: 'exact' } });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'ALPR_ERR_PURPOSE_PROHIBITED');
  t.match(refused.json().message, /immigration enforcement/, 'the refusal is explained');
  const suspended = await app.inject({ method: 'POST', url: '/api/v1/search', headers: auth(token), payload: { ...lawful, plate: 'MSS4321', mode: 'exact' } });
  t.equal(suspended.statusCode, 403);
  t.equal(suspended.json().code, 'ALPR_ERR_SEARCH_SUSPENDED', 'the account is suspended at once');
  const [flag] = (await app.inject({ method: 'GET', url: '/api/v1/reviews', headers: auth(admin.token) })).json();
  t.equal(flag.suspension, 'suspended');
  const lifted = await app.inject({ method: 'POST', url: `/api/v1/reviews/${flag.flagId}/decision`, headers: auth(admin.token), payload: { decision: 'lift', reason: 'description was a mistake; case is a missing person' } });
  t.equal(lifted.statusCode, 200, lifted.body);
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/search', headers: auth(token), payload: { ...lawful, plate: 'MSS4321', mode: 'exact' } })).statusCode, 200, 'a lifted suspension restores search');

  const verify = await app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: auth(admin.token) });
  t.same(verify.json().problems, [], 'every step landed in a verifiable chain');
  const actions = (await h.services.audit.query({ limit: 1000 })).map((r) => `${r.action}:${r.outcome}`);
  for (const a of ['account.create:ok', 'account.activate:ok', 'account.mfaEnroll:ok', 'auth.signIn:ok', 'reads.search:ok', 'reads.viewImage:ok', 'reads.search:refused', 'search.suspend:ok', 'search.suspensionLifted:ok']) t.ok(actions.includes(a), a);

  const lines = log.lines();
  t.ok(lines.some((l) => (l.req as { url?: string } | undefined)?.url === '/api/v1/search'), 'access logs are written');
  t.notOk(JSON.stringify(lines).includes(token), 'the token never reaches the logs');
  t.notOk(JSON.stringify(lines).includes('MSS4321'), 'nor does the plate searched');
});

onBothStores(t, 'injection strings and malformed bodies get 4xx and change nothing', async (t, h) => {
  const { app } = await api(t, h);
  const u = await h.user('officer');
  await h.addReads([{ plate: 'SAFE001' }]);
  const before = await h.store.countReads();
  const auditBefore = (await h.services.audit.head())!.seq;
  const bad: Array<[string, string, unknown]> = [
    ['POST', '/api/v1/search', { ...lawful, plate: "' OR '1'='1", mode: 'exact' }],
    ['POST', '/api/v1/search', { ...lawful, plate: "SAFE001'; DROP TABLE reads; --", mode: 'exact' }],
    ['POST', '/api/v1/search', { ...lawful, plate: 'SAFE001', mode: 'exact', caseNumber: "1'; DELETE FROM audit_log; --" }],
    ['POST', '/api/v1/search', { ...lawful, plate: 'SAFE001', mode: 'regex' }],
    ['POST', '/api/v1/search', { ...lawful, plate: 'SAFE001', mode: 'exact', admin: true }],
    ['POST', '/api/v1/search', { ...lawful, plate: 'SAFE001', mode: 'exact', limit: -1 }],
    ['POST', '/api/v1/search', { ...lawful, plate: 'SAFE001', mode: 'exact', siteIds: ["x' OR 1=1"] }],
    ['POST', '/api/v1/search', '{"plate": "SAFE001", '],
    ['POST', '/api/v1/search', [1, 2, 3]],
    ['POST', '/api/v1/search', 'x'.repeat(70_000)],
    ['GET', '/api/v1/reads/not-a-uuid/images?searchId=1', undefined],
    ['GET', "/api/v1/reads/00000000-0000-4000-8000-000000000000/images?searchId=1%20OR%201=1", undefined],
    ['POST', '/api/v1/auth/sign-in', { username: "admin' --", password: 'x', code: '000000' }],
    ['POST', '/api/v1/auth/sign-in', { username: 'officer1', password: PASSWORD, code: "' OR 1" }],
  ];
  for (const [method, url, payload] of bad) {
    const res = await app.inject({
      method: method as 'GET' | 'POST', url, headers: { authorization: `Bearer ${u.token}`, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url} ${String(JSON.stringify(payload)).slice(0, 60)} → ${res.statusCode}`);
    t.match(res.json(), { code: /^ALPR_ERR_/ }, 'a typed error body');
  }
  t.equal(await h.store.countReads(), before, 'no read was changed');
  const { problems } = await h.services.audit.verify();
  t.same(problems, [], 'the audit chain is intact');
  t.ok((await h.services.audit.head())!.seq >= auditBefore, 'and nothing was removed from it');
});

onBothStores(t, 'routes refuse missing, expired and under-privileged sessions', async (t, h) => {
  const { app } = await api(t, h);
  const officer = await h.user('officer');
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts' })).statusCode, 401);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { authorization: `Bearer ${officer.token}` } })).statusCode, 403);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/audit', headers: { authorization: `Bearer ${officer.token}` } })).statusCode, 403);
  h.clock.advance(31 * 60_000);
  const idle = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${officer.token}` } });
  t.equal(idle.statusCode, 401);
  t.equal(idle.json().code, 'ALPR_ERR_SESSION_EXPIRED');
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: officer.username, password: 'not the password at all!!', code: totp(officer.secret, h.clock.now()) } });
  t.equal(wrong.statusCode, 401);
});

onBothStores(t, 'the OpenAPI document describes every route from the same schemas', async (t, h) => {
  const { app } = await api(t, h);
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  t.equal(doc.openapi.slice(0, 2), '3.');
  for (const path of ['/api/v1/search', '/api/v1/auth/sign-in', '/api/v1/evidence/exports', '/api/v1/audit/verify', '/api/v1/sites']) t.ok(doc.paths[path], path);
  const searchSchema = doc.paths['/api/v1/search'].post.requestBody.content['application/json'].schema;
  t.ok(searchSchema.properties.caseNumber);
  t.match(searchSchema.properties.offense.description, /120: Robbery -> violent_crime/, 'the offense vocabulary and what each allows are in the document');
  t.match(searchSchema.properties.offense.description, /IMMIGRATION: .* -> refused, never allowed/);
  t.ok(doc.paths['/api/v1/offenses'], 'and served as a list');
  t.notOk(Object.keys(doc.paths).some((p) => /bulk|dump|all-reads/.test(p)), 'no bulk read endpoint');
});

onBothStores(t, 'over HTTP a search takes a colour filter and each hit shows its colour; a colour outside the list is a 400 naming the field', async (t, h) => {
  const { app } = await api(t, h);
  await h.addReads([{ plate: 'MSS4321', vehicleColour: 'blue' }, { plate: 'MSS4321', vehicleColour: 'white', capturedAt: START - 2 * 86_400_000 }]);
  const officer = await h.user('officer');
  const headers = { authorization: `Bearer ${officer.token}` };
  const blue = await app.inject({ method: 'POST', url: '/api/v1/search', headers, payload: { ...lawful, plate: 'MSS4321', mode: 'exact', colours: ['blue'] } });
  t.equal(blue.statusCode, 200, blue.body);
  t.same(blue.json().hits.map((hit: { vehicleColour: string }) => hit.vehicleColour), ['blue']);
  const purple = await app.inject({ method: 'POST', url: '/api/v1/search', headers, payload: { ...lawful, plate: 'MSS4321', mode: 'exact', colours: ['purple'] } });
  t.equal(purple.statusCode, 400);
  t.equal(purple.json().code, 'ALPR_ERR_INVALID_INPUT');
  t.match(purple.json().message, /colours/);
});

onBothStores(t, 'a store failure answers 503 with its code and a plain sentence; the statement it failed on is only in the log', async (t, h) => {
  const { app, log } = await api(t, h);
  const admin = await h.user('admin');
  await h.store.sql.run('ALTER TABLE sessions RENAME TO sessions_gone');
  t.teardown(() => h.store.sql.run('ALTER TABLE sessions_gone RENAME TO sessions'));
  const r = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { authorization: `Bearer ${admin.token}` } });
  t.equal(r.statusCode, 503);
  t.same(r.json(), { code: 'ALPR_ERR_STORE', message: 'the hub\'s database did not answer; try again shortly', retryable: true });
  t.notMatch(r.body, /SELECT|sessions|statement/, 'no SQL, table or statement in the answer');
  t.ok(log.lines().some((l) => /statement failed: SELECT/.test(JSON.stringify(l))), 'the log keeps which statement failed');
});

onBothStores(t, 'an unknown route or method answers 404 ALPR_ERR_NOT_FOUND in the API\'s error shape, without echoing the address', async (t, h) => {
  const { app } = await api(t, h);
  const admin = await h.user('admin');
  for (const [method, url] of [['GET', '/api/v1/nothing-here/%3Cscript%3E'], ['OPTIONS', '/api/v1/accounts'], ['PUT', '/api/v1/accounts'], ['DELETE', '/api/v1/search']] as const) {
    const r = await app.inject({ method, url, headers: { authorization: `Bearer ${admin.token}` } });
    t.equal(r.statusCode, 404, `${method} ${url}`);
    t.same(r.json(), { code: 'ALPR_ERR_NOT_FOUND', message: `no ${method} route at this address`, retryable: false });
  }
  const refused = (await h.services.audit.query({ limit: 200 })).filter((r) => r.detail.status === 404);
  t.ok(refused.length >= 1 && refused.every((r) => r.outcome === 'refused' && r.detail.code === 'ALPR_ERR_NOT_FOUND'), 'and is audited as a refused request');
});

onBothStores(t, 'a suspended account is refused on every authenticated route but signing out and its own account (VII.H), and gets them back once the suspension is lifted', async (t, h) => {
  const { app } = await api(t, h);
  const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` });
  const admin = await h.user('admin');
  const reviewer = await h.user('admin');
  const holdId = randomUUID();
  await h.store.sql.run('INSERT INTO holds (hold_id, read_id, case_number, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)', [holdId, randomUUID(), '26-009001', reviewer.account.userId, h.clock.now()]);
  const flagId = await h.services.reviews.raise(admin.account.userId, 'a refused administrative search', 0);

  const calls = (n: number) => [
    { method: 'POST' as const, url: '/api/v1/devices', payload: { deviceId: `pole-s${n}`, siteId: 'site-1', publicKey: randomBytes(32).toString('base64') }, ok: 201 },
    { method: 'GET' as const, url: '/api/v1/audit', ok: 200 },
    { method: 'GET' as const, url: '/api/v1/holds', ok: 200 },
    { method: 'POST' as const, url: `/api/v1/holds/${holdId}/release`, payload: { reason: 'case closed, evidence booked' }, ok: 200 },
    { method: 'POST' as const, url: '/api/v1/enrollment-tokens', payload: { siteId: 'site-1' }, ok: 201 },
    { method: 'GET' as const, url: '/api/v1/offenses', ok: 200 },
  ];
  for (const c of calls(1)) {
    const reply = await app.inject({ method: c.method, url: c.url, headers: bearerOf(admin.token), ...(c.payload ? { payload: c.payload } : {}) });
    t.equal(reply.statusCode, 403, `${c.method} ${c.url} refused while suspended`);
    t.equal(reply.json().code, 'ALPR_ERR_SEARCH_SUSPENDED', `${c.method} ${c.url}: ALPR_ERR_SEARCH_SUSPENDED`);
  }
  t.equal(await h.store.getDevice('pole-s1'), null, 'no device was enrolled');
  t.ok((await h.services.evidence.activeHolds()).some((x) => x.holdId === holdId), 'the hold was not released');
  const review = await app.inject({ method: 'GET', url: '/api/v1/reviews', headers: bearerOf(admin.token) });
  t.equal(review.json().code, 'ALPR_ERR_SEARCH_SUSPENDED', 'nor does it see or review suspensions');

  // What a suspended account still reaches: its own account, and signing out.
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearerOf(admin.token) });
  t.equal(me.statusCode, 200, me.body);
  t.equal(me.json().account.userId, admin.account.userId);
  const second = await h.services.accounts.signIn(admin.username, PASSWORD, h.code(admin.secret));
  t.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: bearerOf(second.token) })).statusCode, 204, 'it signs out');
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearerOf(second.token) })).statusCode, 401, 'and that session is over');

  const lifted = await app.inject({ method: 'POST', url: `/api/v1/reviews/${flagId}/decision`, headers: bearerOf(reviewer.token), payload: { decision: 'lift', reason: 'reviewed: an honest mistake' } });
  t.equal(lifted.statusCode, 200, lifted.body);
  for (const c of calls(2)) {
    const reply = await app.inject({ method: c.method, url: c.url, headers: bearerOf(admin.token), ...(c.payload ? { payload: c.payload } : {}) });
    t.equal(reply.statusCode, c.ok, `${c.method} ${c.url} works once the suspension is lifted: ${reply.body.slice(0, 200)}`);
  }
  t.equal((await h.store.getDevice('pole-s2'))?.siteId, 'site-1', 'the device is enrolled');
  t.notOk((await h.services.evidence.activeHolds()).some((x) => x.holdId === holdId), 'the hold is released');
});
