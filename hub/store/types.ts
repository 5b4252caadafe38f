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

export interface IngestOutcome {
  inserted: string[];
  duplicates: string[];
  /** Set when this batch's sequence skipped numbers after the last one seen from the device. */
  gap: { from: number; to: number } | null;
}

/**
 * The hub's store. Two engines pass the same suite (test/hub/store/hubStore.test.ts): SQLite (the
 * embedded default) and PostgreSQL (reads partitioned by day).
 */
export interface HubStore {
  readonly engine: 'sqlite' | 'pg';
  migrate(): Promise<void>;
  close(): Promise<void>;

  upsertDevice(device: Device): Promise<void>;
  getDevice(deviceId: string): Promise<Device | null>;
  setDeviceStatus(deviceId: string, status: DeviceStatus): Promise<void>;

  /**
   * Stores a batch's reads in one transaction, idempotently by read id (a read already held is a
   * duplicate, not an error), and records the batch sequence for gap detection.
   */
  ingestBatch(deviceId: string, sequence: number, reads: HubRead[]): Promise<IngestOutcome>;
  lastSequence(deviceId: string): Promise<number | null>;

  countReads(): Promise<number>;
  getRead(id: string): Promise<HubRead | null>;
  allReadIds(): Promise<string[]>;
}
