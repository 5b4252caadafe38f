import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError, EXIT, systemClock } from '../../core/index.js';
import { openStore } from '../hubProcess.js';
import { AuditLog } from './auditLog.js';

export interface ChainVerifyOptions {
  dataDir: string;
  pgUrl: string | null;
  pgSchema: string;
  publicKeyFile: string | undefined;
}

/** The hub's signing public key: from a PEM file (public or private), or the hub's own key in DATA/keys. */
export async function signingPublicKey(publicKeyFile: string | undefined, dataDir: string): Promise<KeyObject> {
  const path = publicKeyFile ?? join(dataDir, 'keys', 'hub-sign.pem');
  try {
    return createPublicKey(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new AlprError('ALPR_ERR_USAGE', `the hub's signing key cannot be read from ${path} (give --public-key FILE, the hub's signing public key as PEM)`, { cause });
  }
}

/**
 * The body of `report verify` and `evidence verify`: checks one signed file with the hub's key and
 * against the audit chain that records it. Like `audit verify`, it writes nothing and can run on a
 * copy. Prints each problem, then the result as JSON; exits non-zero naming `code` and the first
 * problem.
 */
export async function verifyAgainstChain(
  o: ChainVerifyOptions,
  failure: { code: string; what: string },
  verify: (publicKey: KeyObject, audit: AuditLog) => Promise<{ problems: string[] }>,
): Promise<number> {
  const publicKey = await signingPublicKey(o.publicKeyFile, o.dataDir);
  // The audit table holds no images; the image key is never used here, so none is read.
  const store = openStore({ ...o, clock: systemClock }, { imageKey: randomBytes(32) });
  try {
    await store.migrate();
    const result = await verify(publicKey, new AuditLog({ sql: store.sql, clock: systemClock }));
    for (const p of result.problems) process.stdout.write(`${p}\n`);
    process.stdout.write(`${JSON.stringify({ ...result, problems: result.problems.length })}\n`);
    if (result.problems.length === 0) return EXIT.ok;
    process.stderr.write(`${failure.code}: ${failure.what} does not verify: ${result.problems[0]}\n`);
    return EXIT.failure;
  } finally {
    await store.close();
  }
}
