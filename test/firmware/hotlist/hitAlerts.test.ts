import t from 'tap';
import { join } from 'node:path';
import { AlprError, ManualClock } from '../../../core/index.js';
import { THIRTY_DAYS_MS } from '../../../firmware/index.js';
import { HitAlerts } from '../../../firmware/hotlist/hitAlerts.js';
import { HotlistKeeper } from '../../../firmware/hotlist/hotlistKeeper.js';
import { encodeHotlistEntries, keyId, newSealingKeys, newSigningKeys, sealHotlistUpdate, type Uplink } from '../../../sync/index.js';
import { captureLogger, makeRead, tempDir } from '../../helpers/index.js';

const NOW = Date.UTC(2026, 10, 30, 12);
const hub = newSigningKeys();
const hubSeal = newSealingKeys();
const device = newSigningKeys();

type Tap = import('tap').Test;

/** The uplink as HitAlerts uses it: a link that is down until `up` is set, and what it published. */
function fakeUplink() {
  const link = {
    up: false,
    published: [] as Uint8Array[],
    onTopic: () => undefined,
    on: () => undefined,
    hubNow: () => null,
    hubSealKey: { publicKey: hubSeal.publicKey, keyId: keyId(hubSeal.publicKey) },
    publishNow: async (_topic: string, payload: Uint8Array) => {
      if (!link.up) throw new AlprError('ALPR_ERR_SYNC_BROKER', 'the broker is not connected');
      link.published.push(payload);
    },
  };
  return link;
}

/** An appliance's hit alerts on a manual clock, listing ABC1234 (IL), its link down until `uplink.up` is set. */
async function started(t: Tap, { retryMs }: { retryMs: number }) {
  const dir = await tempDir(t);
  const clock = new ManualClock(NOW);
  const { logger, lines } = captureLogger();
  const keeper = new HotlistKeeper({ dir: join(dir, 'hotlist'), deviceId: 'pole-1', deviceKey: device.privateKey, hubVerifyKey: hub.publicKey, clock, logger });
  await keeper.start();
  await keeper.receive(sealHotlistUpdate({
    deviceId: 'pole-1', version: 1, snapshot: true, part: 0, parts: 1, issuedAtMs: NOW, listExpiresAtMs: NOW + 60 * 86_400_000,
    upserts: encodeHotlistEntries([{ entryId: 'e1', plate: 'ABC1234', state: 'IL', category: 'stolen_vehicle', source: 'ncic', priority: 1 }]),
  }, hub.privateKey, device.publicKey));
  const uplink = fakeUplink();
  const alerts = new HitAlerts({
    dir: join(dir, 'alerts'), deviceId: 'pole-1', deviceKey: device.privateKey, hub: { verifyKey: hub.publicKey }, keeper, uplink: uplink as unknown as Uplink,
    retryMs, retentionMs: THIRTY_DAYS_MS, clock, logger,
  });
  await alerts.start();
  t.teardown(() => alerts.stop());
  return { clock, lines, uplink, alerts };
}

t.test('a hit the hub never acknowledged is deleted unsent once past the 30-day retention, and logged; a newer one is still sent', async (t) => {
  const { clock, lines, uplink, alerts } = await started(t, { retryMs: 60_000 });
  t.equal(await alerts.check(makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: NOW })), 1, 'the hit is found with the link down');
  clock.advance(THIRTY_DAYS_MS - 1000);
  await alerts.flush();
  t.equal(await alerts.pending(), 1, 'within 30 days it waits for the hub');
  clock.advance(2000);
  await alerts.check(makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: clock.now() }));
  uplink.up = true;
  await alerts.flush();
  t.equal(uplink.published.length, 1, 'only the newer hit went to the hub; the old one was not sent as a fresh alert');
  t.equal(await alerts.pending(), 1, 'the old hit is deleted, the newer one waits for its ack');
  t.equal(alerts.counters.expired, 1);
  t.ok(lines().some((l) => l.msg === 'hot-list hits the hub never acknowledged passed the retention limit; deleted unsent' && l.expired === 1), 'the deletion is logged');
});

t.test('a hit the hub takes but never acknowledges is offered again less and less often (at most every 10 minutes), logged once as probably refused', async (t) => {
  const { clock, lines, uplink, alerts } = await started(t, { retryMs: 5000 });
  uplink.up = true;
  await alerts.check(makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: NOW }));
  t.equal(uplink.published.length, 1, 'the hit goes to the hub at once');
  const sendsIn = async (ms: number) => {
    const before = uplink.published.length;
    for (let at = 0; at < ms; at += 5000) {
      clock.advance(5000);
      await alerts.flush();
    }
    return uplink.published.length - before;
  };
  t.equal(await sendsIn(60_000), 3, 'in its first minute unacknowledged it is offered again after 5, 15 and 35 s (a lost ack costs seconds)');
  t.ok(await sendsIn(3_600_000) <= 9, 'in the next hour at most nine times, not 720');
  t.equal(await sendsIn(3_600_000), 6, 'then once every 10 minutes, still within retention');
  t.equal(lines().filter((l) => /without acknowledging it/.test(String(l.msg))).length, 1, 'logged once as probably refused');

  uplink.up = false;
  clock.advance(600_000);
  await alerts.flush();
  uplink.up = true;
  t.equal(await sendsIn(5000), 1, 'a failed publish (link down) is not an offer: it goes as soon as the link is back');
  t.equal(await alerts.pending(), 1, 'it is never deleted unacknowledged before retention');
});
