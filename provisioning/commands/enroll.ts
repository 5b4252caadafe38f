import { createPublicKey } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { AlprError, pathExists } from '../../core/index.js';
import { newDataKey, writeDataKey } from '../../firmware/index.js';
import { keyId, newSigningKeys, rawPublicKey, readCaFile, writeHubIdentity, writePrivateKey } from '../../sync/index.js';
import { appliancePaths, readRawConfig, removeQuietly, setPath, writeConfig } from '../applianceFiles.js';
import { HubClient } from '../hubClient.js';
import type { Progress } from '../progress.js';

export interface EnrollOptions {
  hubUrl: string;
  token: string;
  deviceId: string;
  configPath: string;
  dataDir: string;
  /** The hub's sealing key id, read off the hub's console: enrollment stops if the hub answers with another. */
  expectHubKeyId: string | null;
  /** PEM of the CA that issued the hub's certificates: trusted for this call, then kept as the appliance's sync.ca_file. */
  hubCaPath?: string | null;
  progress: Progress;
}

/**
 * On the appliance: make the device key and the data key here (private keys never leave the box),
 * register the public key with the hub against a one-time token, keep the hub's public keys, and
 * write the appliance config. Nothing is left behind when the hub refuses.
 */
export async function enroll(o: EnrollOptions): Promise<{ deviceId: string; siteId: string; siteName: string; brokerUrl: string }> {
  const paths = appliancePaths(o.dataDir);
  if (await pathExists(paths.deviceKey)) {
    throw new AlprError('ALPR_ERR_CONFLICT', `this appliance is already enrolled (${paths.deviceKey} exists); decommission it before enrolling again`);
  }
  const hubCa = o.hubCaPath ? await readCaFile(o.hubCaPath) : null;
  await mkdir(o.dataDir, { recursive: true, mode: 0o700 });
  o.progress.step('making the device key (Ed25519) on this appliance');
  const keys = newSigningKeys();
  const pendingKey = `${paths.deviceKey}.pending`;
  await writePrivateKey(pendingKey, keys.privateKey);
  try {
    o.progress.step(`registering ${o.deviceId} with the hub at ${o.hubUrl}`);
    const result = await new HubClient(o.hubUrl, {}, { ca: hubCa }).enroll({ token: o.token, deviceId: o.deviceId, publicKey: rawPublicKey(keys.publicKey).toString('base64') });
    const sealPublicKey = createPublicKey(result.hub.sealPublicKeyPem);
    if (keyId(sealPublicKey) !== result.hub.sealKeyId || (o.expectHubKeyId !== null && result.hub.sealKeyId !== o.expectHubKeyId)) {
      throw new AlprError('ALPR_ERR_SYNC_KEY', `the hub answered with sealing key ${result.hub.sealKeyId}, not the expected ${o.expectHubKeyId ?? keyId(sealPublicKey)}: `
        + 'this may not be your hub. Nothing was kept here; have an admin revoke the device at the hub.');
    }
    o.progress.step('writing the data key, the hub identity and the config');
    await writeDataKey(paths.dataKey, newDataKey());
    await writeHubIdentity(paths.hubIdentity, { sealPublicKey, verifyKey: createPublicKey(result.hub.signPublicKeyPem) });
    const raw = await readRawConfig(o.configPath);
    setPath(raw, 'device_id', result.deviceId);
    setPath(raw, 'site_id', result.siteId);
    setPath(raw, 'data_dir', o.dataDir);
    setPath(raw, 'sync.enabled', true);
    setPath(raw, 'sync.broker_url', result.brokerUrl);
    if (hubCa) {
      await writeFile(paths.hubCa, hubCa, { mode: 0o644 });
      setPath(raw, 'sync.ca_file', paths.hubCa);
    }
    await writeConfig(o.configPath, raw);
    await rename(pendingKey, paths.deviceKey);
    return { deviceId: result.deviceId, siteId: result.siteId, siteName: result.siteName, brokerUrl: result.brokerUrl };
  } catch (err) {
    await removeQuietly(pendingKey);
    throw err;
  }
}
