import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApi } from '../../../hub/api/server.js';
import { CONTENT_SECURITY_POLICY } from '../../../hub/console/staticFiles.js';
import { captureLogger, tempDir } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';
import { MONTH, seedMonth } from '../../helpers/reportMonth.js';

t.test('every answer that is data is kept out of the browser cache, never sniffed, rendered or framed', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const dir = await tempDir(t);
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(dir, 'app.js'), 'export {};');
  const app = await buildApi({ services: h.services, logger: captureLogger().logger, consoleDir: dir });
  t.teardown(() => app.close());
  await seedMonth(h);
  h.clock.setWall(Date.UTC(2026, 11, 2, 9));
  const auditor = await h.user('auditor');
  const headers = { authorization: `Bearer ${auditor.token}` };

  const data = {
    'the audit chain': await app.inject({ method: 'GET', url: '/api/v1/audit?limit=5', headers }),
    'a report file to download': await app.inject({ method: 'GET', url: `/api/v1/reports/cpoc/${MONTH}/html`, headers }),
    'a refusal': await app.inject({ method: 'GET', url: '/api/v1/audit' }),
    'an unknown path echoed back': await app.inject({ method: 'GET', url: '/api/v1/<script>alert(1)</script>' }),
  };
  for (const [what, reply] of Object.entries(data)) {
    t.match(reply.headers, {
      'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
    }, `${what} (${reply.statusCode})`);
  }
  t.match(data['a report file to download'].headers['content-disposition'], /^attachment; filename="cpoc-2026-\d\d\.html"$/, 'a report is a download, not a page');

  const page = await app.inject({ method: 'GET', url: '/console/' });
  t.match(page.headers, { 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' }, 'the console page keeps its own policy');
  t.equal((await app.inject({ method: 'GET', url: '/console/app.js' })).headers['cache-control'], 'no-cache', 'and its script stays revalidated, not refetched');
});
