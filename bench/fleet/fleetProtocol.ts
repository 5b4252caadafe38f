/**
 * What the fleet simulator (bench/fleet/simulator.ts) and its appliance workers
 * (bench/fleet/applianceWorker.ts) say to each other over the child-process IPC channel.
 */

/** How every simulated appliance is set up and driven; the same for all workers. */
export interface FleetPlan {
  hubUrl: string;
  siteId: string;
  /** Reads per second per appliance. */
  ratePerS: number;
  durationS: number;
  /** After the last capture, how long to wait for every buffer to be acknowledged. */
  drainTimeoutS: number;
  /** Appliance data folders (keys, config, LevelDB buffer) are made under this one. */
  dataDir: string;
  /** The hub sealing key id the installer expects (enrollment refuses another), or null. */
  expectHubKeyId: string | null;
  /** Enrollments in flight at once in one worker. */
  enrolConcurrency: number;
  /** Appliance config `sync.*` settings (snake_case, as in the file). */
  sync: Record<string, number>;
}

export interface ApplianceSpec {
  deviceId: string;
  /** One-time enrollment token an admin issued for this appliance. */
  token: string;
  /**
   * Its broker node, then the others in the order it fails over to them (the installer's
   * `configure --set sync.broker_url=... sync.fallback_broker_urls=...`); empty: the broker
   * enrollment names.
   */
  brokerUrls: string[];
}

export type ToWorker =
  | { type: 'enrol'; plan: FleetPlan; worker: number; appliances: ApplianceSpec[] }
  /** Start capturing at this wall-clock time (all workers together). */
  | { type: 'go'; startAt: number };

export interface WorkerProgress {
  /** Reads captured into the buffers. */
  sent: number;
  /** Reads the hub acknowledged (committed). */
  acked: number;
  /** Appliances whose broker connection is up. */
  connected: number;
  /** Batches resent for want of an ack. */
  retries: number;
}

export type FromWorker =
  | { type: 'enrolled'; count: number }
  | { type: 'ready' }
  | ({ type: 'progress' } & WorkerProgress)
  /** Finished: one line a read in `readsFile` (see SentRead), and the worker's own CPU time. */
  | ({ type: 'done'; readsFile: string; unsynced: number; cpuMs: number; captureCpuMs: number } & WorkerProgress)
  | { type: 'failed'; message: string };

/** One captured read as the simulator knows it (times in ms since the epoch). */
export interface SentRead {
  id: string;
  deviceId: string;
  /** The appliance's clock at capture. */
  capturedAt: number;
  /** When the hub's signed ack for it reached the appliance; null if it never did. */
  ackedAt: number | null;
}

export const sentReadLine = (r: SentRead) => `${r.id},${r.deviceId},${r.capturedAt},${r.ackedAt ?? ''}\n`;

export function parseSentRead(line: string): SentRead {
  const [id, deviceId, capturedAt, ackedAt] = line.split(',');
  return { id: id!, deviceId: deviceId!, capturedAt: Number(capturedAt), ackedAt: ackedAt ? Number(ackedAt) : null };
}
