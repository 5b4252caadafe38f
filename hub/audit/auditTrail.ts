import type { Logger } from '../../core/index.js';
import { loadOrCreateAuditKey, publicKeyPathFor, requireOutsideDataFolder } from './auditKey.js';
import type { AuditTrail } from './auditLog.js';
import { AuditWitness } from './auditWitness.js';

/** Where the hub keeps what makes its audit chain tamper-evident; neither may be in the data folder. */
export interface AuditTrailFiles {
  /** Ed25519 private key that signs checkpoints (made on first start, public half beside it as `.pub`). */
  keyFile: string;
  /** The append-only witness file (one line per audit record, plus signed checkpoints). */
  witnessFile: string;
}

/** Opens the audit key and witness for a hub process or a command run on the hub machine. */
export async function openAuditTrail(dataDir: string, files: AuditTrailFiles, logger: Logger): Promise<AuditTrail> {
  await requireOutsideDataFolder(dataDir, files.keyFile, 'the audit key');
  await requireOutsideDataFolder(dataDir, files.witnessFile, 'the audit witness');
  const { key, created } = await loadOrCreateAuditKey(files.keyFile);
  if (created) logger.warn({ keyFile: files.keyFile, publicKeyFile: publicKeyPathFor(files.keyFile) }, 'made a new audit checkpoint key: give its public half to the auditors');
  return { key, witness: await AuditWitness.open(files.witnessFile, key) };
}
