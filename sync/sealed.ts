import { createCipheriv, createDecipheriv, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { AlprError } from '../core/index.js';
import { publicKeyFromRaw, rawPublicKey } from './keys.js';

/** What a sealed payload carries in clear beside its ciphertext. */
export interface SealedParts {
  ephemeralPublicKey: Uint8Array;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

/**
 * Seals bytes to one X25519 public key: ephemeral ECDH, HKDF-SHA256 (salted with both public
 * keys, labelled with `info` so a payload of one kind never opens as another), AES-256-GCM with
 * `aad` bound in. Used for read batches and alerts (to the hub) and hot lists (to a device).
 */
export function sealTo(plain: Uint8Array, recipient: KeyObject, info: string, aad: string): SealedParts {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const key = deriveKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), ephemeralRaw, rawPublicKey(recipient), info);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { ephemeralPublicKey: ephemeralRaw, nonce, ciphertext };
}

/** Opens what sealTo made; any flipped bit, other key, label or aad fails with ALPR_ERR_SYNC_SEAL. */
export function openFrom(parts: SealedParts, recipient: { privateKey: KeyObject; publicKey: KeyObject }, info: string, aad: string): Buffer {
  try {
    const ephemeral = publicKeyFromRaw(Buffer.from(parts.ephemeralPublicKey), 'x25519');
    const key = deriveKey(diffieHellman({ privateKey: recipient.privateKey, publicKey: ephemeral }), Buffer.from(parts.ephemeralPublicKey), rawPublicKey(recipient.publicKey), info);
    const decipher = createDecipheriv('aes-256-gcm', key, parts.nonce);
    decipher.setAAD(Buffer.from(aad));
    const ct = Buffer.from(parts.ciphertext);
    if (ct.length < 17) throw new Error('ciphertext too short');
    decipher.setAuthTag(ct.subarray(ct.length - 16));
    return Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_SEAL', 'the payload cannot be opened with this key (tampered, or sealed to another key)', { cause });
  }
}

function deriveKey(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), Buffer.from(info), 32));
}
