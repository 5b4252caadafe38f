import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

onBothStores(t, "an administrator's import cannot replace the detectives' internal list nor file rows as a felony case", async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const detective = await h.user('detective');
  const admin = await h.user('admin');
  const entry = await app.inject({ method: 'POST', url: '/api/v1/hotlists/entries', headers: bearer(detective.token),
    payload: { plate: 'KID777', category: 'amber', caseNumber: '26-004411', reason: 'child taken from school by an armed stranger' } });
  t.equal(entry.statusCode, 201, entry.body);
  const columns = { recordId: 'ID', file: 'F', plate: 'P', state: 'S' };
  const importAs = (mapping: object) => app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(admin.token), payload: { mapping, csv: 'ID,F,P,S\n1,X,EXW1FE,IL\n' } });

  const asInternal = await importAs({ source: 'internal', columns, categories: { X: 'stolen_vehicle' }, maxDropShare: 1 });
  t.equal(asInternal.statusCode, 400, 'a mapping named after the internal list is refused');
  t.match(asInternal.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: /\/source: 'internal'/ });
  const asFelony = await importAs({ source: 'county', columns, categories: { X: 'felony_vehicle' } });
  t.equal(asFelony.statusCode, 400, 'so is one that files rows as felony_vehicle, a category only a case entry carries');
  t.match(asFelony.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: /felony_vehicle.*\(X\)/ });

  t.equal((await h.services.hotlists.find(detective.account, 'KID777')).length, 1, "the detective's AMBER entry is still listed");
  t.equal((await h.services.hotlists.find(detective.account, 'EXW1FE')).length, 0, 'and the plate the admin sent was listed by neither');
  await app.close(); // writes the count of refusals after the first (auditBursts)
  const refused = (await h.services.audit.query({ limit: 200 })).filter((r) => r.action === 'hotlist.import' && r.outcome === 'refused');
  t.equal(refused.length, 2, 'both attempts are in the audit chain as refused imports');
  t.match(refused[0]!.detail, { code: 'ALPR_ERR_INVALID_INPUT', message: /internal/ });
});

onBothStores(t, 'an extract whose header lacks a column is refused naming the header, cut short, not echoed whole', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const admin = await h.user('admin');
  const csv = `${'X,'.repeat(1_000_000)}Y\n`;
  const r = await app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(admin.token), payload: { csv } });
  t.equal(r.statusCode, 400);
  t.match(r.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: /no NIC column \(header: X,X,.*\.\.\. \(1000001 columns\)\)$/ });
  t.ok(r.body.length < 1000, `the answer stays small (${r.body.length} bytes for a ${csv.length}-byte header)`);
});

onBothStores(t, 'two administrators posting a decision on one held import at once: one gets 200, the other 409 ALPR_ERR_CONFLICT', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const [first, second] = [await h.user('admin'), await h.user('admin')];
  const columns = { recordId: 'ID', file: 'F', plate: 'P', state: 'S' };
  const mapping = { source: 'county', columns, categories: { X: 'stolen_vehicle' } };
  const post = (token: string, csv: string) => app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(token), payload: { mapping, csv } });
  t.equal((await post(first.token, 'ID,F,P,S\n1,X,AAA111,IL\n2,X,BBB222,IL\n')).statusCode, 201);
  const held = (await post(first.token, 'ID,F,P,S\n1,X,AAA111,IL\n')).json();
  t.equal(held.status, 'held', 'dropping half the list is held');
  const decide = (token: string, apply: boolean) => app.inject({ method: 'POST', url: `/api/v1/hotlists/imports/${held.importId}/decision`, headers: bearer(token), payload: { apply, note: 'checked with the county' } });
  const answers = await Promise.all([decide(first.token, true), decide(second.token, false)]);
  t.same(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join('\n'));
  const won = answers.find((a) => a.statusCode === 200)!.json();
  t.match(answers.find((a) => a.statusCode === 409)!.json(), { code: 'ALPR_ERR_CONFLICT', message: `import ${held.importId} is ${won.status} by ${won.decidedBy}, not held: it was decided already` });
  t.equal((await h.services.hotlists.importRun(held.importId))!.status, won.status);
  await app.close();
  const chain = (await h.services.audit.query({ limit: 500 })).filter((r) => r.detail.importId === held.importId || (r.detail.params as { importId?: string } | undefined)?.importId === held.importId);
  t.same(chain.map((r) => [r.action, r.outcome, r.actor]), [['hotlist.import', 'refused', first.account.userId], ['hotlist.import.decide', 'ok', won.decidedBy], ['http.request', 'refused', won.decidedBy === first.account.userId ? second.account.userId : first.account.userId]],
    'the chain holds the held import, the one decision, and the losing request as refused');
  t.match(chain.at(-1)!.detail, { status: 409, code: 'ALPR_ERR_CONFLICT' });
});
