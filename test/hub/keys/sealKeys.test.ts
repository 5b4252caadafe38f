import t from 'tap';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../../hub/cli.js';
import { loadOrCreateHubKeys } from '../../../hub/hubKeys.js';
import { loadSealKeys, rotateSealKey, sealKeyFor } from '../../../hub/keys/sealKeys.js';
import { writePrivateKey } from '../../../sync/index.js';
import { runCli } from '../../helpers/cliRunner.js';
import { tempDir } from '../../helpers/index.js';

const DAY = 86_400_000;

t.test('a rotation keeps the old key for its grace period, then refuses it; expired keys are deleted at the next rotation', async (tt) => {
  const dir = join(await tempDir(tt), 'keys');
  const first = (await loadOrCreateHubKeys(dir)).seal.keyId;
  const now = Date.UTC(2026, 5, 1);
  const r1 = await rotateSealKey(dir, now, 2 * DAY);
  tt.equal(r1.oldKeyId, first);
  const keys = await loadSealKeys(dir);
  tt.equal(keys.current.keyId, r1.newKeyId);
  tt.equal(keys.current.sinceMs, now, 'the new key says since when it is current');
  tt.ok('key' in sealKeyFor(keys, first, now + DAY), 'opened inside the grace period');
  tt.match(sealKeyFor(keys, first, now + 2 * DAY), { refused: /past its grace period/ }, 'refused after it');
  tt.match(sealKeyFor(keys, 'ffffffffffffffff', now), { refused: /does not hold/ });
  await rotateSealKey(dir, now + 3 * DAY, DAY);
  const files = await readdir(dir);
  tt.notOk(files.includes(`hub-seal-${first}.pem`), 'the key past its grace period is gone from disk');
  tt.ok(files.includes(`hub-seal-${r1.newKeyId}.pem`), 'the key just retired is kept for its grace period');
});

t.test('a rotation cut short after recording the old key as retired leaves it current, and can be run again', async (tt) => {
  const dir = join(await tempDir(tt), 'keys');
  const hubKeys = await loadOrCreateHubKeys(dir);
  const first = hubKeys.seal.keyId;
  // What the folder holds after steps 1 and 2 of a rotation whose key swap never happened.
  await writePrivateKey(join(dir, `hub-seal-${first}.pem`), hubKeys.seal.privateKey);
  await writeFile(join(dir, 'seal-keys.json'), JSON.stringify({ current_since_ms: 5, retired: [{ key_id: first, since_ms: 0, accept_until_ms: Date.now() + DAY }] }));
  const keys = await loadSealKeys(dir);
  tt.equal(keys.current.keyId, first, 'the old key is still the current one');
  tt.same(keys.retired, [], 'and is not also listed as retired');
  const again = await rotateSealKey(dir, Date.now(), DAY);
  tt.equal(again.oldKeyId, first);
  tt.equal((await loadSealKeys(dir)).retired.map((k) => k.keyId).join(), first);
});

t.test('alpr-hub keys rotate-seal refuses a grace period outside 0-30 days and changes nothing', async (tt) => {
  const data = await tempDir(tt);
  const before = (await loadOrCreateHubKeys(join(data, 'keys'))).seal.keyId;
  for (const bad of ['40', '-1', 'soon']) {
    const r = await runCli(main, ['keys', 'rotate-seal', '--data', data, '--grace-days', bad]);
    tt.equal(r.code, 64, `--grace-days ${bad}: usage error`);
    tt.match(r.err, /grace-days/);
  }
  tt.equal((await loadSealKeys(join(data, 'keys'))).current.keyId, before, 'the key is unchanged');
  const ok = await runCli(main, ['keys', 'rotate-seal', '--data', data, '--grace-days', '3']);
  tt.equal(ok.code, 0, ok.err);
  tt.equal(ok.json().oldKeyId, before);
});
