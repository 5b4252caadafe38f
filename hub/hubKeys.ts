import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { keyId, newSealingKeys, newSigningKeys, readPrivateKey, writePrivateKey } from '../sync/index.js';

/** The hub's own keys: X25519 to open batches, Ed25519 to sign acks, AES-256 for images at rest. */
export interface HubKeys {
  seal: { privateKey: KeyObject; publicKey: KeyObject; keyId: string };
  sign: { privateKey: KeyObject; publicKey: KeyObject };
  imageKey: Buffer;
}

/** Loads the hub keys from `dir`, making any that do not exist yet (first start). Files are 0600. */
export async function loadOrCreateHubKeys(dir: string): Promise<HubKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const sealPath = join(dir, 'hub-seal.pem');
  const signPath = join(dir, 'hub-sign.pem');
  const imagePath = join(dir, 'hub-images.key');
  if (!(await exists(sealPath))) await writePrivateKey(sealPath, newSealingKeys().privateKey);
  if (!(await exists(signPath))) await writePrivateKey(signPath, newSigningKeys().privateKey);
  if (!(await exists(imagePath))) {
    const fh = await open(imagePath, 'wx', 0o600);
    await fh.writeFile(randomBytes(32));
    await fh.sync();
    await fh.close();
  }
  const sealPrivate = await readPrivateKey(sealPath);
  const signPrivate = await readPrivateKey(signPath);
  const sealPublic = createPublicKey(sealPrivate);
  return {
    seal: { privateKey: sealPrivate, publicKey: sealPublic, keyId: keyId(sealPublic) },
    sign: { privateKey: signPrivate, publicKey: createPublicKey(signPrivate) },
    imageKey: await readFile(imagePath),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
