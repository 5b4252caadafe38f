import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { silentLogger } from '../core/index.js';
import { ImageCipher, IngestService, loadOrCreateHubKeys, SqliteStore } from '../hub/index.js';

/**
 * The hub half of the sync benchmark, in a process of its own as it is in service (the appliance
 * and the hub are different machines; in one process they would share one event loop): ingest on
 * SQLite through the broker until the parent disconnects. Says `ready` over IPC once subscribed.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, keys: { type: 'string' }, broker: { type: 'string' } } });
  if (!values.db || !values.keys || !values.broker || !process.send) {
    process.stderr.write('usage (from bench/sync.ts over IPC): syncHub.ts --db FILE --keys DIR --broker URL\n');
    return 64;
  }
  const keys = await loadOrCreateHubKeys(values.keys);
  const store = new SqliteStore({ path: values.db, images: new ImageCipher(keys.imageKey), now: Date.now });
  await store.migrate();
  const ingest = new IngestService({
    brokerUrl: values.broker, username: 'hub', password: '', sharedGroup: `bench-${randomBytes(3).toString('hex')}`, clientId: `bench-hub-${randomBytes(3).toString('hex')}`,
    store, keys, maxBatchBytes: 64e6, maxImageBytes: 4e6, now: Date.now, logger: silentLogger(),
  });
  await ingest.start();
  const stopped = new Promise<void>((resolve) => process.once('disconnect', resolve));
  process.send('ready');
  await stopped;
  await ingest.stop();
  await store.close();
  return 0;
}
