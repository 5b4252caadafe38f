import { join } from 'node:path';
import type { Clock, Logger } from '../core/index.js';
import { readCaFile, readHubIdentity, readPrivateKey, Uplink, type UplinkSource } from '../sync/index.js';
import { HitAlerts } from './hotlist/hitAlerts.js';
import { HotlistKeeper } from './hotlist/hotlistKeeper.js';
import type { DataKey } from './buffer/dataKey.js';
import { recoverDataKey } from './buffer/keyRotation.js';
import { ReadBuffer } from './buffer/readBuffer.js';
import type { ApplianceConfig } from './config/schema.js';

/** The data key's path: the configured one, else <data_dir>/data.key. */
export function dataKeyPath(config: ApplianceConfig): string {
  return config.buffer.keyFile || join(config.dataDir, 'data.key');
}

/** The data key, after finishing any key rotation a power cut interrupted (see keyRotation.ts). */
export function dataKeyFromConfig(config: ApplianceConfig, clock: Clock, logger: Logger): Promise<DataKey> {
  return recoverDataKey({ keyPath: dataKeyPath(config), openBuffer: (keys) => readBufferFromConfig(config, keys, clock, logger) });
}

/** The encrypted read buffer as the config describes it (not yet opened). */
export function readBufferFromConfig(config: ApplianceConfig, keys: DataKey[], clock: Clock, logger: Logger): ReadBuffer {
  const b = config.buffer;
  return new ReadBuffer({
    path: join(config.dataDir, 'buffer'), keys, retentionMs: b.retentionDays * 86_400_000, maxBytes: b.maxBytes,
    leaseMs: b.leaseMs, evictEveryMs: b.evictEveryMs, clock, logger: logger.child({ module: 'buffer' }),
  });
}

/**
 * The uplink to the hub as the config describes it, or null when sync is off. Its source is the
 * read buffer, or something that passes the buffer's batches through (a fleet simulator noting acks).
 */
export async function uplinkFromConfig(config: ApplianceConfig, buffer: UplinkSource, clock: Clock, logger: Logger): Promise<Uplink | null> {
  const sc = config.sync;
  if (!sc.enabled) return null;
  const hubIdentityFile = sc.hubKeysFile || join(config.dataDir, 'hub.json');
  const hub = await readHubIdentity(hubIdentityFile);
  const mqtt = {
    ...(sc.mqttPassword ? { password: sc.mqttPassword } : {}), ...(sc.caFile ? { ca: await readCaFile(sc.caFile) } : {}),
    ...(sc.mqttVersion === 5 ? { protocolVersion: 5 as const } : {}),
  };
  return new Uplink({
    deviceId: config.deviceId, brokerUrl: sc.brokerUrl, fallbackBrokerUrls: sc.fallbackBrokerUrls, ...(Object.keys(mqtt).length > 0 ? { mqtt } : {}),
    source: buffer, deviceKey: await readPrivateKey(sc.deviceKeyFile || join(config.dataDir, 'device.pem')), hub, hubIdentityFile, stateDir: config.dataDir,
    maxReads: sc.batchMaxReads, maxBytes: sc.batchMaxBytes, maxAgeMs: sc.batchMaxAgeMs, ackTimeoutMs: sc.ackTimeoutMs, pubackTimeoutMs: sc.pubackTimeoutMs,
    backoff: { initialMs: sc.backoffInitialMs, maxMs: sc.backoffMaxMs }, statusEveryMs: sc.statusEveryMs, clock, logger: logger.child({ module: 'sync' }),
  });
}

/**
 * The appliance's hot list and its hits, over the same keys and link as the uplink: updates
 * verified against the hub's signing key and opened with the device key, hits sealed to the hub.
 */
export async function hitAlertsFromConfig(config: ApplianceConfig, uplink: Uplink, clock: Clock, logger: Logger): Promise<HitAlerts> {
  const sc = config.sync;
  const hub = await readHubIdentity(sc.hubKeysFile || join(config.dataDir, 'hub.json'));
  const deviceKey = await readPrivateKey(sc.deviceKeyFile || join(config.dataDir, 'device.pem'));
  const keeper = new HotlistKeeper({ dir: join(config.dataDir, 'hotlist'), deviceId: config.deviceId, deviceKey, hubVerifyKey: hub.verifyKey, hubNow: () => uplink.hubNow(), clock, logger: logger.child({ module: 'hotlist' }) });
  return new HitAlerts({ dir: join(config.dataDir, 'alerts'), deviceId: config.deviceId, deviceKey, hub, keeper, uplink, retryMs: 5000, retentionMs: config.buffer.retentionDays * 86_400_000, clock, logger: logger.child({ module: 'hitAlerts' }) });
}
