import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AlprError } from '../core/index.js';

/** An Ed25519 signing key pair (device identity, hub ack signing). */
export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The hub's X25519 sealing key pair; devices hold only the public half. */
export interface SealingKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const newSigningKeys = (): SigningKeys => generateKeyPairSync('ed25519');
export const newSealingKeys = (): SealingKeys => generateKeyPairSync('x25519');

/** Raw 32-byte public key, from the DER SPKI (whose last 32 bytes are the key for both curves). */
export function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(-32);
}

export function publicKeyFromRaw(raw: Buffer, kind: 'ed25519' | 'x25519'): KeyObject {
  if (raw.length !== 32) throw new AlprError('ALPR_ERR_SYNC_KEY', `a ${kind} public key is 32 bytes, got ${raw.length}`);
  const prefix = Buffer.from(kind === 'ed25519' ? '302a300506032b6570032100' : '302a300506032b656e032100', 'hex');
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
}

/** Short id of a public key (what the registry and envelopes name keys by). */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Writes a private key as PKCS#8 PEM, mode 0600, atomically. */
export async function writePrivateKey(path: string, key: KeyObject): Promise<void> {
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.pem.tmp`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(key.export({ type: 'pkcs8', format: 'pem' }));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

export async function readPrivateKey(path: string): Promise<KeyObject> {
  try {
    return createPrivateKey(await readFile(path));
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_KEY', `private key ${path} cannot be read`, { cause });
  }
}
