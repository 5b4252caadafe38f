import type { ReadRecord } from './readRecord.js';

/** Reads handed to the uplink together; acknowledged or released as one. */
export interface BufferBatch {
  batchId: string;
  reads: ReadRecord[];
}

/** What the read buffer holds, as the uplink reports it in the device status. */
export interface BufferStats {
  reads: number;
  bytes: number;
  oldestReadAgeS: number | null;
  leasedBatches: number;
  evictedExpired: number;
  /** Unsynced reads evicted because the byte budget was reached: data the hub will never get. */
  dataLossReads: number;
  corruptRecords: number;
  /** Times LevelDB's own files were found damaged and repaired in place (some reads may be gone). */
  storeRepairs: number;
  /** Damaged stores that could not be repaired, renamed aside (still encrypted) for a fresh one. */
  storesSetAside: number;
  /** Reads the hub refused, held aside encrypted until retention deletes them (included in `reads`). */
  quarantinedReads: number;
}

/** What the uplink needs from the read buffer (firmware's ReadBuffer implements it). */
export interface UplinkSource {
  nextBatch(maxReads: number, maxBytes: number): Promise<BufferBatch | null>;
  /** Before each (re)send: false once eviction took reads from the batch, which must then not be sent. */
  renewLease(batchId: string): Promise<boolean>;
  /** The hub has the batch: delete its reads, except those in `setAside`, which go into quarantine. */
  markSynced(batchId: string, setAside?: ReadonlyArray<{ readId: string; reason: string }>): Promise<void>;
  releaseBatch(batchId: string): void;
  stats(): Promise<BufferStats>;
}
