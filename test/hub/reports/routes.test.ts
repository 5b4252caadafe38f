import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';
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
  const running = await app.inject({ method: 'GET', url: '/api/v1/reports/monthly/2026-12', headers: bearer(auditor.token) });
  t.equal(running.statusCode, 400);
  t.match(running.json(), { code: 'ALPR_ERR_INVALID_INPUT', message: /has not ended/ });
  for (const url of ['/api/v1/reports/monthly/2026-13', '/api/v1/reports/weekly/2026-11', '/api/v1/reports/monthly/26-11', '/api/v1/reports/monthly/2026-11/docx', '/api/v1/reports/monthly/2026-11/..%2F..%2Fhub.db']) {
    const bad = await app.inject({ method: 'GET', url, headers: bearer(auditor.token) });
    t.equal(bad.statusCode, 400, url);
    t.equal(bad.json().code, 'ALPR_ERR_INVALID_INPUT', url);
  }
});
