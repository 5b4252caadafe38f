import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { base32Decode, onBothStores, PASSWORD, type Harness } from '../../helpers/hubHarness.js';

type Tap = import('tap').Test;

async function api(t: Tap, h: Harness) {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  return app;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const lawful = { purpose: 'violent_crime', offense: '120', caseNumber: '26-004411', description: 'armed robbery, getaway car seen on Harlem', plate: 'ABC1234', mode: 'exact' };

onBothStores(t, 'an admin cannot make an auditor over the API, so it cannot hold an activation token for the role that checks it', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const officer = await h.user('officer');
  const auditor = await h.user('auditor');
  const create = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(admin.token), payload: { username: 'puppet.auditor', displayName: 'Puppet Auditor', role: 'auditor' } });
  t.equal(create.statusCode, 403, 'creating an auditor through the API is refused');
  t.equal(create.json().code, 'ALPR_ERR_SEPARATION_OF_DUTIES');
  t.notOk(create.json().activationToken, 'and no activation token is handed out');
  t.match(create.json().message, /hub host/);
  t.equal(await h.services.accounts.byUsername('puppet.auditor'), null, 'no account was created');
  const promote = await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${officer.account.userId}`, headers: bearer(admin.token), payload: { role: 'auditor', reason: 'needs to see the audit trail' } });
  t.equal(promote.statusCode, 403, 'an account the admin made cannot be turned into an auditor either');
  const demote = await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${auditor.account.userId}`, headers: bearer(admin.token), payload: { role: 'officer', reason: 'reassigned to patrol' } });
  t.equal(demote.statusCode, 403, 'nor can the admin take the auditor role away from the one checking it');
  t.equal((await h.services.accounts.get(officer.account.userId))?.role, 'officer');
  t.equal((await h.services.accounts.get(auditor.account.userId))?.role, 'auditor');
  const refused = (await h.services.audit.query({ limit: 20 })).filter((r) => r.outcome === 'refused' && (r.action === 'account.create' || r.action === 'account.roleChange'));
  t.equal(refused.length, 3, 'each refusal is audited');
  const host = await h.services.accounts.create({ username: 'real.auditor', displayName: 'Real Auditor', role: 'auditor' }, 'cli:root', 'host');
  t.equal(host.account.role, 'auditor', 'on the hub host the auditor is created as before');
});

onBothStores(t, 'an admin cannot make itself chief, or anyone chief, over the API; role changes need a reason', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const officer = await h.user('officer');
  const patch = (userId: string, payload: unknown) => app.inject({ method: 'PATCH', url: `/api/v1/accounts/${userId}`, headers: bearer(admin.token), payload: payload as object });

  const self = await patch(admin.account.userId, { role: 'chief', reason: 'the chief is on leave' });
  t.equal(self.statusCode, 403);
  t.equal(self.json().code, 'ALPR_ERR_SEPARATION_OF_DUTIES');
  const chief = await patch(officer.account.userId, { role: 'chief', reason: 'acting chief this week' });
  t.equal(chief.statusCode, 403);
  t.match(chief.json().message, /hub host/);
  const create = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(admin.token), payload: { username: 'second.chief', displayName: 'Second Chief', role: 'chief' } });
  t.equal(create.statusCode, 403, 'nor create a chief account');
  const noReason = await patch(officer.account.userId, { role: 'detective' });
  t.equal(noReason.statusCode, 400);
  t.match(noReason.json().message, /reason/);
  t.equal((await h.services.accounts.get(admin.account.userId))?.role, 'admin');
  t.equal((await h.services.accounts.get(officer.account.userId))?.role, 'officer', 'nothing changed');
  const badDate = await patch(officer.account.userId, { role: 'detective', reason: 'promotion to detective', trainingCompletedAt: h.clock.now() + 86_400_000 });
  t.equal(badDate.statusCode, 400, 'a date in the future is refused');
  t.equal((await h.services.accounts.get(officer.account.userId))?.role, 'officer', 'and the role in the same update is not changed either');

  const ok = await patch(officer.account.userId, { role: 'detective', reason: 'assigned to investigations' });
  t.equal(ok.statusCode, 200, ok.body);
  t.equal(ok.json().role, 'detective');
  const audit = (await h.services.audit.query({ action: 'account.roleChange', limit: 10 })).map((r) => `${r.outcome}:${r.detail.to}`);
  t.same(audit, ['refused:chief', 'refused:chief', 'ok:detective'], 'refusals and the change are audited');
});

onBothStores(t, 'request bodies are never coerced: a null training date stays null and the account cannot search', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const officer = await h.user('officer');
  await h.addReads([{ plate: 'ABC1234' }]);
  const before = await app.inject({ method: 'POST', url: '/api/v1/search', headers: bearer(officer.token), payload: lawful });
  t.equal(before.statusCode, 200, 'trained: the search runs');

  const cleared = await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${officer.account.userId}`, headers: { ...bearer(admin.token), 'content-type': 'application/json' }, payload: '{"trainingCompletedAt": null}' });
  t.equal(cleared.statusCode, 200, cleared.body);
  t.equal(cleared.json().trainingCompletedAt, null, 'stored as null, not 0');
  const search = await app.inject({ method: 'POST', url: '/api/v1/search', headers: bearer(officer.token), payload: lawful });
  t.equal(search.statusCode, 403);
  t.equal(search.json().code, 'ALPR_ERR_ACCOUNT_LAPSED');
  t.match(search.json().message, /training/);

  const refused: Array<[string, string, unknown]> = [
    ['PATCH', `/api/v1/accounts/${officer.account.userId}`, { trainingCompletedAt: String(Date.now() - 86_400_000) }],
    ['PATCH', `/api/v1/accounts/${officer.account.userId}`, { trainingCompletedAt: false }],
    ['PATCH', `/api/v1/accounts/${officer.account.userId}`, { trainingCompletedAt: [h.clock.now() - 1000] }],
    ['POST', '/api/v1/search', { ...lawful, limit: '5' }],
    ['POST', '/api/v1/search', { ...lawful, from: null }],
    ['POST', '/api/v1/felony-requests', { caseNumber: 260001, description: 'a written request long enough to pass' }],
  ];
  for (const [method, url, payload] of refused) {
    const token = url.startsWith('/api/v1/accounts') ? admin.token : officer.token;
    const res = await app.inject({ method: method as 'PATCH' | 'POST', url, headers: bearer(token), payload: payload as object });
    t.equal(res.statusCode, 400, `${method} ${url} ${JSON.stringify(payload)} is refused, not coerced`);
    t.equal(res.json().code, 'ALPR_ERR_INVALID_INPUT');
  }
  t.equal((await h.services.accounts.get(officer.account.userId))?.trainingCompletedAt, null, 'nothing was stored by the refused requests');
});

onBothStores(t, 'query strings and path parameters, which arrive as text, are still read as their types', async (t, h) => {
  const app = await api(t, h);
  const auditor = await h.user('auditor');
  const officer = await h.user('officer');
  await h.addReads([{ plate: 'ABC1234' }]);
  const records = await app.inject({ method: 'GET', url: '/api/v1/audit?limit=2&afterSeq=1', headers: bearer(auditor.token) });
  t.equal(records.statusCode, 200, records.body);
  t.equal(records.json().length, 2);
  t.equal(records.json()[0].seq, 2);
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/audit?limit=two', headers: bearer(auditor.token) })).statusCode, 400);
  const search = await app.inject({ method: 'POST', url: '/api/v1/search', headers: bearer(officer.token), payload: lawful });
  const { searchId, hits } = search.json();
  const images = await app.inject({ method: 'GET', url: `/api/v1/reads/${hits[0].id}/images?searchId=${searchId}`, headers: bearer(officer.token) });
  t.equal(images.statusCode, 200, images.body);
  t.equal((await app.inject({ method: 'GET', url: `/api/v1/reads/${hits[0].id}/images?searchId=1.5`, headers: bearer(officer.token) })).statusCode, 400);
});

onBothStores(t, 'sign-in over HTTP says how long the session lasts, and failures look the same for every name', async (t, h) => {
  const app = await api(t, h);
  const officer = await h.user('officer');
  const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: officer.username, password: PASSWORD, code: h.code(officer.secret) } });
  t.equal(ok.statusCode, 200);
  t.match(ok.json(), { idleTimeoutMinutes: 30, lifetimeHours: 12 });
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: officer.username, password: 'a wrong passphrase of some length', code: h.code(officer.secret) } });
  const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'no.such.user', password: 'a wrong passphrase of some length', code: h.code(officer.secret) } });
  t.equal(unknown.statusCode, wrong.statusCode);
  t.same(unknown.json(), wrong.json(), 'the same body for an unknown name as for a wrong password');
  t.same(Object.keys(unknown.headers).sort(), Object.keys(wrong.headers).sort(), 'and the same headers');
});

onBothStores(t, 'failed sign-ins over HTTP lock the name for the address they came from, not for the officer elsewhere', async (t, h) => {
  const app = await api(t, h);
  const officer = await h.user('officer');
  const signIn = (remoteAddress: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress, payload: { username: officer.username, password, code: h.code(officer.secret) } });
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) statuses.push((await signIn('203.0.113.66', 'a wrong passphrase of some length')).statusCode);
  t.same(statuses, [401, 401, 401, 401, 401, 423, 423], 'five wrong answers from one address, then 423 Locked');
  const locked = await signIn('203.0.113.66', PASSWORD);
  t.equal(locked.statusCode, 423, 'the right password too, from that address');
  t.equal(locked.json().code, 'ALPR_ERR_AUTH_LOCKED');
  t.equal((await signIn('198.51.100.20', PASSWORD)).statusCode, 200, 'the officer signs in from the station');
  const refusals = (await h.services.audit.query({ action: 'auth.signIn', limit: 50 })).filter((r) => r.outcome === 'refused');
  t.same(refusals.map((r) => r.detail.ip), ['203.0.113.66', '203.0.113.66', '203.0.113.66'], 'each refusal is audited with its address');
});

onBothStores(t, 'behind a trusted reverse proxy the sign-in locks count the client the proxy names, and nobody else can name their own address', async (t, h) => {
  const proxied = await buildApi({ services: h.services, logger: captureLogger().logger, trustedProxies: ['10.0.0.0/24'] });
  t.teardown(() => proxied.close());
  const officer = await h.user('officer');
  const signIn = (app: typeof proxied, remoteAddress: string, forwardedFor: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress, headers: { 'x-forwarded-for': forwardedFor }, payload: { username: officer.username, password, code: h.code(officer.secret) } });
  const wrong = 'a wrong passphrase of some length';
  const statuses: number[] = [];
  // The attacker writes an address of their own choosing first; the proxy appends the one it saw.
  for (let i = 0; i < 6; i++) statuses.push((await signIn(proxied, '10.0.0.5', `192.0.2.${i + 1}, 203.0.113.66`, wrong)).statusCode);
  t.same(statuses, [401, 401, 401, 401, 401, 423], 'through the proxy, five wrong answers from one client lock it, whatever it wrote in the header');
  t.equal((await signIn(proxied, '10.0.0.5', '198.51.100.20', PASSWORD)).statusCode, 200, 'the officer signs in through the same proxy from the station');
  const refusals = (await h.services.audit.query({ action: 'auth.signIn', limit: 50 })).filter((r) => r.outcome === 'refused');
  t.same(refusals.map((r) => r.detail.ip), ['203.0.113.66'], 'the refusal is audited with the client the proxy named');

  const direct = await api(t, h);
  const rotating: number[] = [];
  for (let i = 0; i < 6; i++) rotating.push((await signIn(direct, '198.51.100.77', `192.0.2.${i + 1}`, wrong)).statusCode);
  t.same(rotating, [401, 401, 401, 401, 401, 423], 'without a trusted proxy, a header that changes every time does not dodge the lock');
  const notListed: number[] = [];
  for (let i = 0; i < 6; i++) notListed.push((await signIn(proxied, '10.0.1.9', `192.0.2.${i + 1}`, wrong)).statusCode);
  t.same(notListed, [401, 401, 401, 401, 401, 423], 'nor does one sent from an address that is not a listed proxy');
});

onBothStores(t, 'an admin cannot deactivate the auditor or the Chief over the API; the host can, and the refusal is audited', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const auditor = await h.user('auditor');
  const chief = await h.user('chief');
  const officer = await h.user('officer');
  for (const target of [auditor, chief]) {
    const r = await app.inject({ method: 'POST', url: `/api/v1/accounts/${target.account.userId}/deactivate`, headers: bearer(admin.token), payload: { reason: 'reorganisation of the unit' } });
    t.equal(r.statusCode, 403, target.account.role);
    t.match(r.json(), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES', message: /deactivated only on the hub host/ });
    t.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(target.token) })).statusCode, 200, `the ${target.account.role} is still signed in`);
  }
  const refusals = await h.services.audit.query({ action: 'account.deactivate', limit: 10 });
  t.same(refusals.map((r) => [r.actor, r.outcome, r.detail.role]), [[admin.account.userId, 'refused', 'auditor'], [admin.account.userId, 'refused', 'chief']]);
  const ok = await app.inject({ method: 'POST', url: `/api/v1/accounts/${officer.account.userId}/deactivate`, headers: bearer(admin.token), payload: { reason: 'separated from the department' } });
  t.equal(ok.statusCode, 200, 'other accounts are deactivated over the API as before');
  const host = await h.services.accounts.deactivate(auditor.account.userId, 'cli:root', 'retired, village order 26-4', 'host');
  t.equal(host.status, 'deactivated', 'on the hub host the auditor is deactivated');
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(auditor.token) })).statusCode, 401, 'and its session ends');
  t.match((await h.services.audit.query({ action: 'account.deactivate', limit: 10 })).at(-1), { actor: 'cli:root', outcome: 'ok', detail: { via: 'host' } });
});

onBothStores(t, 'over the API nobody records their own certification dates, nor those of the auditor or the Chief; the host can, and refusals are audited', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const auditor = await h.user('auditor');
  const chief = await h.user('chief');
  const officer = await h.user('officer');
  const patch = (userId: string, payload: unknown) => app.inject({ method: 'PATCH', url: `/api/v1/accounts/${userId}`, headers: bearer(admin.token), payload: payload as object });
  const day = h.clock.now() - 86_400_000;

  const self = await patch(admin.account.userId, { trainingCompletedAt: day, policySignedAt: day, leadsCertifiedAt: day });
  t.equal(self.statusCode, 403, 'an admin does not renew its own training, sign-off and LEADS');
  t.match(self.json(), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES', message: /own certification/ });
  const { trainingCompletedAt, policySignedAt, leadsCertifiedAt } = admin.account;
  t.match((await h.services.accounts.get(admin.account.userId))!, { trainingCompletedAt, policySignedAt, leadsCertifiedAt }, 'its dates are unchanged');
  for (const target of [auditor, chief]) {
    const r = await patch(target.account.userId, { leadsCertifiedAt: null });
    t.equal(r.statusCode, 403, target.account.role);
    t.match(r.json(), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES', message: /only on the hub host/ });
    const me = (await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(target.token) })).json();
    t.same(me.lapses, [], `the ${target.account.role}'s LEADS date is still recorded: nothing has lapsed`);
  }
  const ok = await patch(officer.account.userId, { leadsCertifiedAt: day });
  t.equal(ok.statusCode, 200, 'other accounts\' dates are recorded over the API as before');
  t.equal(ok.json().leadsCertifiedAt, day);
  const host = await h.services.accounts.setCertifications(auditor.account.userId, { leadsCertifiedAt: day }, 'cli:root', 'host');
  t.equal(host.leadsCertifiedAt, day, 'on the hub host the auditor\'s dates are recorded');
  const records = await h.services.audit.query({ action: 'account.certifications', limit: 10 });
  t.same(records.map((r) => [r.actor, r.outcome, r.detail.userId, r.detail.via ?? r.detail.role]), [
    [admin.account.userId, 'refused', admin.account.userId, 'admin'],
    [admin.account.userId, 'refused', auditor.account.userId, 'auditor'],
    [admin.account.userId, 'refused', chief.account.userId, 'chief'],
    [admin.account.userId, 'ok', officer.account.userId, 'api'],
    ['cli:root', 'ok', auditor.account.userId, 'host'],
  ], 'each refusal is audited, and each change with where it came from');
});

onBothStores(t, 'an activation token sent several times at once activates the account once; the other copies are refused', async (t, h) => {
  const app = await api(t, h);
  const admin = await h.user('admin');
  const { activationToken } = await h.services.accounts.create({ username: 'new.officer', displayName: 'New Officer', role: 'officer' }, admin.account.userId);
  // The user and whoever else holds the token (the admin who made it, a copy on the desk) race.
  const answers = await Promise.all(['a', 'b', 'c', 'd'].map((suffix) => app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { activationToken, password: `${PASSWORD} ${suffix}` } })));
  const won = answers.filter((r) => r.statusCode === 200);
  t.equal(won.length, 1, 'exactly one copy activates the account');
  t.same(answers.filter((r) => r.statusCode !== 200).map((r) => [r.statusCode, r.json().code]), [[401, 'ALPR_ERR_AUTH_FAILED'], [401, 'ALPR_ERR_AUTH_FAILED'], [401, 'ALPR_ERR_AUTH_FAILED']], 'the others get the answer a used token gets');
  const activations = await h.services.audit.query({ action: 'account.activate', limit: 50 });
  t.equal(activations.filter((r) => r.detail.username === 'new.officer').length, 1, 'one activation in the audit chain');
  // The secret handed out by the one that won is the one the hub keeps: it enrolls.
  const secret = new URL(won[0]!.json().otpauthUri).searchParams.get('secret')!;
  const password = `${PASSWORD} ${['a', 'b', 'c', 'd'][answers.indexOf(won[0]!)]}`;
  const enrolled = await h.services.accounts.confirmTotp('new.officer', password, h.code(base32Decode(secret)));
  t.equal(enrolled.status, 'active');
});

onBothStores(t, 'an administrator suspended after a refused search changes no accounts, and an account made after a suspension does not lift it', async (t, h) => {
  const app = await api(t, h);
  const suspended = await h.user('admin');
  const flag = await h.services.reviews.raise(suspended.account.userId, 'a refused administrative search', 0);
  const puppet = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(suspended.token), payload: { username: 'puppet.admin', displayName: 'Puppet Admin', role: 'admin', trainingCompletedAt: h.clock.now() - 86_400_000, policySignedAt: h.clock.now() - 86_400_000, leadsCertifiedAt: h.clock.now() - 86_400_000 } });
  t.equal(puppet.statusCode, 403);
  t.equal(puppet.json().code, 'ALPR_ERR_SEARCH_SUSPENDED');
  // Refused by the API's central check (server.ts auth()) before the route's own preHandler, which stays behind it.
  t.match(puppet.json().message, /suspended after a refused search .* until a supervisor reviews it: it cannot use the ALPR system/);
  t.equal(await h.services.accounts.byUsername('puppet.admin'), null, 'no account was made');
  const officer = await h.user('officer');
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/accounts/${officer.account.userId}/deactivate`, headers: bearer(suspended.token), payload: { reason: 'no longer needs access' } })).statusCode, 403, 'nor deactivates one');

  // Made by someone else after the suspension was raised: it does not review it either.
  h.clock.advance(60_000);
  const later = await h.user('admin');
  const decided = await app.inject({ method: 'POST', url: `/api/v1/reviews/${flag}/decision`, headers: bearer(later.token), payload: { decision: 'lift', reason: 'reviewed: an honest mistake' } });
  t.equal(decided.statusCode, 403, decided.body);
  t.match(decided.json().message, /created after a suspension was raised/);
  t.ok(await h.services.reviews.isSuspended(suspended.account.userId), 'the suspension stands');
});
