import t from 'tap';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { hubKillRun, openHubStore, type HubPg } from '../../bench/faults/hubKills.js';
import { loadOrCreateHubKeys } from '../../hub/index.js';
import { PG_URL, serviceAvailable, tempDir } from '../helpers/index.js';
import { checkArrival, contentOf } from '../helpers/readContent.js';

const KILLS = Number(process.env.ALPR_FAULT_HUB_KILLS ?? 3);
// Each kill is a hub process start: about 3 s on an idle 2-core machine, 20 s on a loaded one.
t.setTimeout(8 * 60_000);

for (const engine of ['sqlite', 'pg'] as const) {
  t.test(`${engine}: alpr-hub serve killed with SIGKILL ${KILLS} times during ingest and restarted: nothing acked lost, every read arrives intact and in order`, async (tt) => {
    let pg: HubPg | undefined;
    if (engine === 'pg') {
      if (!(await serviceAvailable(tt, 'postgres'))) return;
      // The shared PostgreSQL only hosts a schema of this test's own here; it is never stopped.
      pg = { url: PG_URL, schema: `alpr_kill_${randomBytes(4).toString('hex')}` };
      const schema = pg.schema;
      tt.teardown(async () => {
        const { default: pgLib } = await import('pg');
        const client = new pgLib.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      });
    }
    const dir = await tempDir(tt, 'alpr-hub-kill-');
    const run = await hubKillRun({ kills: KILLS, dir, ...(pg ? { pg } : {}) });
    tt.same(run.problems, [], 'every hub start became ready, died only by our SIGKILL, and the appliance drained');

    const keys = await loadOrCreateHubKeys(join(run.hubDir, 'keys'));
    const store = openHubStore(run.hubDir, keys.imageKey, pg);
    await store.migrate();
    tt.teardown(() => store.close());
    const atHub = new Set(await store.allReadIds());
    tt.same(run.acked.filter((id) => !atHub.has(id)), [], 'every read the hub acknowledged is in its store');
    const arrival = await checkArrival(store, run.captured.map(contentOf));
    tt.same(arrival, { missing: [], changed: [], unexpected: [], outOfOrder: [] }, 'plate, confidence, times, site, camera and both image hashes match, in capture order');

    const counters = await store.ingestCounters(run.deviceId);
    tt.equal(counters.readsStored, run.captured.length, 'each read stored once');
    tt.equal(counters.readsReceived, counters.readsStored + counters.duplicates);
    tt.equal(counters.gaps, 0, 'the appliance never skipped a batch number (it was not the one killed)');
    tt.equal(counters.duplicates, counters.resentReads, 'every duplicate came in a batch resent under its own number');
    tt.ok(run.captured.length > KILLS * 20, `${run.captured.length} reads, ${counters.batches} batches, ${counters.resentBatches} resent after the kills`);
  });
}
