import { randomUUID } from 'node:crypto';
import { AlprError, errorMessage, loggableError, TypedEmitter, type Clock, type Logger } from '../../core/index.js';
import { evidenceJpeg, type Camera, type CapturedImage, type DayNight, type ExposureSettings, type Illuminator, type VehicleDetected } from '../../drivers/index.js';
import type { PlateRead, ReadRecord, ReadStore, Recognizer } from '../recognition.js';
import { BoundedQueue } from './boundedQueue.js';
import { FramePool, type FrameRef } from './framePool.js';
import { StageWatch } from './stageWatch.js';

export interface CapturePipelineOptions {
  deviceId: string;
  siteId: string;
  camera: Camera;
  illuminator: Illuminator | null;
  dayNight: DayNight | null;
  exposure: { day: ExposureSettings; night: ExposureSettings };
  burst: { frames: number; intervalMs: number };
  recognizer: Recognizer | null;
  store: ReadStore | null;
  captureQueue: number;
  recognizeQueue: number;
  framePoolBytes: number;
  stageStuckMs: number;
  /** The hub's time now, once the uplink has learned it (null before): each read carries both times. */
  hubNow?: () => number | null;
  clock: Clock;
  logger: Logger;
}

interface TriggerJob {
  trigger: VehicleDetected;
}

interface BurstJob {
  burstId: string;
  trigger: VehicleDetected;
  frames: FrameRef[];
  illuminated: boolean;
  /** Captured in night mode: lit by the infrared strobe or street light, paint has no colour to judge. */
  night: boolean;
}

export interface PipelineCounters {
  triggers: number;
  bursts: number;
  frames: number;
  reads: number;
  lowConfidenceReads: number;
  captureErrors: number;
  recognizeErrors: number;
  storeErrors: number;
  unlitNightBursts: number;
  droppedTriggers: number;
  droppedBursts: number;
  lastReadAt: number | null;
}

type PipelineEvents = {
  frameCaptured: [frame: FrameRef & { width: number; height: number; format: string; origin: string; burstId: string }];
  burstCaptured: [burstId: string, frames: number];
  plateRead: [read: ReadRecord];
  captureFailed: [error: AlprError];
  stageStuck: [stage: string, busyMs: number];
  cameraIdle: [];
};

/**
 * trigger -> (illuminator strobe + burst capture) -> frame pool -> recognizer -> read store.
 * Two stages run concurrently, joined by bounded queues that count what they drop. A failure on
 * one item (a corrupt frame, a camera timeout, a recognizer error) is counted and logged, and the
 * pipeline goes on with the next one.
 */
export class CapturePipeline extends TypedEmitter<PipelineEvents> {
  private captureQueue!: BoundedQueue<TriggerJob>;
  private recognizeQueue!: BoundedQueue<BurstJob>;
  private readonly pool: FramePool;
  private readonly watch: StageWatch;
  private loops: Promise<void>[] = [];
  private running = false;
  private failureListeners: Array<(err: AlprError) => void> = [];
  readonly counters: PipelineCounters = {
    triggers: 0, bursts: 0, frames: 0, reads: 0, lowConfidenceReads: 0, captureErrors: 0, recognizeErrors: 0,
    storeErrors: 0, unlitNightBursts: 0, droppedTriggers: 0, droppedBursts: 0, lastReadAt: null,
  };

  constructor(private readonly ctx: CapturePipelineOptions) {
    super();
    this.pool = new FramePool(ctx.framePoolBytes);
    this.watch = new StageWatch({ clock: ctx.clock, stuckMs: ctx.stageStuckMs });
  }

  get queueDepths(): { capture: number; recognize: number } {
    return { capture: this.captureQueue?.depth ?? 0, recognize: this.recognizeQueue?.depth ?? 0 };
  }

  get framePool(): { frames: number; bytes: number; refused: number } {
    return { frames: this.pool.heldFrames, bytes: this.pool.heldBytes, refused: this.pool.refused };
  }

  /** Called by the supervisor: a stuck stage is a failure of the whole pipeline part. */
  onFailure(listener: (err: AlprError) => void): void {
    this.failureListeners.push(listener);
  }

  async start(): Promise<void> {
    this.captureQueue = new BoundedQueue('capture', this.ctx.captureQueue, () => this.counters.droppedTriggers++);
    this.recognizeQueue = new BoundedQueue('recognize', this.ctx.recognizeQueue, (job) => {
      this.counters.droppedBursts++;
      for (const f of job.frames) this.pool.release(f);
    });
    await this.ctx.camera.start();
    this.running = true;
    // Each loop holds its own queues: after a restart, a loop abandoned on a stuck item that
    // finally returns finds its queues closed and exits instead of taking new work.
    this.loops = [this.captureLoop(this.captureQueue, this.recognizeQueue), this.recognizeLoop(this.recognizeQueue)];
    this.watch.start((stage, busyMs) => {
      this.ctx.logger.error({ stage, busyMs }, 'pipeline stage stuck');
      this.emit('stageStuck', stage, busyMs);
      const err = new AlprError('ALPR_ERR_STAGE_STUCK', `pipeline stage ${stage} has been busy for ${busyMs} ms`, { details: { stage, busyMs } });
      for (const listener of this.failureListeners) listener(err);
    });
  }

  /**
   * Stops taking triggers and lets in-flight work finish. A stage already reported stuck is
   * abandoned rather than awaited, so the supervisor can restart the pipeline around it.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const abandon = this.watch.anyStuck;
    this.watch.stop();
    this.captureQueue.close();
    this.captureQueue.drain();
    if (!abandon) await this.loops[0];
    this.recognizeQueue.close();
    if (!abandon) await this.loops[1];
    for (const job of this.recognizeQueue.drain()) for (const f of job.frames) this.pool.release(f);
    await this.ctx.camera.stop();
  }

  /** Accepts a vehicle trigger (wired to VehicleTrigger's vehicleDetected). */
  vehicleDetected(trigger: VehicleDetected): void {
    if (!this.running) return;
    this.counters.triggers++;
    this.captureQueue.offer({ trigger });
  }

  /** Whether every stage is idle and both queues are empty (the demo waits for this). */
  get idle(): boolean {
    return this.captureQueue.depth === 0 && this.recognizeQueue.depth === 0 && this.watch.allIdle;
  }

  /** True when the stages are making progress (gates the systemd watchdog ping). */
  get healthy(): boolean {
    return this.running && !this.watch.anyStuck;
  }

  private async captureLoop(input: BoundedQueue<TriggerJob>, output: BoundedQueue<BurstJob>): Promise<void> {
    for (;;) {
      const job = await input.take();
      if (!job) return;
      await this.watch.run('capture', () => this.capture(job, output));
    }
  }

  private async capture(job: TriggerJob, output: BoundedQueue<BurstJob>): Promise<void> {
    const burstId = randomUUID();
    const night = this.ctx.dayNight?.mode === 'night';
    const exposure = night ? this.ctx.exposure.night : this.ctx.exposure.day;
    const request = { frames: this.ctx.burst.frames, intervalMs: this.ctx.burst.intervalMs, exposure };
    let images: CapturedImage[];
    let illuminated = false;
    try {
      if (night && this.ctx.illuminator) {
        const lit = await this.ctx.illuminator.strobe(() => this.ctx.camera.captureBurst(request));
        images = lit.result;
        illuminated = lit.illuminated;
        if (!illuminated) this.counters.unlitNightBursts++;
      } else {
        images = await this.ctx.camera.captureBurst(request);
      }
    } catch (err) {
      this.counters.captureErrors++;
      const error = err instanceof AlprError ? err : new AlprError('ALPR_ERR_CAMERA_CAPTURE', errorMessage(err), { cause: err });
      this.ctx.logger.warn({ err: error.toJSON() }, 'capture failed');
      this.emit('captureFailed', error);
      return;
    }
    if (images.length === 0) {
      this.emit('cameraIdle');
      return;
    }
    const frames: FrameRef[] = [];
    for (const image of images) {
      const ref = this.pool.put(this.ctx.camera.cameraId, image);
      if (!ref) break;
      frames.push(ref);
      this.counters.frames++;
      this.emit('frameCaptured', { ...ref, width: image.width, height: image.height, format: image.format, origin: image.origin, burstId });
    }
    if (frames.length < images.length) {
      this.ctx.logger.warn({ burstId, kept: frames.length, captured: images.length }, 'frame pool full: burst truncated');
    }
    if (frames.length === 0 || output.closed) {
      this.counters.droppedBursts++;
      for (const f of frames) this.pool.release(f);
      return;
    }
    this.counters.bursts++;
    this.emit('burstCaptured', burstId, frames.length);
    output.offer({ burstId, trigger: job.trigger, frames, illuminated, night });
  }

  private async recognizeLoop(input: BoundedQueue<BurstJob>): Promise<void> {
    for (;;) {
      const job = await input.take();
      if (!job) return;
      try {
        await this.watch.run('recognize', () => this.recognize(job));
      } finally {
        for (const f of job.frames) this.pool.release(f);
      }
    }
  }

  private async recognize(job: BurstJob): Promise<void> {
    const { recognizer } = this.ctx;
    if (!recognizer) return;
    const images = job.frames.map((f) => this.pool.get(f));
    let plates: PlateRead[];
    try {
      plates = await recognizer.recognizeBurst(images);
    } catch (err) {
      this.counters.recognizeErrors++;
      this.ctx.logger.warn({ burstId: job.burstId, err: loggableError(err) }, 'recognition failed');
      return;
    }
    // The context JPEG, once per frame that gave a read: a raw frame is encoded here and only here,
    // so frames without a plate never pay for a JPEG.
    const contexts = new Map<FrameRef, Promise<Buffer>>();
    for (const plate of plates) {
      const frame = job.frames[plate.frameIndex] ?? job.frames[0]!;
      let context: Buffer;
      try {
        if (!contexts.has(frame)) contexts.set(frame, evidenceJpeg(this.pool.get(frame)));
        context = await contexts.get(frame)!;
      } catch (err) {
        this.counters.recognizeErrors++;
        this.ctx.logger.warn({ burstId: job.burstId, err: loggableError(err) }, 'context image could not be made');
        continue;
      }
      // Stamped now, while the frame's age on this clock is short and certain: a restart that
      // resets an unset RTC, or an NTP step, before the read is sent cannot change it.
      const hubNow = this.ctx.hubNow?.() ?? null;
      const read: ReadRecord = {
        id: randomUUID(),
        capturedAt: frame.capturedAt,
        ...(hubNow !== null ? { hubCapturedAt: hubNow - Math.max(0, this.ctx.clock.now() - frame.capturedAt) } : {}),
        deviceId: this.ctx.deviceId,
        siteId: this.ctx.siteId,
        cameraId: frame.cameraId,
        plate: plate.text,
        confidence: plate.confidence,
        charConfidences: plate.charConfidences,
        region: plate.region,
        regionConfidence: plate.regionConfidence,
        lowConfidence: plate.lowConfidence,
        corners: plate.corners,
        vehicleColour: job.night ? 'unknown' : plate.vehicleColour,
        crop: plate.crop,
        context,
      };
      try {
        await this.ctx.store?.append(read);
      } catch (err) {
        this.counters.storeErrors++;
        this.ctx.logger.error({ burstId: job.burstId, err: loggableError(err) }, 'read could not be stored');
        continue;
      }
      this.counters.reads++;
      if (read.lowConfidence) this.counters.lowConfidenceReads++;
      this.counters.lastReadAt = this.ctx.clock.now();
      this.emit('plateRead', read);
    }
  }
}
