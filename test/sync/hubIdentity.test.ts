import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, silentLogger } from '../../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS, uplinkFromConfig, validateConfig } from '../../firmware/index.js';
import { keyId, newSealingKeys, newSigningKeys, readHubIdentity, writeHubIdentity } from '../../sync/index.js';
import { tempDir } from '../helpers/index.js';

t.test('the hub identity file round-trips and a malformed one is a typed error', async (tt) => {
  const dir = await tempDir(tt);
  const seal = newSealingKeys();
  const sign = newSigningKeys();
  await writeHubIdentity(join(dir, 'hub.json'), { sealPublicKey: seal.publicKey, verifyKey: sign.publicKey });
  const back = await readHubIdentity(join(dir, 'hub.json'));
  tt.equal(back.sealKeyId, keyId(seal.publicKey));
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ seal_public_pem: 'nope', seal_key_id: 'x', sign_public_pem: 'nope' }));
  await tt.rejects(readHubIdentity(join(dir, 'bad.json')), { code: 'ALPR_ERR_SYNC_KEY' });
  await tt.rejects(readHubIdentity(join(dir, 'missing.json')), { code: 'ALPR_ERR_SYNC_KEY', message: /enroll/ });
});

t.test('with sync on and no device key the appliance refuses with a typed error', async (tt) => {
  const dir = await tempDir(tt);
  const seal = newSealingKeys();
  await writeHubIdentity(join(dir, 'hub.json'), { sealPublicKey: seal.publicKey, verifyKey: newSigningKeys().publicKey });
  const config = validateConfig({ data_dir: dir, sync: { enabled: true } });
  const buffer = new ReadBuffer({ path: join(dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e6, leaseMs: 1000, evictEveryMs: 1000, clock: systemClock, logger: silentLogger() });
  await tt.rejects(uplinkFromConfig(config, buffer, systemClock, silentLogger()), { code: 'ALPR_ERR_SYNC_KEY' });
  tt.equal(await uplinkFromConfig(validateConfig({ data_dir: dir }), buffer, systemClock, silentLogger()), null, 'sync off: no uplink');
});
