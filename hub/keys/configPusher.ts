import { errorMessage, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import { signConfigPush } from '../../sync/index.js';
import { reloadSealKeys, type HubKeys } from '../hubKeys.js';
import { deviceServed } from '../sites/siteRegistry.js';
import type { Device, HubStore } from '../store/index.js';

export interface ConfigPusherOptions {
  keys: HubKeys;
  store: HubStore;
  /** Publishes a signed push on the device's config topic (the ingest connection). */
  publish: (deviceId: string, signedPush: Uint8Array, retain: boolean) => void;
  /** How often the key files are checked for a rotation made by `alpr-hub keys rotate-seal`. */
  checkEveryMs: number;
  clock: Clock;
  logger: Logger;
}

/**
 * Tells appliances the hub's current sealing key and the hub's time, signed with the hub's
 * signing key (ConfigPush on alpr/v1/<deviceId>/config). After a rotation every active device gets
 * a push (retained where the broker keeps it: Mosquitto, the embedded broker). A device that was
 * offline gets a fresh one when it comes online again (deviceCameOnline): over AMQP there is no
 * retained message, and a RabbitMQ node keeps its retained ones to itself, so this does not
 * depend on what the broker kept. The embedded broker also asks for one whenever a device
 * subscribes (pushFor), which is how an appliance with an unset clock (it publishes no status
 * before it knows the hub's time) learns it. A batch sealed to a key the hub no longer takes also
 * gets its device a fresh push (sendFresh). Pushes go only to active devices at a site approved
 * and in service (mayPush); the embedded broker refuses the others before they can subscribe.
 */
export class ConfigPusher {
  private timer: TimerHandle | null = null;
  private checking: Promise<void> | null = null;
  /** The key id the devices were last told about (none yet: the first check announces the current key). */
  private announced: string | null = null;

  constructor(private readonly ctx: ConfigPusherOptions) {}

  start(): void {
    this.timer = this.ctx.clock.setInterval(() => void this.checkRotation(), this.ctx.checkEveryMs);
  }

  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    await this.checking;
  }

  /** A push for one device: the current key and the hub's time now. */
  pushFor(deviceId: string): Uint8Array {
    const seal = this.ctx.keys.seal;
    return signConfigPush({ deviceId, hubTimeMs: this.ctx.clock.now(), sealPublicKey: seal.publicKey, sealKeySinceMs: seal.sinceMs }, this.ctx.keys.sign.privateKey);
  }

  /**
   * A fresh, unretained push for the connection the device has now. Sent when its status says it
   * is online after being offline, or for the first time (the store decided that under the status
   * row's lock, so one hub process of many sends it per transition), and when it sealed a batch
   * to a key the hub no longer takes (it reconnected without the hub seeing it offline, and
   * missed the rotation's push): without this it would re-seal to the same stale key forever.
   */
  async sendFresh(deviceId: string, why: 'cameOnline' | 'staleHubKey'): Promise<void> {
    try {
      const device = await this.ctx.store.getDevice(deviceId);
      if (!device || !(await this.mayPush(device))) return;
      this.ctx.publish(deviceId, this.pushFor(deviceId), false);
      this.ctx.logger.debug({ deviceId, why, sealKeyId: this.ctx.keys.seal.keyId }, 'config push sent to a device');
    } catch (err) {
      // Its next status or batch brings another try.
      this.ctx.logger.warn({ deviceId, why, err: errorMessage(err) }, 'config push not sent');
    }
  }

  /** Re-reads the key files; when the current sealing key changed, every device it may push to (mayPush) gets a retained push. */
  checkRotation(): Promise<void> {
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /**
   * An active device at a site approved and in service. A retired site's devices stay enrolled,
   * but the hub's key and time are of no use to them: ingest refuses their reads, and a push would
   * tell whoever holds a pole left standing that the hub still answers it.
   */
  private async mayPush(device: Device): Promise<boolean> {
    return (await deviceServed(this.ctx.store.sql, device)) === null;
  }

  private async check(): Promise<void> {
    try {
      // Ingest may have reloaded the keys already (an envelope sealed to the new key): the devices
      // are told when the key differs from the one they were last told about.
      await reloadSealKeys(this.ctx.keys);
      if (this.announced === this.ctx.keys.seal.keyId) return;
      const devices: Device[] = [];
      for (const d of await this.ctx.store.listDevices()) if (await this.mayPush(d)) devices.push(d);
      for (const d of devices) this.ctx.publish(d.deviceId, this.pushFor(d.deviceId), true);
      this.ctx.logger.info({ sealKeyId: this.ctx.keys.seal.keyId, devices: devices.length }, 'new hub sealing key announced to the appliances');
      this.announced = this.ctx.keys.seal.keyId;
    } catch (err) {
      this.ctx.logger.error({ err: errorMessage(err) }, 'hub key rotation check failed');
    }
  }
}
