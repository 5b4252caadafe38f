import type { VehicleColour } from '../../core/index.js';
import type { SqlDb } from '../db/sql.js';

/** A read as the hub keeps it. Images are held encrypted at rest by the store. */
export interface HubRead {
  id: string;
  deviceId: string;
  siteId: string;
  cameraId: string;
  capturedAt: number;
  receivedAt: number;
  plate: string;
  confidence: number;
  charConfidences: number[];
  region: string | null;
  regionConfidence: number;
  lowConfidence: boolean;
  corners: Array<{ x: number; y: number }>;
  /** Body colour the appliance judged; 'unknown' when it was not sure or predates the field. */
  vehicleColour: VehicleColour;
  crop: Buffer;
  context: Buffer;
}

export type DeviceStatus = 'active' | 'revoked';

/** The device registry row provisioning fills (issue 6) and ingest checks. */
export interface Device {
  deviceId: string;
  /** Raw Ed25519 public key (32 bytes). */
  publicKey: Buffer;
  siteId: string;
  status: DeviceStatus;
  enrolledAt: number;
}

/** Part of the reads a search visits: a table (or partitioned parent) and a time window in it. */
export interface ReadWindow {
  table: string;
  from: number;
  to: number;
}

/** What one retention run deleted: the proof of deletion written into the audit log. */
export interface PurgeReport {
  cutoff: number;
  deleted: number;
  /** Reads deleted per capture day (UTC, YYYY-MM-DD). */
  byDay: Record<string, number>;
  /** SHA-256 over the deleted read ids, sorted, one per line: an auditor can check a list against it. */
  idsSha256: string;
  /** Reads older than the cutoff that an evidence hold kept. */
  keptOnHold: number;
}

export interface IngestOutcome {
  inserted: string[];
  duplicates: string[];
  /** Set when this batch's sequence skipped numbers after the last one seen from the device. */
  gap: { from: number; to: number } | null;
}

/**
 * What ingest has seen from one device, kept in the store and updated in the same transaction as
 * the reads, so the figures survive a hub crash and agree with what was committed.
 */
export interface IngestCounters {
  deviceId: string;
  /** Batches committed (a redelivered batch counts again). */
  batches: number;
  /** Reads in those batches that passed the checks (stored or duplicate). */
  readsReceived: number;
  /** Reads stored for the first time. */
  readsStored: number;
  /** Reads the store already held: a resend after a lost ack, a crash or a broker redelivery. */
  duplicates: number;
  /**
   * Batches whose sequence was not above the last one committed (the same batch again: a lost
   * ack, a hub crash, a broker redelivery), and the reads in them. While the device itself does
   * not restart, every duplicate comes in such a batch: duplicates == resentReads.
   */
  resentBatches: number;
  resentReads: number;
  /** Times the sequence skipped ahead, and how many sequence numbers were skipped in all. */
  gaps: number;
  missingSequences: number;
}

/** Counters from a database row of ingest_counters (snake_case; absent: a device never heard from). */
export function countersOf(deviceId: string, row: Record<string, number> | undefined): IngestCounters {
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    deviceId, batches: n('batches'), readsReceived: n('reads_received'), readsStored: n('reads_stored'), duplicates: n('duplicates'),
    resentBatches: n('resent_batches'), resentReads: n('resent_reads'), gaps: n('gaps'), missingSequences: n('missing_sequences'),
  };
}

/**
 * The hub's store. Two engines pass the same suite (test/hub/store/hubStore.test.ts): SQLite (the
 * embedded default) and PostgreSQL (reads partitioned by day).
 */
export interface HubStore {
  readonly engine: 'sqlite' | 'pg';
  /** Portable SQL on the same database, for the hub's policy tables (accounts, audit, sites...). */
  readonly sql: SqlDb;
  migrate(): Promise<void>;
  close(): Promise<void>;

  upsertDevice(device: Device): Promise<void>;
  getDevice(deviceId: string): Promise<Device | null>;
  listDevices(): Promise<Device[]>;
  setDeviceStatus(deviceId: string, status: DeviceStatus): Promise<void>;

  /**
   * Stores a batch's reads in one transaction, idempotently by read id (a read whose id is held is
   * a duplicate, not an error, and the copy stored first stands: at any capture time on
   * PostgreSQL, within a day of the stored one on SQLite; an id is held until the purge takes its
   * read), and records the batch sequence for gap detection. Sequence 0 is a
   * read that came outside a batch (an appliance's hot-list alert): stored alike, no bookkeeping.
   */
  ingestBatch(deviceId: string, sequence: number, reads: HubRead[]): Promise<IngestOutcome>;
  lastSequence(deviceId: string): Promise<number | null>;
  /** The device's ingest counters (all zero for a device never heard from). */
  ingestCounters(deviceId: string): Promise<IngestCounters>;

  /**
   * Where reads captured in [from, to) live, newest window first, so that a search needing only
   * the newest N results can stop early: one window per capture day, then anything older.
   */
  readWindows(from: number, to: number): ReadWindow[];

  countReads(): Promise<number>;
  getRead(id: string): Promise<HubRead | null>;
  allReadIds(): Promise<string[]>;

  /**
   * Deletes every read captured before `cutoff` (with its images and, once no read of it is
   * left, its plate-index entry) unless an active row in `holds` keeps it as evidence.
   */
  purgeReadsBefore(cutoff: number): Promise<PurgeReport>;
}
