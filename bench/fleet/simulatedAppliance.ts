import { join } from 'node:path';
import { systemClock, type Logger } from '../../core/index.js';
import { dataKeyPath, loadDataKey, readBufferFromConfig, uplinkFromConfig, type ReadBuffer } from '../../firmware/index.js';
import { enroll, readRawConfig, setPath, writeConfig } from '../../provisioning/index.js';
import type { Uplink } from '../../sync/index.js';
import { AckedReads } from '../ackedReads.js';
import type { ApplianceSpec, FleetPlan } from './fleetProtocol.js';
import { replayRead, type ReplayImages } from './replayReads.js';

const silentProgress = { step: () => undefined };

/**
 * One simulated appliance: enrolled at the hub as an installer enrolls one (alpr-provision's
 * enroll: its Ed25519 key made here, registered against a one-time token, the hub's keys kept,
 * the config written), then the firmware's own encrypted LevelDB buffer and uplink built from that
 * config. Only the camera and the recognizer are replaced: reads are replayed into the buffer.
 */
export class SimulatedAppliance {
  private constructor(
    readonly deviceId: string,
    readonly siteId: string,
    private readonly buffer: ReadBuffer,
    readonly uplink: Uplink,
  ) {}

  /** Enrolls, configures and opens the appliance (its uplink not yet started). */
  static async enrol(spec: ApplianceSpec, plan: FleetPlan, logger: Logger, onAcked: (readIds: string[]) => void): Promise<SimulatedAppliance> {
    const dataDir = join(plan.dataDir, spec.deviceId);
    const configPath = join(dataDir, 'appliance.yaml');
    const enrolled = await enroll({
      hubUrl: plan.hubUrl, token: spec.token, deviceId: spec.deviceId, configPath, dataDir, expectHubKeyId: plan.expectHubKeyId, progress: silentProgress,
    });
    // The installer's configure step: this fleet's broker nodes and batching.
    const raw = await readRawConfig(configPath);
    setPath(raw, 'log_level', 'warn');
    const [brokerUrl, ...fallbacks] = spec.brokerUrls;
    if (brokerUrl) setPath(raw, 'sync.broker_url', brokerUrl);
    setPath(raw, 'sync.fallback_broker_urls', fallbacks);
    for (const [key, value] of Object.entries(plan.sync)) setPath(raw, `sync.${key}`, value);
    const config = await writeConfig(configPath, raw);
    const buffer = readBufferFromConfig(config, [await loadDataKey(dataKeyPath(config))], systemClock, logger);
    await buffer.open();
    const uplink = await uplinkFromConfig(config, new AckedReads(buffer, onAcked), systemClock, logger);
    if (!uplink) throw new Error(`${spec.deviceId}: enrollment left sync off`);
    return new SimulatedAppliance(spec.deviceId, enrolled.siteId, buffer, uplink);
  }

  start(): Promise<void> {
    return this.uplink.start();
  }

  /** Connected to a broker node and has heard the hub (its time): a read captured now goes out at once. */
  get linked(): boolean {
    return this.uplink.stats.connected && this.uplink.hubNow() !== null;
  }

  /**
   * Captures one read: stored in the encrypted buffer, then the uplink is told. `record` runs
   * before the append, so the read is known before its ack can arrive.
   */
  async capture(images: ReplayImages, record: (id: string, capturedAt: number) => void): Promise<void> {
    const now = systemClock.now();
    const read = replayRead({ deviceId: this.deviceId, siteId: this.siteId, images, now, hubNow: this.uplink.hubNow() });
    record(read.id, now);
    await this.buffer.append(read);
    this.uplink.notify();
  }

  /** Reads still in the buffer (not acknowledged by the hub). */
  async unsynced(): Promise<number> {
    return (await this.buffer.stats()).reads;
  }

  async stop(): Promise<void> {
    await this.uplink.stop();
    await this.buffer.close();
  }
}
