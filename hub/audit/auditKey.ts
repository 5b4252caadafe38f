import { createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { AlprError, pathExists } from '../../core/index.js';
import { newSigningKeys, publicKeyPem, readPrivateKey, writePrivateKey } from '../../sync/index.js';

/** The Ed25519 key that signs audit checkpoints. Its private half never lives in the data folder. */
export interface AuditKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Where the public half is written beside the private key file, for the auditors. */
export function publicKeyPathFor(keyFile: string): string {
  return `${keyFile}.pub`;
}

/**
 * Anyone who can write the data folder could sign a forged head with a key kept there, and could
 * rewrite a witness kept there: both must live elsewhere (/etc/alpr, another host).
 */
export async function requireOutsideDataFolder(dataDir: string, path: string, what: string): Promise<void> {
  // Symbolic links are followed: a link elsewhere that leads into the data folder is inside it.
  const rel = relative(await realPathSoFar(dataDir), await realPathSoFar(path));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new AlprError('ALPR_ERR_CONFIG_INVALID', `${what} ${path} is inside the data folder ${dataDir}: keep it where whoever can write the data folder cannot (for example /etc/alpr or /var/lib/alpr-witness)`);
  }
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
async function realPathSoFar(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realPathSoFar(parent), basename(absolute));
  }
}

/** Loads the audit signing key, making it (0600) and its public half on first start. */
export async function loadOrCreateAuditKey(keyFile: string): Promise<{ key: AuditKey; created: boolean }> {
  let created = false;
  if (!(await pathExists(keyFile))) {
    await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
    await writePrivateKey(keyFile, newSigningKeys().privateKey);
    created = true;
  }
  const privateKey = await readPrivateKey(keyFile);
  const publicKey = createPublicKey(privateKey);
  const pubFile = publicKeyPathFor(keyFile);
  if (created || !(await pathExists(pubFile))) await writeFile(pubFile, publicKeyPem(publicKey), { mode: 0o644 });
  return { key: { privateKey, publicKey }, created };
}

/** The public key an auditor is given (PEM). */
export async function readAuditPublicKey(file: string): Promise<KeyObject> {
  try {
    return createPublicKey(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_INVALID', `${file}: not a readable PEM public key`, { cause });
  }
}

