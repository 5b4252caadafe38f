import t from 'tap';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../../core/index.js';
import { fetchExtract, HotlistSchedule } from '../../../hub/hotlists/hotlistSchedule.js';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { JobLease } from '../../../hub/ops/jobLease.js';
import { onBothStores } from '../../helpers/hubHarness.js';

const EXTRACT = fileURLToPath(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url));

onBothStores(t, 'two hub processes scheduling the same source import it once per period between them', async (tt, h) => {
  const source = { mapping: NCIC_MAPPING, location: EXTRACT, everyMinutes: 60 };
  const schedules = ['hub-a', 'hub-b'].map((holder) => new HotlistSchedule({
    hotlists: h.services.hotlists, sources: [source], audit: h.services.audit, clock: h.clock, logger: silentLogger(),
    lease: new JobLease({ sql: h.store.sql, clock: h.clock, holder }),
  }));
  const imports = async () => (await h.services.audit.query({ action: 'hotlist.import', limit: 100 })).length;
  for (const schedule of schedules) await schedule.start();
  for (const schedule of schedules) await schedule.stop();
  tt.equal(await imports(), 1, 'both started; one imported');
  for (const schedule of schedules) await schedule.start();
  for (const schedule of schedules) await schedule.stop();
  tt.equal(await imports(), 1, 'restarting within the period imports nothing more');
  h.clock.advance(60 * 60_000);
  for (const schedule of schedules) await schedule.start();
  for (const schedule of schedules) await schedule.stop();
  tt.equal(await imports(), 2, 'the next period imports once again');
});

t.test('an extract over HTTP is read whole; an error status, an oversized body with or without a declared length, and a body that breaks off are typed errors', async (tt) => {
  const extract = readFileSync(EXTRACT, 'utf8');
  const server = createServer((req, res) => {
    if (req.url === '/extract.csv') return res.end(extract);
    if (req.url === '/declared-large') {
      res.writeHead(200, { 'content-length': String(10_000) });
      return res.end('x'.repeat(10_000));
    }
    if (req.url === '/chunked-large') {
      // No content-length: the body arrives in chunks and never says how long it will be.
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      let sent = 0;
      const more = () => {
        if (sent >= 100) return res.end();
        sent++;
        res.write('y'.repeat(1_000), more);
      };
      return more();
    }
    if (req.url === '/breaks-off') {
      res.writeHead(200, { 'content-length': String(3_000) });
      res.write('z'.repeat(1_000));
      return setTimeout(() => res.destroy(), 20);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tt.teardown(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  tt.equal(await fetchExtract(`${base}/extract.csv`, 5_000, 4_096), extract, 'the extract as served');
  await tt.rejects(fetchExtract(`${base}/missing`, 5_000, 4_096), { code: 'ALPR_ERR_HOTLIST_SOURCE', message: /HTTP 404/ });
  await tt.rejects(fetchExtract(`${base}/declared-large`, 5_000, 4_096), { code: 'ALPR_ERR_HOTLIST_SOURCE', message: /declares 10000 bytes, over the 4096-byte limit/ });
  await tt.rejects(fetchExtract(`${base}/chunked-large`, 5_000, 4_096), { code: 'ALPR_ERR_HOTLIST_SOURCE', message: /sent more than 4096 bytes, over the 4096-byte limit/ }, 'a body with no declared length is cut off at the limit');
  await tt.rejects(fetchExtract(`${base}/breaks-off`, 5_000, 4_096), { code: 'ALPR_ERR_HOTLIST_SOURCE', message: /broke off/ });
});
