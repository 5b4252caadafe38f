import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger } from '../../../core/index.js';
import { loadOrCreateHubKeys } from '../../../hub/index.js';
import { AlertLink } from '../../../hub/alerts/alertLink.js';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { tempDir } from '../../helpers/index.js';
import { harness } from '../../helpers/hubHarness.js';

t.test('the reads of a stored batch are matched against the hot list with one refresh from the store, and their hits are raised', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  const { hotlists, alerts } = h.services;
  await hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  // Never started: matchStored needs no broker.
  const link = new AlertLink({
    brokerUrl: 'mqtt://127.0.0.1:9', username: 'hub', password: '', sharedGroup: null, clientId: 'alert-link-test', store: h.store,
    keys: await loadOrCreateHubKeys(join(await tempDir(t), 'keys')), hotlists, alerts, maxImageBytes: 1024 * 1024, clock: h.clock, logger: silentLogger(),
  });
  await hotlists.match('ABC1234', 'IL'); // the matcher is current, as on a running hub
  const reads = await h.addReads([
    ...Array.from({ length: 30 }, (_, i) => ({ plate: `CLR${String(i).padStart(4, '0')}`, region: 'IL' })),
    { plate: 'ABC1234', region: 'IL' }, { plate: 'XYZ789', region: 'WI' },
  ]);
  const sql = h.store.sql;
  const hotlistQueries: string[] = [];
  for (const method of ['get', 'all'] as const) {
    const original = sql[method].bind(sql) as (...args: unknown[]) => Promise<unknown>;
    (sql as unknown as Record<string, unknown>)[method] = (text: string, ...rest: unknown[]) => {
      if (text.includes('hotlist_')) hotlistQueries.push(text);
      return original(text, ...rest);
    };
  }
  await link.matchStored(reads);
  t.equal(hotlistQueries.length, 1, `one hot-list query for ${reads.length} reads (${hotlistQueries.length} made)`);
  t.equal(link.stats.alertsRaised, 2, 'both hot plates raised their alert');
  t.equal((await alerts.stats(0, h.clock.now() + 1000)).alerts, 2, 'and the alerts are stored');
});
