import t from 'tap';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../../core/index.js';
import { HotlistSchedule } from '../../../hub/hotlists/hotlistSchedule.js';
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
