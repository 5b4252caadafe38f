import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';
import { ReportSchedule } from '../../../hub/reports/reportSchedule.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyReport } from '../../../hub/reports/reportVerify.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

onBothStores(t, 'auditors and the Chief get a month\'s signed report over the API, written once; others are refused', async (t, h) => {
  h.clock.setWall(Date.UTC(2026, 11, 2, 9));
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const auditor = await h.user('auditor');
  const chief = await h.user('chief');
  const officer = await h.user('officer');

  const first = await app.inject({ method: 'GET', url: '/api/v1/reports/cpoc/2026-11', headers: bearer(auditor.token) });
  t.equal(first.statusCode, 200, first.body);
  const manifest = first.json();
  t.match(manifest, { format: 'alpr-report/1', kind: 'cpoc', month: '2026-11', generatedBy: auditor.account.userId });
  const again = await app.inject({ method: 'GET', url: '/api/v1/reports/cpoc/2026-11', headers: bearer(chief.token) });
  t.equal(again.json().signature, manifest.signature, 'the Chief gets the same signed report, not a recomputed one');
  t.equal((await h.services.audit.query({ action: 'report.generate', limit: 10 })).length, 1, 'generated and audited once');

  const pdf = await app.inject({ method: 'GET', url: '/api/v1/reports/cpoc/2026-11/pdf', headers: bearer(chief.token) });
  t.equal(pdf.statusCode, 200);
  t.equal(pdf.headers['content-type'], 'application/pdf');
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const html = await app.inject({ method: 'GET', url: '/api/v1/reports/cpoc/2026-11/html', headers: bearer(auditor.token) });
  t.match(html.headers['content-type'], /text\/html/);
  t.same((await verifyReport(h.services.reports.folder('2026-11') + '/cpoc-2026-11.pdf', h.services.reports.verifyKey, h.services.audit)).problems, []);

  const refused = await app.inject({ method: 'GET', url: '/api/v1/reports/monthly/2026-11', headers: bearer(officer.token) });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'ALPR_ERR_FORBIDDEN');
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/reports/monthly/2026-11' })).statusCode, 401);
  const future = await app.inject({ method: 'GET', url: '/api/v1/reports/monthly/2027-01', headers: bearer(auditor.token) });
  t.equal(future.statusCode, 400);
  t.match(future.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: /2027-01 has not begun/ });
  for (const url of ['/api/v1/reports/monthly/2026-13', '/api/v1/reports/weekly/2026-11', '/api/v1/reports/monthly/26-11', '/api/v1/reports/monthly/2026-11/docx', '/api/v1/reports/monthly/2026-11/..%2F..%2Fhub.db']) {
    const bad = await app.inject({ method: 'GET', url, headers: bearer(auditor.token) });
    t.equal(bad.statusCode, 400, url);
    t.equal(bad.json().code, 'ALPR_ERR_INVALID_INPUT', url);
  }
});

onBothStores(t, 'a report written from the host before its month ended never stands for the whole month, and requests arriving together get one signed report', async (t, h) => {
  h.clock.setWall(Date.UTC(2026, 10, 1, 12));
  const reports = h.services.reports;
  const early = await reports.generate('cpoc', '2026-11', 'cli:root');
  t.equal(early.dir, reports.soFarFolder('2026-11'), 'written before the month ended, it goes to the so-far folder');
  t.equal(await reports.existing('cpoc', '2026-11'), null, 'and nothing is in the month\'s own folder');

  h.clock.setWall(Date.UTC(2026, 11, 6, 9));
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const auditor = await h.user('auditor');
  const answers = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'GET', url: '/api/v1/reports/cpoc/2026-11', headers: bearer(auditor.token) })));
  t.same(answers.map((a) => a.statusCode), [200, 200, 200]);
  const manifests = answers.map((a) => a.json());
  t.notOk(manifests[0].through, 'the month is served whole');
  t.same(new Set(manifests.map((m) => m.signature)).size, 1, 'three requests at once get the same signed report');
  const generated = (await h.services.audit.query({ action: 'report.generate', limit: 10 })).filter((r) => !r.detail.through);
  t.equal(generated.length, 1, 'written once');
  t.same((await verifyReport(join(reports.folder('2026-11')!, 'cpoc-2026-11.pdf'), reports.verifyKey, h.services.audit)).problems, [], 'and its files match its manifest');

  const october = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'GET', url: '/api/v1/reports/monthly/2026-10', headers: bearer(auditor.token) })));
  t.same(new Set(october.map((a) => a.json().signature)).size, 1, 'a month nobody asked for yet: three requests at once, one signed report');
  t.equal((await h.services.audit.query({ action: 'report.generate', limit: 20 })).filter((r) => r.detail.month === '2026-10').length, 1, 'written once');
});

onBothStores(t, 'the current month is answered with a signed report so far, marked as such, kept apart from the whole month the schedule writes on the 1st', async (t, h) => {
  const HOUR = 3600_000;
  const dec1 = Date.UTC(2026, 11, 1);
  h.clock.setWall(dec1 + 33 * HOUR); // 2 December, 09:00 UTC
  await h.addReads(Array.from({ length: 5 }, (_, i) => ({ capturedAt: dec1 + 10 * HOUR + i * 60_000, receivedAt: dec1 + 11 * HOUR })));
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const auditor = await h.user('auditor');
  const officer = await h.user('officer');
  const get = (url: string, token = auditor.token) => app.inject({ method: 'GET', url, headers: bearer(token) });
  const reports = h.services.reports;

  const first = await get('/api/v1/reports/transparency/2026-12');
  t.equal(first.statusCode, 200, first.body);
  const soFar = first.json();
  const through = new Date(h.clock.now()).toISOString();
  t.match(soFar, { format: 'alpr-report/1', kind: 'transparency', month: '2026-12', through, generatedBy: auditor.account.userId }, 'the manifest says it covers December up to now');
  const data = (await get('/api/v1/reports/transparency/2026-12/json')).json();
  t.equal(data.through, through);
  t.same(data.data.readsPerDay.map((d: { day: string }) => d.day), ['2026-12-01', '2026-12-02'], 'only the days begun so far');
  t.equal(data.data.readsPerDay[0].reads, 5);
  const html = (await get('/api/v1/reports/transparency/2026-12/html')).body;
  t.match(html, /2026-12 so far, through 2026-12-02 09:\d\d UTC/, 'the page says it is the month so far');
  const pdf = await get('/api/v1/reports/transparency/2026-12/pdf');
  t.equal(pdf.headers['content-type'], 'application/pdf');
  const soFarPdf = join(reports.soFarFolder('2026-12')!, 'transparency-2026-12.pdf');
  t.same((await verifyReport(soFarPdf, reports.verifyKey, h.services.audit)).problems, [], 'signed and tied to the chain like a whole month');
  t.equal(existsSync(join(reports.folder('2026-12')!, 'transparency-2026-12.manifest.json')), false, 'nothing written where the schedule writes the whole month');
  t.match((await h.services.audit.query({ action: 'report.generate', limit: 10 }))[0]?.detail, { kind: 'transparency', month: '2026-12', through }, 'the generation is audited with what it covers');

  t.equal((await get('/api/v1/reports/transparency/2026-12', officer.token)).statusCode, 403, 'the same permission as any report');

  await h.addReads(Array.from({ length: 5 }, (_, i) => ({ capturedAt: dec1 + 33 * HOUR + i * 1000, receivedAt: dec1 + 33 * HOUR + 10_000 })));
  h.clock.advance(2 * 60_000);
  t.equal((await get('/api/v1/reports/transparency/2026-12')).json().signature, soFar.signature, 'within five minutes the same signed report is served');
  h.clock.advance(4 * 60_000);
  const fresh = (await get('/api/v1/reports/transparency/2026-12')).json();
  t.not(fresh.signature, soFar.signature);
  t.equal(fresh.through, new Date(h.clock.now()).toISOString(), 'after five minutes a request writes a fresh report up to its time');
  t.equal((await get('/api/v1/reports/transparency/2026-12/json')).json().data.readsPerDay[1].reads, 5, 'with the reads since');
  t.equal((await h.services.audit.query({ action: 'report.generate', limit: 10 })).length, 2, 'two reports written, two audit records');

  // The 1st of January: the schedule writes December whole, as if no report so far had been asked for.
  h.clock.setWall(Date.UTC(2027, 0, 1, 0, 30));
  const schedule = new ReportSchedule({ reports, audit: h.services.audit, clock: h.clock, logger: captureLogger().logger });
  t.same(await schedule.runDue(), ['monthly', 'cpoc', 'transparency'], 'December\'s reports were all still due');
  const whole = JSON.parse(await readFile(join(reports.folder('2026-12')!, 'transparency-2026-12.manifest.json'), 'utf8'));
  t.equal(whole.through, undefined, 'the final report covers the whole month');
  t.equal(whole.generatedBy, 'system');
  const wholeData = JSON.parse(await readFile(join(reports.folder('2026-12')!, 'transparency-2026-12.json'), 'utf8'));
  t.equal(wholeData.data.readsPerDay.length, 31);
  t.equal(wholeData.data.readsCaptured, 10);
  t.notMatch(await readFile(join(reports.folder('2026-12')!, 'transparency-2026-12.html'), 'utf8'), /so far/);
  const chief = await h.user('chief');
  t.equal((await get('/api/v1/reports/transparency/2026-12', chief.token)).json().signature, whole.signature, 'the API now serves the whole month');
});
