import type { Clock, Logger } from '../core/index.js';
import {
  createCamera, createGpioChip, DayNight, GpioLightSensor, Illuminator, TamperSwitch, VehicleTrigger,
  type Camera, type GpioChip, type DayNightSource,
} from '../drivers/index.js';
import { cameraConfigOf } from './config/cameraConfig.js';
import type { ApplianceConfig } from './config/schema.js';
import { hitAlertsFromConfig } from './fromConfig.js';
import type { HitAlerts } from './hotlist/hitAlerts.js';
import { HealthMonitor, type HealthSource } from './health.js';
import { CapturePipeline } from './pipeline/capturePipeline.js';
import { topics, type Uplink } from '../sync/index.js';
import type { ReadBuffer } from './buffer/readBuffer.js';
import { storeDamageAlarms } from './buffer/storeDamage.js';
import type { Recognizer } from './recognition.js';
import { Supervisor } from './supervisor.js';
import { SystemdNotifier } from './systemdNotifier.js';

export interface ApplianceContext {
  config: ApplianceConfig;
  logger: Logger;
  clock: Clock;
  /** A GPIO chip to use instead of the configured one (the demo passes its simulated chip). */
  gpio?: GpioChip;
  /** A camera to use instead of the configured one. */
  camera?: Camera;
  recognizer: Recognizer | null;
  /** The encrypted read buffer the pipeline stores reads in (opened and closed by the supervisor). */
  buffer: ReadBuffer | null;
  /** Sends buffered reads to the hub (null: the appliance keeps them until it is enrolled). */
  uplink?: Uplink | null;
  /** Extra health sections (the read buffer's). */
  healthSources?: HealthSource[];
  env?: NodeJS.ProcessEnv;
}

/**
 * The appliance process, assembled from its config: hardware components, camera, capture
 * pipeline and health, all under one supervisor. Construction opens the GPIO pins (so a bad pin
 * fails before anything runs); start() brings the parts up in order.
 */
export class Appliance {
  readonly supervisor: Supervisor;
  readonly pipeline: CapturePipeline;
  readonly trigger: VehicleTrigger;
  readonly illuminator: Illuminator | null;
  readonly tamper: TamperSwitch | null;
  readonly dayNight: DayNight;
  readonly health: HealthMonitor;
  readonly gpio: GpioChip;
  /** The hot list held on the appliance and its hits (null without an uplink). */
  readonly hitAlerts: HitAlerts | null;

  private constructor(parts: {
    supervisor: Supervisor; pipeline: CapturePipeline; trigger: VehicleTrigger; illuminator: Illuminator | null;
    tamper: TamperSwitch | null; dayNight: DayNight; health: HealthMonitor; gpio: GpioChip; hitAlerts: HitAlerts | null;
  }) {
    this.supervisor = parts.supervisor;
    this.pipeline = parts.pipeline;
    this.trigger = parts.trigger;
    this.illuminator = parts.illuminator;
    this.tamper = parts.tamper;
    this.dayNight = parts.dayNight;
    this.health = parts.health;
    this.gpio = parts.gpio;
    this.hitAlerts = parts.hitAlerts;
  }

  static async create(ctx: ApplianceContext): Promise<Appliance> {
    const { config, clock, logger } = ctx;
    const log = (module: string) => logger.child({ module });
    const gpio = ctx.gpio ?? (await createGpioChip(config.gpio.type === 'onoff'
      ? { type: 'onoff', chipBase: config.gpio.chipBase }
      : config.gpio.type === 'johnny-five' ? { type: 'johnny-five', port: config.gpio.port, timeoutMs: config.gpio.timeoutMs } : { type: 'simulated' }));
    try {
      return await Appliance.assemble(ctx, gpio, log);
    } catch (err) {
      await gpio.close();
      throw err;
    }
  }

  private static async assemble(ctx: ApplianceContext, gpio: GpioChip, log: (module: string) => Logger): Promise<Appliance> {
    const { config, clock } = ctx;
    const il = config.illuminator;
    const illuminator = il.enabled
      ? new Illuminator({
          pin: await gpio.openOutput(il.pin, { pwm: il.level < 1, initial: il.activeLow ? 1 : 0 }),
          activeLow: il.activeLow, level: il.level, maxDutyCycle: il.maxDutyCycle, dutyWindowMs: il.dutyWindowMs,
          strobeLeadMs: il.strobeLeadMs, strobeTrailMs: il.strobeTrailMs, clock, logger: log('illuminator'),
        })
      : null;

    const dn = config.dayNight;
    const source: DayNightSource = dn.source === 'sensor'
      ? { kind: 'sensor', sensor: new GpioLightSensor({ pin: await gpio.openInput(dn.sensorPin), darkLevel: dn.sensorDarkLevel, brightLux: 1000 }), nightBelowLux: dn.nightBelowLux, dayAboveLux: dn.dayAboveLux }
      : { kind: 'sun', latitude: dn.latitude, longitude: dn.longitude };
    const dayNight = new DayNight({ source, pollMs: dn.pollMs, holdMs: dn.holdMs, clock, logger: log('dayNight') });

    const tr = config.trigger;
    const trigger = tr.mode === 'free-run'
      ? new VehicleTrigger({ mode: 'free-run', framesPerSecond: tr.framesPerSecond, clock, logger: log('trigger') })
      : new VehicleTrigger({
          mode: 'inputs', debounceMs: tr.debounceMs, holdOffMs: tr.holdOffMs, clock, logger: log('trigger'),
          inputs: await Promise.all(tr.inputs.map(async (i) => ({ pin: await gpio.openInput(i.pin, { pull: i.activeLow ? 'up' : 'down' }), kind: i.kind, activeLow: i.activeLow }))),
        });

    const tamper = config.tamper.enabled
      ? new TamperSwitch({ pin: await gpio.openInput(config.tamper.pin, { pull: 'up' }), openLevel: config.tamper.openLevel, debounceMs: config.tamper.debounceMs, clock, logger: log('tamper') })
      : null;

    const cam = config.camera;
    const camera = ctx.camera ?? (await createCamera(
      cameraConfigOf(cam),
      { clock, logger: log('camera') },
    ));

    const pipeline = new CapturePipeline({
      deviceId: config.deviceId, siteId: config.siteId, camera, illuminator, dayNight,
      exposure: { day: cam.day, night: cam.night }, burst: { frames: cam.burstFrames, intervalMs: cam.burstIntervalMs },
      recognizer: ctx.recognizer, store: ctx.buffer,
      captureQueue: config.pipeline.captureQueue, recognizeQueue: config.pipeline.recognizeQueue,
      framePoolBytes: config.pipeline.framePoolBytes, stageStuckMs: config.pipeline.stageStuckMs, clock, logger: log('pipeline'),
      ...(ctx.uplink ? { hubNow: () => ctx.uplink!.hubNow() } : {}),
    });
    trigger.on('vehicleDetected', (event) => pipeline.vehicleDetected(event));

    // The hot list and its hits ride on the uplink's link and keys (issue 10).
    const hitAlerts = ctx.uplink ? await hitAlertsFromConfig(config, ctx.uplink, clock, ctx.logger) : null;
    if (ctx.uplink && hitAlerts) {
      const keeper = hitAlerts.keeper;
      ctx.uplink.onTopic(topics.hotlist(config.deviceId), (bytes) => void keeper.receive(bytes));
    }

    const health = new HealthMonitor({
      intervalMs: config.health.intervalMs, dataDir: config.dataDir, clock, logger: log('health'),
      sources: [
        () => ({
          queues: pipeline.queueDepths,
          counters: { ...pipeline.counters, vehicles: trigger.vehicleCount, framePoolRefused: pipeline.framePool.refused },
          lastReadAt: pipeline.counters.lastReadAt,
          tamper: tamper ? { open: tamper.isOpen, openings: tamper.openCount } : null,
          lightMode: dayNight.mode,
          illuminator: illuminator ? { dutyCycle: illuminator.dutyCycle(), refusals: illuminator.refusedCount } : null,
        }),
        ...(ctx.buffer ? [async () => {
          const stats = await ctx.buffer!.stats();
          return { buffer: stats, alarms: storeDamageAlarms(stats) };
        }] : []),
        ...(ctx.uplink ? [() => ({ sync: { ...ctx.uplink!.stats } })] : []),
        ...(hitAlerts ? [async () => ({ hotlist: { ...hitAlerts.keeper.status(), hits: hitAlerts.counters, pendingAlerts: await hitAlerts.pending() } })] : []),
        ...(ctx.healthSources ?? []),
      ],
    });

    const s = config.supervisor;
    const supervisor = new Supervisor({ maxRestarts: s.maxRestarts, restartWindowMs: s.restartWindowMs, restartDelayMs: s.restartDelayMs, stopDeadlineMs: s.stopDeadlineMs, clock, logger: log('supervisor') });
    const notifier = new SystemdNotifier({ env: ctx.env ?? process.env, healthy: () => pipeline.healthy, clock, logger: log('systemd') });
    // Order matters: light mode and tamper state are known before the first capture; the
    // trigger starts last so no vehicle arrives before the pipeline can take it.
    supervisor.add('dayNight', dayNight);
    if (tamper) supervisor.add('tamper', tamper);
    if (ctx.buffer) supervisor.add('buffer', ctx.buffer);
    if (ctx.uplink) {
      const uplink = ctx.uplink;
      // The list is loaded before the link comes up, and hits are checked before the read is
      // offered to the batch loop, so that an alert never waits behind its own read.
      if (hitAlerts) supervisor.add('hotlist', hitAlerts.keeper);
      supervisor.add('sync', uplink);
      if (hitAlerts) {
        supervisor.add('hitAlerts', hitAlerts);
        pipeline.on('plateRead', (read) => {
          hitAlerts.check(read).catch((err: unknown) => ctx.logger.error({ err }, 'hot-list check failed'));
        });
      }
      pipeline.on('plateRead', () => uplink.notify());
      // The retained status message carries the latest health report and the hot-list version held.
      uplink.setStatusSource(async () => ({ tamperOpen: tamper?.isOpen ?? false, health: health.latest ?? (await health.collect()), hotlistVersion: hitAlerts?.keeper.version ?? 0 }));
    }
    supervisor.add('pipeline', pipeline);
    supervisor.add('trigger', trigger);
    supervisor.add('health', health);
    supervisor.add('systemd', notifier);
    supervisor.add('gpio', { start: async () => undefined, stop: async () => { await illuminator?.switchOff(); await gpio.close(); } });
    return new Appliance({ supervisor, pipeline, trigger, illuminator, tamper, dayNight, health, gpio, hitAlerts });
  }

  async start(): Promise<void> {
    await this.supervisor.start();
  }

  async stop(): Promise<void> {
    await this.supervisor.stop();
  }
}
