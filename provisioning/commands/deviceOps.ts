import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AlprError, pathExists, silentLogger, systemClock } from '../../core/index.js';
import { destroyAllDataKeys, loadConfigFile, readBufferFromConfig, recoverDataKey, rotateDataKey, setAsideStores, syncDir, uplinkFromConfig, type ApplianceConfig } from '../../firmware/index.js';
import { newSigningKeys, rawPublicKey, readCaFile, readPrivateKey, signDeviceRequest, writePrivateKey, type DeviceRequest } from '../../sync/index.js';
import { appliancePaths, readRawConfig, setPath, writeConfig } from '../applianceFiles.js';
import { HubClient } from '../hubClient.js';
import type { Progress } from '../progress.js';

export interface ApplianceCommand {
  configPath: string;
  hubUrl: string;
  progress: Progress;
}

async function loadEnrolled(configPath: string): Promise<ApplianceConfig> {
  const config = await loadConfigFile(configPath);
  if (!(await pathExists(appliancePaths(config.dataDir).deviceKey))) throw new AlprError('ALPR_ERR_SYNC_KEY', `this appliance is not enrolled (no device key in ${config.dataDir})`);
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
  if (!(await pathExists(path))) return;
  const fh = await open(path, 'r+');
  try {
    const { size } = await fh.stat();
    await fh.write(randomBytes(Math.max(size, 1)), 0, Math.max(size, 1), 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await unlink(path);
  await syncDir(dirname(path));
}

/**
 * A retired device key left by an interrupted rotation: shredded when it is the old key's own
 * bytes, only unlinked when it is still a second name of the key in use.
 */
async function dropRetiredKey(retiredKey: string, deviceKey: string): Promise<void> {
  if (!(await pathExists(retiredKey))) return;
  if ((await stat(retiredKey)).ino === (await stat(deviceKey)).ino) await unlink(retiredKey);
  else await shred(retiredKey);
}

/**
 * rotate-keys: a new device key (the hub accepts it on a request signed by the old key and the
 * new one), then a new data key with every buffered read re-encrypted under it
 * (firmware/buffer/keyRotation.ts). Each old key is destroyed only after its successor is durably
 * in place, so a cut at any step leaves keys that open the buffer. The hub records the rotation
 * in its audit chain.
 */
export async function rotateKeys(o: ApplianceCommand): Promise<{ reencrypted: number }> {
  const config = await loadEnrolled(o.configPath);
  const paths = appliancePaths(config.dataDir);
  o.progress.step('making the new device key');
  const next = newSigningKeys();
  const pendingKey = `${paths.deviceKey}.next`;
  const retiredKey = `${paths.deviceKey}.old`;
  await writePrivateKey(pendingKey, next.privateKey);
  o.progress.step('registering it with the hub (signed by the old key and the new one)');
  await signedCall(o.hubUrl, config, 'rotate-key', { newPublicKey: rawPublicKey(next.publicKey).toString('base64') }, (r) => signDeviceRequest(r, next.privateKey));
  // The device key file exists at every instant: a second name keeps the old key's bytes while
  // the new key replaces it in one rename, and only then are those bytes overwritten.
  await dropRetiredKey(retiredKey, paths.deviceKey);
  await link(paths.deviceKey, retiredKey);
  await syncDir(config.dataDir);
  await rename(pendingKey, paths.deviceKey);
  await syncDir(config.dataDir);
  await shred(retiredKey);
  o.progress.step('re-encrypting the buffered reads under a new data key');
  const { reencrypted } = await rotateDataKey({
    keyPath: paths.dataKey, openBuffer: (keys) => readBufferFromConfig(config, keys, systemClock, silentLogger()),
    onStep: (step, { reencrypted: done }) => { if (step === 'reencryptedBatch') o.progress.step(`${done} reads re-encrypted`); },
  });
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
 * buffer, pending hits and hot list removed, so nothing left on the card can be read or sent.
 */
export async function decommission(o: ApplianceCommand & { discardPending: boolean; syncTimeoutMs: number }): Promise<{ synced: number; discarded: number }> {
  const config = await loadEnrolled(o.configPath);
  const paths = appliancePaths(config.dataDir);
  let synced = 0;
  let pending = 0;
  if (await pathExists(paths.dataKey) || await pathExists(`${paths.dataKey}.next`)) {
    const openBuffer = (keys: Parameters<typeof readBufferFromConfig>[1]) => readBufferFromConfig(config, keys, systemClock, silentLogger());
    const buffer = openBuffer([await recoverDataKey({ keyPath: paths.dataKey, openBuffer })]);
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
  await destroyAllDataKeys(paths.dataKey);
  await shred(paths.deviceKey);
  for (const aside of await setAsideStores(paths.buffer)) await rm(aside, { recursive: true, force: true });
  await rm(paths.buffer, { recursive: true, force: true });
  // Hits the hub never acknowledged hold reads and their images (sealed to the hub, so destroying
  // the device's keys does not make them unreadable); the hot list goes with the device it was sealed to.
  await rm(join(config.dataDir, 'alerts'), { recursive: true, force: true });
  await rm(join(config.dataDir, 'hotlist'), { recursive: true, force: true });
  await rm(join(config.dataDir, 'uplink.json'), { force: true });
  await rm(paths.hubIdentity, { force: true });
  await mkdir(config.dataDir, { recursive: true });
  return { synced, discarded: pending };
}
