import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';
import { DEFAULT_HOTLIST_RULES } from '../../../hub/hotlists/hotlistService.js';
import { parseImportMapping } from '../../../hub/hotlists/importMapping.js';

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

/** A county list the hub host configured in the policy file, as administrators may import it over the API. */
const COUNTY = { source: 'county', columns: { recordId: 'ID', file: 'F', plate: 'P', state: 'S' }, categories: { X: 'stolen_vehicle' } };
const withCounty = { hotlists: { ...DEFAULT_HOTLIST_RULES, sources: [{ location: '/srv/drop/county.csv', everyMinutes: 60, mapping: parseImportMapping(COUNTY) }] } };

onBothStores(t, 'two administrators posting a decision on one held import at once: one gets 200, the other 409 ALPR_ERR_CONFLICT', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  // The first sends the extracts; the second and the third decide (an upload is applied by someone else).
  const [uploader, first, second] = [await h.user('admin'), await h.user('admin'), await h.user('admin')];
  const mapping = COUNTY;
  const post = (token: string, csv: string) => app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(token), payload: { mapping, csv } });
  const decide = (importId: string, token: string, apply: boolean) => app.inject({ method: 'POST', url: `/api/v1/hotlists/imports/${importId}/decision`, headers: bearer(token), payload: { apply, note: 'checked with the county' } });
  const list = await post(uploader.token, 'ID,F,P,S\n1,X,AAA111,IL\n2,X,BBB222,IL\n');
  t.equal((await decide(list.json().importId, first.token, true)).statusCode, 200);
  const held = (await post(uploader.token, 'ID,F,P,S\n1,X,AAA111,IL\n')).json();
  t.equal(held.status, 'held', 'dropping half the list is held');
  const answers = await Promise.all([decide(held.importId, first.token, true), decide(held.importId, second.token, false)]);
  t.same(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join('\n'));
  const won = answers.find((a) => a.statusCode === 200)!.json();
  t.match(answers.find((a) => a.statusCode === 409)!.json(), { code: 'ALPR_ERR_CONFLICT', message: `import ${held.importId} is ${won.status} by ${won.decidedBy}, not held: it was decided already` });
  t.equal((await h.services.hotlists.importRun(held.importId))!.status, won.status);
  await app.close();
  const chain = (await h.services.audit.query({ limit: 500 })).filter((r) => r.detail.importId === held.importId || (r.detail.params as { importId?: string } | undefined)?.importId === held.importId);
  t.same(chain.map((r) => [r.action, r.outcome, r.actor]), [['hotlist.import', 'refused', uploader.account.userId], ['hotlist.import.decide', 'ok', won.decidedBy], ['http.request', 'refused', won.decidedBy === first.account.userId ? second.account.userId : first.account.userId]],
    'the chain holds the held import, the one decision, and the losing request as refused');
  t.match(chain.at(-1)!.detail, { status: 409, code: 'ALPR_ERR_CONFLICT' });
}, withCounty);

onBothStores(t, "an administrator imports only the NCIC mapping or a source the policy file configures, as configured, and only while current and not suspended", async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const admin = await h.user('admin');
  const post = (token: string, csv: string, mapping?: object) => app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(token), payload: { csv, ...(mapping ? { mapping } : {}) } });
  const warrant = 'ID,F,P,S,A\n1,W,EXW1FE,IL,unpaid parking tickets - traffic warrant\n';
  const columns = { ...COUNTY.columns, action: 'A' };

  const invented = await post(admin.token, warrant, { source: 'township', columns, categories: { W: 'wanted_person' } });
  t.equal(invented.statusCode, 403, 'a source the policy file does not name is refused');
  t.match(invented.json(), { code: 'ALPR_ERR_FORBIDDEN', message: /'township' is not configured/ });
  const remapped = await post(admin.token, warrant, { ...COUNTY, columns, categories: { W: 'wanted_person' } });
  t.equal(remapped.statusCode, 400, 'a configured source mapped otherwise than configured is refused');
  t.match(remapped.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: /not the one the hub's policy file configures/ });
  t.equal((await h.services.hotlists.find((await h.user('detective')).account, 'EXW1FE')).length, 0, 'the plate is on no list');
  const county = await post(admin.token, 'ID,F,P,S\n1,X,CTY111,IL\n', COUNTY);
  t.match({ status: county.statusCode, run: county.json().status }, { status: 201, run: 'held' }, 'the configured county list, as configured, is taken, held for a second administrator');

  const lapsed = await h.user('admin', { certified: false });
  t.match((await post(lapsed.token, 'NIC,FILE,LIC,LIS\nV1,VEH,LAP111,IL\n')).json(), { code: 'ALPR_ERR_ACCOUNT_LAPSED' }, 'an administrator whose certifications lapsed imports nothing');
  const suspended = await h.user('admin');
  await h.services.reviews.raise(suspended.account.userId, 'a refused administrative search', 0);
  const refused = await post(suspended.token, 'NIC,FILE,LIC,LIS\nV1,VEH,SUS111,IL\n');
  t.equal(refused.statusCode, 403);
  t.match(refused.json(), { code: 'ALPR_ERR_SEARCH_SUSPENDED' }, 'nor does one suspended after a refused search');
  t.equal((await h.services.hotlists.find((await h.user('detective')).account, 'SUS111')).length, 0);
}, withCounty);

onBothStores(t, 'an imported record expires on a date the calendar has, with a four-digit year, or the row is refused as invalid', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const admin = await h.user('admin');
  const csv = 'NIC,FILE,LIC,LIS,EXP\nV1,VEH,FAR111,IL,+275760-09-13\nV2,VEH,FEB311,IL,2027-02-31\nV3,VEH,CAL111,IL,20270229\nV4,VEH,OKD111,IL,2027-03-01\nV5,VEH,OKT111,IL,2027-03-01T12:00:00Z\n';
  const run = await app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(admin.token), payload: { csv } });
  t.equal(run.statusCode, 201, run.body);
  t.match(run.json(), { added: 2, refused: { invalid: 3 } }, 'a six-digit year, February 31 and February 29 of 2027 are refused; a date and a date-time are taken');
  await h.services.hotlists.decideImport((await h.user('admin')).account, run.json().importId, { apply: true, note: 'checked against the hot file' });
  const detective = await h.user('detective');
  t.equal((await h.services.hotlists.find(detective.account, 'OKT111'))[0]?.expiresAt, Date.parse('2027-03-01T12:00:00Z'));
});

onBothStores(t, 'an administrator suspended after a refused search lifts no other suspension, so two cannot lift each other', async (t, h) => {
  const [a, b] = [await h.user('admin'), await h.user('admin')];
  const flagA = await h.services.reviews.raise(a.account.userId, 'refused administrative search', 0);
  const flagB = await h.services.reviews.raise(b.account.userId, 'refused administrative search', 0);
  await t.rejects(h.services.reviews.decide(flagB, 'lift', 'reviewed, an honest mistake', a.account.userId), { code: 'ALPR_ERR_SEARCH_SUSPENDED', message: /suspended .* until a supervisor reviews it: it cannot review another account's suspension/ });
  t.ok(await h.services.reviews.isSuspended(b.account.userId), 'the other stays suspended');
  const supervisor = await h.user('admin');
  await h.services.reviews.decide(flagA, 'lift', 'reviewed, an honest mistake', supervisor.account.userId);
  t.notOk(await h.services.reviews.isSuspended(a.account.userId), 'a supervisor who is not suspended lifts it');
});

onBothStores(t, 'an extract sent over the API is held until another administrator applies it: its sender cannot, so one person alone lists no plate', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const [sender, other] = [await h.user('admin'), await h.user('admin')];
  const detective = await h.user('detective');
  const sent = await app.inject({ method: 'POST', url: '/api/v1/hotlists/imports', headers: bearer(sender.token), payload: { csv: 'NIC,FILE,LIC,LIS\nX000001,WNT,EXAMPLE1,\n' } });
  t.equal(sent.statusCode, 201, sent.body);
  t.equal(sent.json().status, 'held', 'held, not applied');
  t.equal((await h.services.hotlists.find(detective.account, 'EXAMPLE1')).length, 0, 'the plate is on no list');
  const own = await app.inject({ method: 'POST', url: `/api/v1/hotlists/imports/${sent.json().importId}/decision`, headers: bearer(sender.token), payload: { apply: true, note: 'looks right to me' } });
  t.equal(own.statusCode, 403);
  t.equal(own.json().code, 'ALPR_ERR_SEPARATION_OF_DUTIES', 'its sender cannot apply it');
  t.equal((await h.services.hotlists.find(detective.account, 'EXAMPLE1')).length, 0, 'still on no list');
  const applied = await app.inject({ method: 'POST', url: `/api/v1/hotlists/imports/${sent.json().importId}/decision`, headers: bearer(other.token), payload: { apply: true, note: 'checked against the LEADS hot file' } });
  t.equal(applied.statusCode, 200, applied.body);
  t.equal((await h.services.hotlists.find(detective.account, 'EXAMPLE1')).length, 1, 'another administrator applies it');
});
