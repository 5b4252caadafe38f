import { parseArgs } from 'node:util';
import { silentLogger, systemClock } from '../core/index.js';
import { ReplayCamera, type BurstRequest, type CapturedImage } from '../drivers/index.js';
import { CapturePipeline } from '../firmware/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * The capture pipeline's own cost per frame, with no model: trigger queue -> replay camera (file
 * read and image check) -> frame pool -> recognize queue -> a recognizer that returns nothing.
 * overhead_ms_per_frame is wall time over frames with both stages running; handoff_ms_* is the
 * time from the camera returning a burst to the recognizer receiving it.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { frames: { type: 'string', default: '3000' }, images: { type: 'string' } } });
  const totalFrames = Number(values.frames);
  const folder = values.images ?? new URL('../demo/frames', import.meta.url).pathname;
  const logger = silentLogger();
  const camera = new ReplayCamera({ cameraId: 'cam0', folder, loop: true, framesPerSecond: 0, clock: systemClock });
  const returnedAt = new Map<CapturedImage, number>();
  const capture = camera.captureBurst.bind(camera);
  camera.captureBurst = async (request: BurstRequest) => {
    const frames = await capture(request);
    const now = performance.now();
    for (const f of frames) returnedAt.set(f, now);
    return frames;
  };
  const handoffs: number[] = [];
  let recognized = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const burstFrames = 3;
  const pipeline = new CapturePipeline({
    deviceId: 'bench', siteId: 'bench', camera, illuminator: null, dayNight: null,
    exposure: { day: { shutterUs: 500, gain: 1 }, night: { shutterUs: 500, gain: 1 } }, burst: { frames: burstFrames, intervalMs: 0 },
    recognizer: {
      recognizeBurst: async (frames) => {
        const now = performance.now();
        for (const f of frames) {
          handoffs.push(now - (returnedAt.get(f) ?? now));
          returnedAt.delete(f);
        }
        recognized += frames.length;
        if (recognized >= totalFrames) finish();
        return [];
      },
    },
    store: null, captureQueue: totalFrames, recognizeQueue: totalFrames, framePoolBytes: 2_000_000_000, stageStuckMs: 60_000, clock: systemClock, logger,
  });
  await pipeline.start();
  const started = performance.now();
  for (let i = 1; i <= Math.ceil(totalFrames / burstFrames); i++) pipeline.vehicleDetected({ at: Date.now(), source: 'free-run', count: i });
  await finished;
  const elapsed = performance.now() - started;
  await pipeline.stop();
  handoffs.sort((a, b) => a - b);
  const result = {
    benchmark: 'pipeline',
    frames: recognized,
    overhead_ms_per_frame: round(elapsed / recognized),
    handoff_ms_p50: round(percentile(handoffs, 50)),
    handoff_ms_p99: round(percentile(handoffs, 99)),
    frame_size: 'demo/frames 960x540 JPEG',
    drops: pipeline.counters.droppedBursts + pipeline.counters.droppedTriggers,
    machine: machine(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}
