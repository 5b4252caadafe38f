import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger, systemClock } from '../core/index.js';
import { SimulatedGpioChip } from '../drivers/index.js';
import { Appliance, dataKeyPath, loadConfigFile, loadDataKey, readBufferFromConfig, uplinkFromConfig, type ApplianceConfig, type ReadBuffer } from '../firmware/index.js';
import type { HubServices } from '../hub/hubServices.js';
import { recognizerFromConfig } from '../inference/index.js';
import { SAMPLE_VEHICLES, sampleFrameName } from './sampleScenes.js';

export const LOOP_PIN = 17;
export const TAMPER_PIN = 24;

export interface DemoAppliance {
  appliance: Appliance;
  config: ApplianceConfig;
  gpio: SimulatedGpioChip;
  buffer: ReadBuffer;
}

/**
 * The enrolled appliance as alpr-firmware would run it from its config file, on the simulated GPIO
 * chip (loop detector idle, enclosure closed); `cameraFolder` replays another folder of frames.
 */
export async function createDemoAppliance(configPath: string, cameraFolder?: string): Promise<DemoAppliance> {
  const file = await loadConfigFile(configPath);
  const config: ApplianceConfig = cameraFolder ? { ...file, camera: { ...file.camera, folder: cameraFolder } } : file;
  const logger = createLogger({ level: config.logLevel, name: 'alpr-firmware' });
  const gpio = new SimulatedGpioChip();
  gpio.drive(LOOP_PIN, 1); // no vehicle: the open-collector line idles high
  gpio.drive(TAMPER_PIN, 0); // enclosure closed
  const buffer = readBufferFromConfig(config, [await loadDataKey(dataKeyPath(config))], systemClock, logger);
  const uplink = await uplinkFromConfig(config, buffer, systemClock, logger);
  const appliance = await Appliance.create({ config, logger, clock: systemClock, gpio, recognizer: await recognizerFromConfig(config.recognizer, systemClock, logger), buffer, uplink });
  return { appliance, config, gpio, buffer };
}

/**
 * With --keep-running, after the scripted part (which closes its own alert): one of the demo's
 * cars passes the pole again, so the console user finds an open alert to verify. The appliance
 * runs again from its config over that car's frames only, reads the plate, matches its hot list
 * and alerts the hub, as on the first pass. Resolves with the open alert's id.
 */
export async function passAgain(o: { configPath: string; frames: string; plate: string; workDir: string; services: HubServices; timeoutMs?: number }): Promise<string> {
  const index = SAMPLE_VEHICLES.findIndex((v) => v.plate === o.plate);
  if (index < 0) throw new Error(`${o.plate} is not one of the demo's cars`);
  const folder = join(o.workDir, `pass-again-${o.plate}`);
  await mkdir(folder, { recursive: true });
  for (let step = 0; step < 3; step++) await copyFile(join(o.frames, sampleFrameName(index, step)), join(folder, sampleFrameName(index, step)));
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  let alertId: string | null = null;
  const unsubscribe = o.services.alerts.on('alertRaised', (a) => {
    if (a.plate === o.plate) alertId = a.alertId;
  });
  const { appliance, config, gpio, buffer } = await createDemoAppliance(o.configPath, folder);
  try {
    await appliance.start();
    const version = await o.services.hotlists.version();
    await waitUntil(async () => appliance.hitAlerts!.keeper.version === version, deadline, 'the appliance to hold the hot list');
    gpio.drive(LOOP_PIN, 0);
    await systemClock.sleep(30);
    gpio.drive(LOOP_PIN, 1);
    await waitUntil(async () => appliance.pipeline.counters.reads > 0 && appliance.pipeline.idle, deadline, `the appliance to read ${o.plate}`);
    // The alert, and the read with its images that the officer verifies it against.
    await waitUntil(async () => alertId !== null && (await buffer.stats()).reads === 0, deadline, `the hub to raise the alert on ${o.plate} and store the read`);
    return alertId!;
  } finally {
    unsubscribe();
    await appliance.stop();
  }
}

async function waitUntil(condition: () => Promise<boolean>, deadline: number, what: string): Promise<void> {
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await systemClock.sleep(20);
  }
}
