import { createPublicKey, type KeyObject } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AlprError } from '../core/index.js';
import { keyId, publicKeyPem } from './keys.js';

/** The hub's public keys as an appliance keeps them (written at enrollment). */
export interface HubIdentity {
  sealPublicKey: KeyObject;
  sealKeyId: string;
  /** When the sealing key became current at the hub (0: as enrolled); a push of an older key is ignored. */
  sealKeySinceMs: number;
  verifyKey: KeyObject;
}

interface HubIdentityFile {
  seal_public_pem: string;
  seal_key_id: string;
  seal_key_since_ms?: number;
  sign_public_pem: string;
}

/** Written at enrollment, and again when the hub's signed config push names a newer sealing key. */
export async function writeHubIdentity(path: string, hub: { sealPublicKey: KeyObject; verifyKey: KeyObject; sealKeySinceMs?: number }): Promise<void> {
  const body: HubIdentityFile = {
    seal_public_pem: publicKeyPem(hub.sealPublicKey), seal_key_id: keyId(hub.sealPublicKey), seal_key_since_ms: hub.sealKeySinceMs ?? 0, sign_public_pem: publicKeyPem(hub.verifyKey),
  };
  const tmp = join(dirname(path), `.hub.${process.pid}.tmp`);
  const fh = await open(tmp, 'w', 0o644);
  try {
    await fh.writeFile(JSON.stringify(body, null, 2));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

export async function readHubIdentity(path: string): Promise<HubIdentity> {
  let body: HubIdentityFile;
  try {
    body = JSON.parse(await readFile(path, 'utf8')) as HubIdentityFile;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_KEY', `hub identity ${path} cannot be read (enroll the appliance first)`, { cause });
  }
  try {
    const sealPublicKey = createPublicKey(body.seal_public_pem);
    if (keyId(sealPublicKey) !== body.seal_key_id) throw new Error('key id does not match the key');
    return { sealPublicKey, sealKeyId: body.seal_key_id, sealKeySinceMs: Number(body.seal_key_since_ms ?? 0), verifyKey: createPublicKey(body.sign_public_pem) };
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_KEY', `hub identity ${path} is malformed`, { cause });
  }
}
