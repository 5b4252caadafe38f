import t from 'tap';
import { join } from 'node:path';
import { hubKillRun } from '../../bench/faults/hubKills.js';
import { ImageCipher, loadOrCreateHubKeys, SqliteStore } from '../../hub/index.js';
import { tempDir } from '../helpers/index.js';
import { checkArrival, contentOf } from '../helpers/readContent.js';

const KILLS = Number(process.env.ALPR_FAULT_HUB_KILLS ?? 3);
// Each kill is a hub process start: about 3 s on an idle 2-core machine, 20 s on a loaded one.
t.setTimeout(5 * 60_000);

t.test(`alpr-hub serve killed with SIGKILL ${KILLS} times during ingest and restarted: nothing acked lost, every read arrives intact and in order`, async (tt) => {
  const dir = await tempDir(tt, 'alpr-hub-kill-');
  const run = await hubKillRun({ kills: KILLS, dir });
  tt.same(run.problems, [], 'every hub start became ready, died only by our SIGKILL, and the appliance drained');

  const keys = await loadOrCreateHubKeys(join(run.hubDir, 'keys'));
  const store = new SqliteStore({ path: join(run.hubDir, 'hub.db'), images: new ImageCipher(keys.imageKey), now: Date.now });
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
