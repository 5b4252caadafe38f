import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { MAX_JSON_DEPTH } from '../../../hub/api/jsonBody.js';
import { captureLogger } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';

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
