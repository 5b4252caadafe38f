import { AlprError } from '../../core/index.js';
import type { CapturedImage } from '../../drivers/index.js';

export interface FrameRef {
  frameId: string;
  cameraId: string;
  capturedAt: number;
}

/**
 * Holds frame pixels (encoded JPEG or raw I420 bytes: a 1080p raw frame is 3.1 MB, ten times a
 * JPEG) between capture and recognition under a byte budget, so the queues carry only small FrameRefs. Every frame is released explicitly once its burst is read;
 * a capture that would exceed the budget is refused and counted.
 */
export class FramePool {
  private readonly frames = new Map<string, CapturedImage>();
  private bytes = 0;
  private nextId = 1;
  private refusedCount = 0;

  constructor(private readonly maxBytes: number) {}

  get heldFrames(): number {
    return this.frames.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  get refused(): number {
    return this.refusedCount;
  }

  /** Stores a frame; null when the pool is over budget (the caller drops the burst). */
  put(cameraId: string, image: CapturedImage): FrameRef | null {
    if (this.bytes + image.data.length > this.maxBytes) {
      this.refusedCount++;
      return null;
    }
    const frameId = `${cameraId}-${this.nextId++}`;
    this.frames.set(frameId, image);
    this.bytes += image.data.length;
    return { frameId, cameraId, capturedAt: image.capturedAt };
  }

  get(ref: FrameRef): CapturedImage {
    const image = this.frames.get(ref.frameId);
    if (!image) throw new AlprError('ALPR_ERR_FRAME_RELEASED', `frame ${ref.frameId} was already released`);
    return image;
  }

  release(ref: FrameRef): void {
    const image = this.frames.get(ref.frameId);
    if (!image) return;
    this.frames.delete(ref.frameId);
    this.bytes -= image.data.length;
  }
}
