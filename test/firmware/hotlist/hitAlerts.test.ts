import t from 'tap';
import { join } from 'node:path';
import { AlprError, ManualClock } from '../../../core/index.js';
import { THIRTY_DAYS_MS } from '../../../firmware/index.js';
import { HitAlerts } from '../../../firmware/hotlist/hitAlerts.js';
import { HotlistKeeper } from '../../../firmware/hotlist/hotlistKeeper.js';
import { readdir } from 'node:fs/promises';
import {
  alpr, encodeHotlistEntries, envelopeHeader, keyId, newSealingKeys, newSigningKeys, openAlert, sealHotlistUpdate, signAlertAck, topics, type ReadRecord, type Uplink,
} from '../../../sync/index.js';
import { captureLogger, eventually, makeRead, tempDir } from '../../helpers/index.js';

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
    handlers: new Map<string, (payload: Buffer) => void>(),
    onTopic: (topic: string, handler: (payload: Buffer) => void) => void link.handlers.set(topic, handler),
    on: () => undefined,
    hubNow: () => null,
    /** The hub-clock capture time the uplink would send a read with (here: a fixed correction, to tell it from the device's time). */
    wireCaptureTime: (r: ReadRecord) => r.hubCapturedAt ?? r.capturedAt + 7,
    hubSealKey: { publicKey: hubSeal.publicKey, keyId: keyId(hubSeal.publicKey) },
    publishNow: async (_topic: string, payload: Uint8Array) => {
      if (!link.up) throw new AlprError('ALPR_ERR_SYNC_BROKER', 'the broker is not connected');
      link.published.push(payload);
    },
  };
  return link;
}

/**
 * An appliance's hit alerts on a manual clock, listing ABC1234 (IL), its link down until `uplink.up`
 * is set. `wallMs` is where the wall clock starts; `dir` an appliance's data folder to start again on (a reboot).
 */
async function started(t: Tap, { retryMs, wallMs = NOW, dir: reuse, hubHeard = false }: { retryMs: number; wallMs?: number; dir?: string; hubHeard?: boolean }) {
  const dir = reuse ?? (await tempDir(t));
  const clock = new ManualClock(wallMs);
  const { logger, lines } = captureLogger();
  // `hubHeard`: the hub was heard from in this run (before the link went down), so the list's expiry can be judged though the wall clock is unset.
  const hubNow = hubHeard ? () => NOW + clock.monotonic() : undefined;
  const keeper = new HotlistKeeper({ dir: join(dir, 'hotlist'), deviceId: 'pole-1', deviceKey: device.privateKey, hubVerifyKey: hub.publicKey, ...(hubNow ? { hubNow } : {}), clock, logger });
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
  /** Delivers a hub's signed alert ack (or refusal) as the broker would. */
  const hubAnswers = (ack: alpr.v1.IAlertAck) => uplink.handlers.get(topics.alertAcks('pole-1'))!(Buffer.from(signAlertAck({ deviceId: 'pole-1', ackedAtMs: NOW, ...ack }, hub.privateKey)));
  return { dir, clock, lines, uplink, alerts, hubAnswers };
}

const DAY = 86_400_000;

t.test('a hit found with the wall clock at 1970 and the link down is deleted once the appliance\'s own clock has run 31 days', async (t) => {
  // The read was stamped before the hub was first heard from (no hub-clock capture time); the hub came, and went, before it was matched.
  const { clock, lines, uplink, alerts } = await started(t, { retryMs: 60_000, wallMs: 0, hubHeard: true });
  t.equal(await alerts.check(makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: 0 })), 1);
  clock.advance(29 * DAY);
  await alerts.flush();
  t.equal(await alerts.pending(), 1, 'within 30 days it waits for the hub');
  clock.advance(2 * DAY);
  await alerts.flush();
  t.equal(await alerts.pending(), 0, 'past 30 days on the appliance\'s clock it is gone, though the wall clock still reads January 1970');
  t.equal(alerts.counters.expired, 1);
  t.ok(lines().some((l) => /passed the retention limit; deleted unsent/.test(String(l.msg))), 'the deletion is logged');
  uplink.up = true;
  await alerts.flush();
  t.equal(uplink.published.length, 0, 'it never reaches the hub');
});

t.test('the age of a pending hit survives a restart with the wall clock at 1970 again (no RTC)', async (t) => {
  const first = await started(t, { retryMs: 60_000, wallMs: 0, hubHeard: true });
  t.equal(await first.alerts.check(makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: 0, hubCapturedAt: NOW })), 1);
  first.clock.advance(20 * DAY);
  await first.alerts.flush();
  await first.alerts.stop();
  // The box restarts: its wall clock is back at 1970, its monotonic clock at 0.
  const second = await started(t, { retryMs: 60_000, wallMs: 0, dir: first.dir });
  second.clock.advance(9 * DAY);
  await second.alerts.flush();
  t.equal(await second.alerts.pending(), 1, 'after 29 days in all it still waits');
  second.clock.advance(2 * DAY);
  await second.alerts.flush();
  t.equal(await second.alerts.pending(), 0, 'after 31 days in all (20 before the restart) it is gone');
});

t.test('a wall clock that was set weeks ahead, then corrected, does not keep a pending hit past 30 days', async (t) => {
  const { clock, alerts } = await started(t, { retryMs: 60_000, wallMs: NOW + 50 * DAY });
  t.equal(await alerts.check(makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: clock.now() })), 1);
  clock.setWall(NOW);
  clock.advance(31 * DAY);
  await alerts.flush();
  t.equal(await alerts.pending(), 0);
});

t.test('hits pending under an older release\'s names (their capture times) are aged from the capture, or as old as the spool\'s clock when that is 1970', async (t) => {
  const dir = await tempDir(t);
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(join(dir, 'alerts'), { recursive: true });
  await writeFile(join(dir, 'alerts', `${String(NOW - 20 * DAY).padStart(15, '0')}-r1.e1.alert`), 'sealed hit');
  await writeFile(join(dir, 'alerts', `${String(5).padStart(15, '0')}-r2.e1.alert`), 'sealed hit, captured in 1970');
  const { clock, alerts } = await started(t, { retryMs: 60_000, dir });
  t.equal((await readdir(join(dir, 'alerts'))).filter((n) => n.startsWith('e')).length, 2, 'both renamed onto the spool\'s clock');
  clock.advance(9 * DAY);
  await alerts.flush();
  t.equal(await alerts.pending(), 2, '29 days after the capture both wait');
  clock.advance(2 * DAY);
  await alerts.flush();
  t.equal(await alerts.pending(), 0, '31 days after the capture both are gone');
});

t.test('a hit the hub refuses as past retention is deleted at once and logged, not offered again', async (t) => {
  const { clock, lines, uplink, alerts, hubAnswers } = await started(t, { retryMs: 5000 });
  uplink.up = true;
  const read = makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: NOW });
  await alerts.check(read);
  t.equal(uplink.published.length, 1);
  hubAnswers({ readId: read.id, entryId: 'e1', refusal: alpr.v1.AlertRefusal.ALERT_REFUSAL_EXPIRED, reason: 'captured 56 years ago' });
  await eventually(() => alerts.counters.refused + alerts.counters.acked > 0);
  t.equal(await alerts.pending(), 0, 'deleted');
  t.same({ refused: alerts.counters.refused, acked: alerts.counters.acked }, { refused: 1, acked: 0 });
  t.ok(lines().some((l) => /refused a hot-list hit as past the retention period/.test(String(l.msg)) && l.reason === 'captured 56 years ago'), 'logged with the hub\'s reason');
  clock.advance(3_600_000);
  await alerts.flush();
  t.equal(uplink.published.length, 1, 'never offered again');
});

t.test('a hit is delivered with the uplink\'s hub-clock capture time and deleted on the hub\'s ack', async (t) => {
  const { uplink, alerts, hubAnswers } = await started(t, { retryMs: 5000 });
  uplink.up = true;
  const read = makeRead({ plate: 'ABC1234', region: 'IL', capturedAt: NOW });
  delete read.hubCapturedAt;
  await alerts.check(read);
  t.equal(uplink.published.length, 1, 'sent at once');
  const hit = openAlert(envelopeHeader(uplink.published[0]!), hubSeal, device.publicKey);
  t.equal(Number(hit.read!.capturedAtMs), NOW + 7, 'with the capture time the batch path would send, not the device\'s raw reading');
  t.equal(Number(hit.read!.deviceCapturedAtMs), NOW);
  hubAnswers({ readId: read.id, entryId: 'e1' });
  await eventually(() => alerts.counters.refused + alerts.counters.acked > 0);
  t.equal(await alerts.pending(), 0, 'deleted');
  t.same({ refused: alerts.counters.refused, acked: alerts.counters.acked }, { refused: 0, acked: 1 });
});

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
