import { join } from 'node:path';
import { tempDir } from './index.js';

type Tap = import('tap').Test;

/**
 * The audit key and witness for a test hub, in a temp folder of their own: never inside the hub's
 * data folder, as in a real deployment (/etc/alpr, a witness host).
 */
export async function auditFiles(t: Tap): Promise<{ keyFile: string; witnessFile: string; publicKeyFile: string; args: string[]; verifyArgs: string[] }> {
  const dir = await tempDir(t, 'alpr-audit-');
  const keyFile = join(dir, 'audit-key.pem');
  const witnessFile = join(dir, 'audit.witness');
  const publicKeyFile = `${keyFile}.pub`;
  return {
    keyFile, witnessFile, publicKeyFile,
    args: ['--audit-key', keyFile, '--audit-witness', witnessFile],
    verifyArgs: ['--public-key', publicKeyFile, '--witness', witnessFile],
  };
}
