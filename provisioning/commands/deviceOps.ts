import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError, silentLogger, systemClock } from '../../core/index.js';
import { destroyDataKey, loadConfigFile, loadDataKey, newDataKey, readBufferFromConfig, uplinkFromConfig, writeDataKey, type ApplianceConfig } from '../../firmware/index.js';
import { newSigningKeys, rawPublicKey, readCaFile, readPrivateKey, signDeviceRequest, writePrivateKey, type DeviceRequest } from '../../sync/index.js';
import { appliancePaths, exists, readRawConfig, setPath, writeConfig } from '../applianceFiles.js';
import { HubClient } from '../hubClient.js';
import type { Progress } from '../progress.js';

export interface ApplianceCommand {
  configPath: string;
  hubUrl: string;
  progress: Progress;
}

async function loadEnrolled(configPath: string): Promise<ApplianceConfig> {
  const config = await loadConfigFile(configPath);
  if (!(await exists(appliancePaths(config.dataDir).deviceKey))) throw new AlprError('ALPR_ERR_SYNC_KEY', `this appliance is not enrolled (no device key in ${config.dataDir})`);
  return config;
}

async function signedCall(hubUrl: string, config: ApplianceConfig, action: DeviceRequest['action'], fields: Record<string, string>, extraSigner?: (r: DeviceRequest) => string) {
  const key = await readPrivateKey(appliancePaths(config.dataDir).deviceKey);
  const request: DeviceRequest = { deviceId: config.deviceId, action, at: Date.now(), fields };
  // The CA the appliance was enrolled with (sync.ca_file) vouches for the hub here too.
  const tls = { ca: config.sync.caFile ? await readCaFile(config.sync.caFile) : null };
  return new HubClient(hubUrl, {}, tls).deviceRequest(config.deviceId, action, {
    at: request.at, fields, signature: signDeviceRequest(request, key), ...(extraSigner ? { proof: extraSigner(request) } : {}),
  });
}

/** Overwrites a private key file with random bytes, flushes and unlinks it. */
async function shred(path: string): Promise<void> {
  if (!(await exists(path))) return;
  const fh = await open(path, 'r+');
  try {
    const { size } = await fh.stat();
    await fh.write(randomBytes(Math.max(size, 1)), 0, Math.max(size, 1), 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await unlink(path);
}

/**
 * rotate-keys: a new device key (the hub accepts it on a request signed by the old key and the
 * new one), a new data key with every buffered read re-encrypted under it, then the old keys
 * destroyed. The hub records the rotation in its audit chain.
 */
export async function rotateKeys(o: ApplianceCommand): Promise<{ reencrypted: number }> {
  const config = await loadEnrolled(o.configPath);
  const paths = appliancePaths(config.dataDir);
  o.progress.step('making the new device key');
  const next = newSigningKeys();
  const pendingKey = `${paths.deviceKey}.next`;
  await writePrivateKey(pendingKey, next.privateKey);
  o.progress.step('registering it with the hub (signed by the old key and the new one)');
  await signedCall(o.hubUrl, config, 'rotate-key', { newPublicKey: rawPublicKey(next.publicKey).toString('base64') }, (r) => signDeviceRequest(r, next.privateKey));
  await shred(paths.deviceKey);
  await rename(pendingKey, paths.deviceKey);
  o.progress.step('re-encrypting the buffered reads under a new data key');
  const oldKey = await loadDataKey(paths.dataKey);
  const newKey = newDataKey();
  const nextDataKey = `${paths.dataKey}.next`;
  await writeDataKey(nextDataKey, newKey);
  const buffer = readBufferFromConfig(config, [newKey, oldKey], systemClock, silentLogger());
  await buffer.open();
  let reencrypted: number;
  try {
    reencrypted = await buffer.reencryptAll();
  } finally {
    await buffer.close();
  }
  await destroyDataKey(paths.dataKey);
  await rename(nextDataKey, paths.dataKey);
  o.progress.step(`old keys destroyed; ${reencrypted} buffered reads now under the new data key`);
  return { reencrypted };
}

/** relocate: to another site the Chief approved; the hub records the move, the config follows. */
export async function relocate(o: ApplianceCommand & { siteId: string }): Promise<{ from: string; to: string }> {
  const config = await loadEnrolled(o.configPath);
  o.progress.step(`asking the hub to move ${config.deviceId} from ${config.siteId} to ${o.siteId}`);
  await signedCall(o.hubUrl, config, 'relocate', { siteId: o.siteId });
  const raw = await readRawConfig(o.configPath);
  setPath(raw, 'site_id', o.siteId);
  await writeConfig(o.configPath, raw);
  return { from: config.siteId, to: o.siteId };
}

/**
 * decommission: deliver what is buffered (or, with discardPending, give it up), have the hub revoke
 * the device, then crypto-erase: the data key and device key are overwritten and deleted and the
 * buffer removed, so nothing left on the card can be read or sent.
 */
export async function decommission(o: ApplianceCommand & { discardPending: boolean; syncTimeoutMs: number }): Promise<{ synced: number; discarded: number }> {
  const config = await loadEnrolled(o.configPath);
  const paths = appliancePaths(config.dataDir);
  let synced = 0;
  let pending = 0;
  if (await exists(paths.dataKey)) {
    const buffer = readBufferFromConfig(config, [await loadDataKey(paths.dataKey)], systemClock, silentLogger());
    await buffer.open();
    try {
      const before = (await buffer.stats()).reads;
      if (before > 0 && config.sync.enabled) {
        o.progress.step(`syncing ${before} buffered reads to the hub (up to ${Math.round(o.syncTimeoutMs / 1000)} s)`);
        const uplink = await uplinkFromConfig(config, buffer, systemClock, silentLogger());
        await uplink?.start();
        const until = Date.now() + o.syncTimeoutMs;
        while ((await buffer.stats()).reads > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
        await uplink?.stop();
      }
      pending = (await buffer.stats()).reads;
      synced = before - pending;
    } finally {
      await buffer.close();
    }
  }
  if (pending > 0 && !o.discardPending) {
    throw new AlprError('ALPR_ERR_CONFLICT', `${pending} reads could not be synced; run again when the hub is reachable, or pass --discard-pending --yes to give them up`);
  }
  o.progress.step('asking the hub to revoke this device');
  await signedCall(o.hubUrl, config, 'decommission', { pendingDiscarded: String(pending) });
  o.progress.step('crypto-erasing: destroying the data key and the device key, removing the buffer');
  if (await exists(paths.dataKey)) await destroyDataKey(paths.dataKey);
  await shred(paths.deviceKey);
  await rm(paths.buffer, { recursive: true, force: true });
  await rm(join(config.dataDir, 'uplink.json'), { force: true });
  await rm(paths.hubIdentity, { force: true });
  await mkdir(config.dataDir, { recursive: true });
  return { synced, discarded: pending };
}
