import type { ReadBuffer } from '../firmware/index.js';
import type { BufferBatch, UplinkSource } from '../sync/index.js';

/**
 * The appliance's buffer as the uplink's source, noting which reads the hub acknowledged: the
 * uplink marks a batch synced only once the hub's signed ack for it is in hand, so a read named
 * here is one the hub has committed.
 */
export class AckedReads implements UplinkSource {
  /** Ids of the acknowledged reads, in ack order (unless `onAcked` takes them instead). */
  readonly acked: string[] = [];
  private readonly inFlight = new Map<string, string[]>();

  /** `onAcked` takes each acknowledged batch's read ids as its ack lands (a fleet keeps times, not a list). */
  constructor(private readonly buffer: ReadBuffer, private readonly onAcked?: (readIds: string[]) => void) {}

  async nextBatch(maxReads: number, maxBytes: number): Promise<BufferBatch | null> {
    const batch = await this.buffer.nextBatch(maxReads, maxBytes);
    if (batch) this.inFlight.set(batch.batchId, batch.reads.map((r) => r.id));
    return batch;
  }

  async markSynced(batchId: string, setAside?: ReadonlyArray<{ readId: string; reason: string }>): Promise<void> {
    const refused = new Set((setAside ?? []).map((r) => r.readId));
    const ids = (this.inFlight.get(batchId) ?? []).filter((id) => !refused.has(id));
    this.inFlight.delete(batchId);
    // Noted once the buffer has let them go: a fleet worker that sees every read acknowledged
    // counts what its buffers still hold as not delivered, and a read noted before its deletion
    // was counted there too (lost -9 in a run).
    await this.buffer.markSynced(batchId, setAside);
    if (this.onAcked) this.onAcked(ids);
    else this.acked.push(...ids);
  }

  renewLease(batchId: string): Promise<boolean> {
    return this.buffer.renewLease(batchId);
  }

  releaseBatch(batchId: string): void {
    this.inFlight.delete(batchId);
    this.buffer.releaseBatch(batchId);
  }

  stats() {
    return this.buffer.stats();
  }
}
