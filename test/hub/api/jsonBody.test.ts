import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { MAX_JSON_DEPTH } from '../../../hub/api/jsonBody.js';
import { captureLogger } from '../../helpers/index.js';
import { harness, onBothStores } from '../../helpers/hubHarness.js';

const search = { plate: 'ABC1234', mode: 'exact', purpose: 'stolen_vehicle', offense: '240', caseNumber: '26-004512', description: 'stolen car, last seen heading west' };
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

t.test('a search body nested thirty thousand levels deep is refused as invalid input and audited, not answered 500', async (t) => {
  const h = await harness(t, 'sqlite');
  if (!h) return;
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const officer = await h.user('officer');
  const headers = { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json' };
  const payload = `${JSON.stringify(search).slice(0, -1)},"extra":${nested(30_000)}}`;
  t.ok(payload.length < 64 * 1024, 'the body is within the size limit');
  const deep = await app.inject({ method: 'POST', url: '/api/v1/search', headers, payload });
  t.equal(deep.statusCode, 400);
  t.match(deep.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: `body: JSON nested more than ${MAX_JSON_DEPTH} levels deep` });
  const [record] = await h.services.audit.query({ action: 'reads.search', limit: 5 });
  t.match(record, { actor: officer.account.userId, outcome: 'refused', detail: { code: 'ALPR_ERR_INVALID_INPUT', status: 400 } }, 'the refused search is in the audit chain');

  const shallow = await app.inject({ method: 'POST', url: '/api/v1/search', headers, payload: `${JSON.stringify(search).slice(0, -1)},"extra":${nested(MAX_JSON_DEPTH - 1)}}` });
  t.equal(shallow.statusCode, 400, 'a body within the depth reaches the schema');
  t.match(shallow.json().message, /extra|additional/i, 'which refuses the unknown property');
  const poisoned = await app.inject({ method: 'POST', url: '/api/v1/search', headers, payload: `${JSON.stringify(search).slice(0, -1)},"__proto__":{"role":"chief"}}` });
  t.equal(poisoned.statusCode, 400, 'a __proto__ key is still refused as fastify refuses it');
  t.equal(poisoned.json().code, 'ALPR_ERR_INVALID_INPUT');
});

onBothStores(t, 'a NUL character in a body, a query string or a path is refused as invalid input on every store, never answered as a store failure', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const admin = await h.user('admin');
  const detective = await h.user('detective');
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const nul = 'x\u0000y';
  const answers = {
    signIn: await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: `bob${nul}`, password: 'wrong wrong wrong wrong wrong', code: '123456' } }),
    account: await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(admin.token), payload: { username: 'nul.user', displayName: `Nul ${nul}`, role: 'officer' } }),
    key: await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { ...bearer(admin.token), 'content-type': 'application/json' }, payload: '{"username":"nul.user","displayName":"Nul","role":"officer","a\\u0000":1}' }),
    entry: await app.inject({ method: 'POST', url: '/api/v1/hotlists/entries', headers: bearer(detective.token), payload: { plate: 'KID777', category: 'amber', caseNumber: '26-004411', reason: `child taken from school ${nul}` } }),
    query: await app.inject({ method: 'GET', url: '/api/v1/hotlists/entries?plate=AB%00CD', headers: bearer(detective.token) }),
  };
  for (const [name, r] of Object.entries(answers)) {
    t.equal(r.statusCode, 400, `${name}: 400`);
    t.match(r.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: /NUL/, retryable: false }, `${name}: invalid input, naming the NUL`);
    t.notMatch(r.body, /statement|INSERT|SELECT|accounts \(/, `${name}: no SQL in the answer`);
  }
  t.equal(await h.services.accounts.byUsername('nul.user'), null, 'no account was made');
  t.equal((await h.services.hotlists.find(detective.account, 'KID777')).length, 0, 'no entry was listed');
  const refused = (await h.services.audit.query({ limit: 200 })).filter((r) => r.outcome !== 'ok');
  t.ok(refused.length >= 4 && refused.every((r) => r.outcome === 'refused' && r.detail.code === 'ALPR_ERR_INVALID_INPUT'), 'each is audited as refused input, none as a failure');
});
