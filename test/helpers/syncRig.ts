import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { silentLogger, systemClock, type Clock, type Logger } from '../../core/index.js';
import { newDataKey, ReadBuffer, THIRTY_DAYS_MS } from '../../firmware/index.js';
import { ConfigPusher, EmbeddedBroker, ImageCipher, IngestService, loadOrCreateHubKeys, SqliteStore, type EmbeddedBrokerOptions, type HubKeys, type HubStore, type IngestOptions } from '../../hub/index.js';
import { newSigningKeys, rawPublicKey, Uplink, type SigningKeys } from '../../sync/index.js';
import { tempDir } from './index.js';
import { ensureSite } from '../../bench/siteApproval.js';

type Teardown = { teardown(fn: () => unknown): void };

export interface Hub {
  store: HubStore;
  keys: HubKeys;
  broker: EmbeddedBroker | null;
  ingest: IngestService;
  configPusher: ConfigPusher;
  brokerUrl: string;
}

/** A hub: SQLite store (or the one given), keys, the embedded broker (unless a URL is given), ingest. */
export async function startHub(t: Teardown, options: {
  store?: HubStore; brokerUrl?: string; fallbackBrokerUrls?: string[]; hubUser?: { username: string; password: string }; sharedGroup?: string | null; maxBatchBytes?: number; logger?: Logger;
  maxImageBytes?: number; keyCheckEveryMs?: number; broker?: Pick<EmbeddedBrokerOptions, 'tls' | 'limits'>; maxFutureSkewMs?: number; pubackTimeoutMs?: number;
  /** Ingest over AMQP from a RabbitMQ queue instead of an MQTT subscription. */
  amqp?: IngestOptions['amqp'];
} = {}): Promise<Hub> {
  const dir = await tempDir(t, 'alpr-hub-');
  const keys = await loadOrCreateHubKeys(join(dir, 'keys'));
  const store = options.store ?? new SqliteStore({ path: join(dir, 'hub.db'), images: new ImageCipher(keys.imageKey), now: Date.now });
  if (!options.store) await store.migrate();
  let broker: EmbeddedBroker | null = null;
  let brokerUrl = options.brokerUrl;
  let credentials = options.hubUser;
  if (!brokerUrl) {
    broker = new EmbeddedBroker({ port: 0, host: '127.0.0.1', store, now: Date.now, logger: silentLogger(), configPushFor: (deviceId) => configPusher.pushFor(deviceId), ...options.broker });
    await broker.start();
    brokerUrl = broker.url;
    credentials = { username: 'hub', password: broker.hubPassword };
  }
  const ingest = new IngestService({
    brokerUrl: broker?.hubUrl ?? brokerUrl, fallbackBrokerUrls: options.fallbackBrokerUrls ?? [], username: credentials?.username ?? 'hub', password: credentials?.password ?? '', sharedGroup: options.sharedGroup ?? null,
    clientId: `hub-ingest-${randomBytes(4).toString('hex')}`, store, keys, amqp: options.amqp ?? null, maxBatchBytes: options.maxBatchBytes ?? 32 * 1024 * 1024, maxImageBytes: options.maxImageBytes ?? 4 * 1024 * 1024,
    ...(options.maxFutureSkewMs === undefined ? {} : { maxFutureSkewMs: options.maxFutureSkewMs }), ...(options.pubackTimeoutMs ? { pubackTimeoutMs: options.pubackTimeoutMs } : {}), now: Date.now, logger: options.logger ?? silentLogger(),
  });
  const configPusher = new ConfigPusher({
    keys, store, publish: (deviceId, push, retain) => ingest.publishConfig(deviceId, push, retain), checkEveryMs: options.keyCheckEveryMs ?? 60_000,
    clock: systemClock, logger: silentLogger(),
  });
  await ingest.start();
  configPusher.start();
  t.teardown(async () => {
    await configPusher.stop();
    await ingest.stop().catch(() => undefined);
    await broker?.stop().catch(() => undefined);
    if (!options.store) await store.close();
  });
  return { store, keys, broker, ingest, configPusher, brokerUrl };
}

export interface Device {
  deviceId: string;
  keys: SigningKeys;
  buffer: ReadBuffer;
  uplink: Uplink;
  dir: string;
}

/** Registers a device at the hub and gives it a buffer and an uplink (not started). */
export async function makeDevice(t: Teardown, hub: Pick<Hub, 'store' | 'keys' | 'brokerUrl'>, options: { deviceId?: string; siteId?: string; register?: boolean; maxReads?: number; keys?: SigningKeys; brokerUrl?: string; fallbackBrokerUrls?: string[]; mqttPassword?: string; clock?: Clock; hubIdentityFile?: string; ackTimeoutMs?: number; connectTimeoutMs?: number; logger?: Logger; pubackTimeoutMs?: number; keepaliveS?: number; mqttVersion?: 4 | 5; maxPublishBytes?: number } = {}): Promise<Device> {
  const deviceId = options.deviceId ?? `pole-${randomBytes(3).toString('hex')}`;
  const keys = options.keys ?? newSigningKeys();
  if (options.register !== false) {
    await ensureSite(hub.store, options.siteId ?? 'site-1');
    await hub.store.upsertDevice({ deviceId, publicKey: rawPublicKey(keys.publicKey), siteId: options.siteId ?? 'site-1', status: 'active', enrolledAt: Date.now() });
  }
  const dir = await tempDir(t, 'alpr-device-');
  const buffer = new ReadBuffer({ path: join(dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 60_000, clock: options.clock ?? systemClock, logger: silentLogger() });
  await buffer.open();
  const uplink = new Uplink({
    deviceId, brokerUrl: options.brokerUrl ?? hub.brokerUrl, source: buffer, deviceKey: keys.privateKey,
    hub: { sealPublicKey: hub.keys.seal.publicKey, sealKeyId: hub.keys.seal.keyId, verifyKey: hub.keys.sign.publicKey },
    stateDir: dir, maxReads: options.maxReads ?? 100, maxBytes: 4 * 1024 * 1024, maxAgeMs: 50, ackTimeoutMs: options.ackTimeoutMs ?? 2000,
    backoff: { initialMs: 100, maxMs: 1000 }, statusEveryMs: 60_000, clock: options.clock ?? systemClock, logger: options.logger ?? silentLogger(),
    ...(options.hubIdentityFile ? { hubIdentityFile: options.hubIdentityFile } : {}),
    ...(options.fallbackBrokerUrls ? { fallbackBrokerUrls: options.fallbackBrokerUrls } : {}),
    ...(options.pubackTimeoutMs ? { pubackTimeoutMs: options.pubackTimeoutMs } : {}),
    ...(options.maxPublishBytes ? { maxPublishBytes: options.maxPublishBytes } : {}),
    ...(options.mqttPassword || options.connectTimeoutMs || options.keepaliveS || options.mqttVersion ? {
      mqtt: {
        ...(options.mqttPassword ? { password: options.mqttPassword } : {}), ...(options.connectTimeoutMs ? { connectTimeout: options.connectTimeoutMs } : {}),
        ...(options.keepaliveS ? { keepalive: options.keepaliveS } : {}), ...(options.mqttVersion ? { protocolVersion: options.mqttVersion } : {}),
      },
    } : {}),
  });
  t.teardown(async () => {
    await uplink.stop().catch(() => undefined);
    await buffer.close().catch(() => undefined);
  });
  return { deviceId, keys, buffer, uplink, dir };
}
