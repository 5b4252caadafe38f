import t from 'tap';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManualClock, silentLogger } from '../../../core/index.js';
import { HotlistKeeper } from '../../../firmware/hotlist/hotlistKeeper.js';
import { encodeHotlistEntries, newSigningKeys, sealHotlistUpdate, type alpr } from '../../../sync/index.js';
import { tempDir } from '../../helpers/index.js';

const NOW = Date.UTC(2026, 10, 30, 12);
const hub = newSigningKeys();
const device = newSigningKeys();
const entry = (entryId: string, plate: string) => ({ entryId, plate, state: 'IL', category: 'stolen_vehicle', source: 'ncic', priority: 3 });
const seal = (u: alpr.v1.IHotlistUpdate, signer = hub.privateKey, to = device.publicKey) =>
  sealHotlistUpdate({ deviceId: 'pole-1', issuedAtMs: NOW, listExpiresAtMs: NOW + 86_400_000, ...u, upserts: encodeHotlistEntries(u.upserts ?? []) }, signer, to);

async function keeper(t: import('tap').Test, dir?: string) {
  const clock = new ManualClock(NOW);
  const k = new HotlistKeeper({ dir: dir ?? join(await tempDir(t), 'hotlist'), deviceId: 'pole-1', deviceKey: device.privateKey, hubVerifyKey: hub.publicKey, clock, logger: silentLogger() });
  await k.start();
  return { k, clock };
}

t.test('a snapshot in parts replaces the list only once every part arrived; deltas then follow in order', async (t) => {
  const { k } = await keeper(t);
  await k.receive(seal({ version: 5, snapshot: true, part: 0, parts: 2, upserts: [entry('a', 'AAA111')] }));
  t.equal(k.version, 0, 'half a snapshot is not a list');
  t.same(k.match('AAA111', 'IL'), []);
  await k.receive(seal({ version: 5, snapshot: true, part: 1, parts: 2, upserts: [entry('b', 'BBB222')] }));
  t.equal(k.version, 5);
  t.equal(k.match('BBB222', 'IL').length, 1);
  await k.receive(seal({ version: 6, baseVersion: 5, upserts: [entry('c', 'CCC555')], removedEntryIds: ['a'] }));
  t.equal(k.version, 6);
  t.same(k.match('AAA111', 'IL'), [], 'a removed entry stops matching');
  t.equal(k.match('CCC555', 'IL').length, 1);
  t.equal(k.match('CCC5S5', 'IL')[0]!.nearMatch, true, 'near matches work on the appliance too');
});

t.test('updates not signed by the hub, sealed to another device, or out of version order are refused and counted', async (t) => {
  const { k } = await keeper(t);
  await k.receive(seal({ version: 2, snapshot: true, part: 0, parts: 1, upserts: [entry('a', 'AAA111')] }));
  await k.receive(seal({ version: 3, baseVersion: 2, upserts: [entry('x', 'EVIL01')] }, newSigningKeys().privateKey));
  await k.receive(seal({ version: 3, baseVersion: 2, upserts: [entry('x', 'EVIL02')] }, hub.privateKey, newSigningKeys().publicKey));
  await k.receive(seal({ version: 9, baseVersion: 7, upserts: [entry('x', 'EVIL03')] }));
  await k.receive(seal({ version: 1, baseVersion: 0, upserts: [entry('x', 'EVIL04')] }));
  await k.receive(Buffer.from('not a hot list'));
  t.equal(k.version, 2, 'the list held is unchanged');
  for (const plate of ['EVIL01', 'EVIL02', 'EVIL03', 'EVIL04']) t.same(k.match(plate, null), [], `${plate} never entered the list`);
  t.match(k.status(), { updatesApplied: 1, updatesRefused: 5 });
});

t.test('a signed update carrying a malformed entry is refused whole: the list in use keeps matching', async (t) => {
  const { k } = await keeper(t);
  await k.receive(seal({ version: 2, snapshot: true, part: 0, parts: 1, upserts: [entry('a', 'AAA111')] }));
  const bad = [...encodeHotlistEntries([entry('b', 'BBB222')]), Uint8Array.from([0x0a, 0x40, 0x41])];
  const frame = (u: alpr.v1.IHotlistUpdateFrame) => sealHotlistUpdate({ deviceId: 'pole-1', issuedAtMs: NOW, listExpiresAtMs: NOW + 86_400_000, ...u }, hub.privateKey, device.publicKey);
  await k.receive(frame({ version: 3, baseVersion: 2, upserts: bad }));
  await k.receive(frame({ version: 4, snapshot: true, part: 0, parts: 1, upserts: bad }));
  await k.receive(frame({ version: 4, baseVersion: 2, upserts: encodeHotlistEntries([{ entryId: 'c', plate: '' }]) }));
  t.equal(k.version, 2);
  t.equal(k.status().updatesRefused, 3);
  t.equal(k.match('AAA111', 'IL').length, 1, 'the list held still matches');
  t.same(k.match('BBB222', 'IL'), [], 'nothing of the refused updates was applied');
});

t.test('the list survives a restart, stays sealed on disk, and stops matching once the hub stops refreshing it', async (t) => {
  const dir = join(await tempDir(t), 'hotlist');
  const first = await keeper(t, dir);
  await first.k.receive(seal({ version: 4, snapshot: true, part: 0, parts: 1, upserts: [entry('a', 'SECRET1')] }));
  await first.k.receive(seal({ version: 5, baseVersion: 4, upserts: [entry('b', 'SECRET2')] }));
  await first.k.stop();
  for (const name of await readdir(dir)) t.notOk((await readFile(join(dir, name))).includes('SECRET'), `${name} holds no plate in clear`);
  const again = await keeper(t, dir);
  t.equal(again.k.version, 5, 'snapshot and delta are reloaded');
  t.equal(again.k.match('SECRET2', 'IL').length, 1);
  again.clock.advance(86_400_000);
  t.same(again.k.match('SECRET1', 'IL'), [], 'a list past its expiry matches nothing');
  await again.k.receive(seal({ version: 5, baseVersion: 5, listExpiresAtMs: NOW + 3 * 86_400_000 }));
  t.equal(again.k.match('SECRET1', 'IL').length, 1, 'a refresh from the hub makes it good again');
});

t.test('a newer snapshot replaces the old files; a kept file that no longer verifies leaves an empty list for the hub to refill', async (t) => {
  const dir = join(await tempDir(t), 'hotlist');
  const { k } = await keeper(t, dir);
  await k.receive(seal({ version: 1, snapshot: true, part: 0, parts: 1, upserts: [entry('a', 'OLD111')] }));
  await k.receive(seal({ version: 2, baseVersion: 1, upserts: [entry('b', 'OLD222')] }));
  await k.receive(seal({ version: 7, snapshot: true, part: 0, parts: 1, upserts: [entry('c', 'NEW777')] }));
  t.same((await readdir(dir)).sort(), ['snapshot-7-00000-of-1.bin']);
  t.same(k.match('OLD222', null), []);
  const otherDevice = new HotlistKeeper({ dir, deviceId: 'pole-1', deviceKey: newSigningKeys().privateKey, hubVerifyKey: hub.publicKey, clock: new ManualClock(NOW), logger: silentLogger() });
  await otherDevice.start();
  t.equal(otherDevice.version, 0, 'files it cannot open are not trusted');
});

t.test('an update replayed from before the one held is refused; a hub restored from a backup (lower version, issued later) is followed, also after a restart', async (t) => {
  const dir = join(await tempDir(t), 'hotlist');
  const { k, clock } = await keeper(t, dir);
  const snapshot5 = seal({ version: 5, snapshot: true, part: 0, parts: 1, upserts: [entry('a', 'RCV111')] });
  const delta3to4 = seal({ version: 4, baseVersion: 3, issuedAtMs: NOW - 60_000, upserts: [entry('x', 'OLD444')] });
  await k.receive(snapshot5);
  await k.receive(seal({ version: 6, baseVersion: 5, issuedAtMs: NOW + 1000, upserts: [entry('b', 'NEW222')], removedEntryIds: ['a'] }));
  await k.receive(snapshot5);
  t.equal(k.version, 6, 'the old snapshot replayed does not take the list back to version 5');
  t.same(k.match('RCV111', 'IL'), [], 'an entry the hub removed (a recovered car) stays removed');
  t.equal(k.match('NEW222', 'IL').length, 1, 'an entry the hub added stays');
  await k.receive(seal({ version: 6, baseVersion: 6, issuedAtMs: NOW + 500, listExpiresAtMs: NOW + 2000 }));
  clock.advance(5000);
  t.equal(k.match('NEW222', 'IL').length, 1, 'an old refresh replayed does not cut the list\'s life short');
  await k.receive(seal({ version: 3, snapshot: true, part: 0, parts: 1, issuedAtMs: NOW + 10_000, upserts: [entry('c', 'RST333')] }));
  t.equal(k.version, 3, 'a snapshot of a lower version issued later (hub restored) replaces the list');
  await k.receive(delta3to4);
  t.equal(k.version, 3, 'a delta from before the restore is refused although its base version matches');
  t.same(k.match('OLD444', null), []);
  t.match(k.status(), { updatesApplied: 3, updatesRefused: 3 });
  await k.stop();
  t.same((await readdir(dir)).sort(), ['snapshot-3-00000-of-1.bin'], 'only the snapshot held is kept');
  const again = await keeper(t, dir);
  t.equal(again.k.version, 3, 'after a restart the list is the restored hub\'s');
  t.equal(again.k.match('RST333', 'IL').length, 1);
  t.same(again.k.match('NEW222', 'IL'), []);
  await again.k.receive(snapshot5);
  t.equal(again.k.version, 3, 'after a restart an old snapshot is still refused');
});

t.test('the list\'s expiry is judged by the hub\'s time: an appliance clock at 1970 keeps no stale list matching, and with no time known nothing matches', async (t) => {
  let hubNow: number | null = NOW + 8 * 86_400_000;
  const k = new HotlistKeeper({
    dir: join(await tempDir(t), 'hotlist'), deviceId: 'pole-1', deviceKey: device.privateKey, hubVerifyKey: hub.publicKey, hubNow: () => hubNow,
    clock: new ManualClock(Date.UTC(1970, 0, 2)), logger: silentLogger(),
  });
  await k.start();
  await k.receive(seal({ version: 1, snapshot: true, part: 0, parts: 1, upserts: [entry('a', 'STL111')] }));
  t.same(k.match('STL111', 'IL'), [], 'a week past the list\'s expiry by the hub\'s time, it matches nothing');
  hubNow = NOW + 1000;
  t.equal(k.match('STL111', 'IL').length, 1, 'within it, it matches');
  hubNow = null;
  t.same(k.match('STL111', 'IL'), [], 'no hub time and an unset clock: its age cannot be judged, so it matches nothing');
});
