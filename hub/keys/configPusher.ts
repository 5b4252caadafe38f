import { errorMessage, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import { signConfigPush } from '../../sync/index.js';
import { reloadSealKeys, type HubKeys } from '../hubKeys.js';
import type { HubStore } from '../store/index.js';

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
 * a retained push, so one that is offline finds it when it reconnects; the embedded broker also
 * asks for a fresh one whenever a device subscribes (pushFor), which is how an appliance with an
 * unset clock learns the hub's time.
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

  /** Re-reads the key files; when the current sealing key changed, every active device gets a retained push. */
  checkRotation(): Promise<void> {
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async check(): Promise<void> {
    try {
      // Ingest may have reloaded the keys already (an envelope sealed to the new key): the devices
      // are told when the key differs from the one they were last told about.
      await reloadSealKeys(this.ctx.keys);
      if (this.announced === this.ctx.keys.seal.keyId) return;
      const devices = (await this.ctx.store.listDevices()).filter((d) => d.status === 'active');
      for (const d of devices) this.ctx.publish(d.deviceId, this.pushFor(d.deviceId), true);
      this.ctx.logger.info({ sealKeyId: this.ctx.keys.seal.keyId, devices: devices.length }, 'new hub sealing key announced to the appliances');
      this.announced = this.ctx.keys.seal.keyId;
    } catch (err) {
      this.ctx.logger.error({ err: errorMessage(err) }, 'hub key rotation check failed');
    }
  }
}
