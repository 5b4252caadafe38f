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

/*
 * Raw keys go through JWK, not DER SPKI: the same 32 bytes, but OpenSSL 3's DER encoder and decoder
 * cost 110-150 us a key here against 10-25 us, and every batch opened at the hub made two keys and
 * exported one (a quarter of the time it spent opening envelopes, in a profile of the fleet run).
 */

/** Raw 32-byte public key of an Ed25519 or X25519 key (the JWK `x`; for other kinds, the last 32 bytes of the DER SPKI). */
export function rawPublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'x25519') return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
  return key.export({ type: 'spki', format: 'der' }).subarray(-32);
}

export function publicKeyFromRaw(raw: Buffer, kind: 'ed25519' | 'x25519'): KeyObject {
  if (raw.length !== 32) throw new AlprError('ALPR_ERR_SYNC_KEY', `a ${kind} public key is 32 bytes, got ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: kind === 'ed25519' ? 'Ed25519' : 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
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
