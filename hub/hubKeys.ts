import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newSealingKeys, newSigningKeys, readPrivateKey, writePrivateKey } from '../sync/index.js';
import { loadSealKeys, SEAL_KEY_FILE, type SealKey, type SealKeySet } from './keys/sealKeys.js';
import { pathExists } from '../core/index.js';

/**
 * The hub's own keys: X25519 to open batches (the current one, `seal`, and those retired by a
 * rotation still in their grace period), Ed25519 to sign acks and config pushes, AES-256 for images
 * at rest. `dir` is where they live, so a running hub can pick up a rotation (reloadSealKeys).
 */
export interface HubKeys {
  dir: string;
  seal: SealKey;
  sealKeys: SealKeySet;
  sign: { privateKey: KeyObject; publicKey: KeyObject };
  imageKey: Buffer;
}

/** Re-reads the sealing keys after `alpr-hub keys rotate-seal`; true when the current key changed. */
export async function reloadSealKeys(keys: HubKeys): Promise<boolean> {
  const set = await loadSealKeys(keys.dir);
  const changed = set.current.keyId !== keys.seal.keyId;
  keys.sealKeys = set;
  keys.seal = set.current;
  return changed;
}

/** Loads the hub keys from `dir`, making any that do not exist yet (first start). Files are 0600. */
export async function loadOrCreateHubKeys(dir: string): Promise<HubKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const sealPath = join(dir, SEAL_KEY_FILE);
  const signPath = join(dir, 'hub-sign.pem');
  const imagePath = join(dir, 'hub-images.key');
  if (!(await pathExists(sealPath))) await writePrivateKey(sealPath, newSealingKeys().privateKey);
  if (!(await pathExists(signPath))) await writePrivateKey(signPath, newSigningKeys().privateKey);
  if (!(await pathExists(imagePath))) {
    const fh = await open(imagePath, 'wx', 0o600);
    await fh.writeFile(randomBytes(32));
    await fh.sync();
    await fh.close();
  }
  const sealKeys = await loadSealKeys(dir);
  const signPrivate = await readPrivateKey(signPath);
  return {
    dir, seal: sealKeys.current, sealKeys,
    sign: { privateKey: signPrivate, publicKey: createPublicKey(signPrivate) },
    imageKey: await readFile(imagePath),
  };
}

