import { createHash, type KeyObject } from 'node:crypto';
import { AlprError } from '../core/index.js';
import { keyId, publicKeyFromRaw, rawPublicKey } from './keys.js';
import { alpr } from './proto/wire.js';
import { hubSignatures, verifiesFor } from './signature.js';

/** What an appliance takes from a verified ConfigPush. */
export interface HubPush {
  deviceId: string;
  hubTimeMs: number;
  sealPublicKey: KeyObject;
  sealKeyId: string;
  sealKeySinceMs: number;
}

/** The hub side: the current sealing key and the hub's time, signed with the hub's Ed25519 key. */
export function signConfigPush(push: Omit<HubPush, 'sealKeyId'>, hubSigningKey: KeyObject): Uint8Array {
  const encoded = alpr.v1.ConfigPush.encode({
    deviceId: push.deviceId, hubTimeMs: push.hubTimeMs, sealPublicKey: rawPublicKey(push.sealPublicKey), sealKeyId: keyId(push.sealPublicKey),
    sealKeySinceMs: push.sealKeySinceMs,
  }).finish();
  return alpr.v1.SignedConfigPush.encode({ push: encoded, ...hubSignatures('alpr.v1.ConfigPush', encoded, hubSigningKey) }).finish();
}

/** The appliance side: only a push the hub signed, whose key matches its id, is believed. */
export function verifyConfigPush(bytes: Uint8Array, hubVerifyKey: KeyObject): HubPush {
  let signed: alpr.v1.SignedConfigPush;
  let push: alpr.v1.ConfigPush;
  try {
    signed = alpr.v1.SignedConfigPush.decode(bytes);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'not a signed config push', { cause });
  }
  if (!verifiesFor('alpr.v1.ConfigPush', signed.push, hubVerifyKey, signed.labelledSignature)) {
    throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'config push signature does not verify against the hub key as a config push');
  }
  try {
    push = alpr.v1.ConfigPush.decode(signed.push);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the signed config push is malformed', { cause });
  }
  const sealPublicKey = publicKeyFromRaw(Buffer.from(push.sealPublicKey), 'x25519');
  if (keyId(sealPublicKey) !== push.sealKeyId) throw new AlprError('ALPR_ERR_SYNC_KEY', 'config push names a key id that does not match its key');
  return { deviceId: push.deviceId, hubTimeMs: Number(push.hubTimeMs), sealPublicKey, sealKeyId: push.sealKeyId, sealKeySinceMs: Number(push.sealKeySinceMs) };
}

/** How an ack names an envelope the hub could not open (so not by sequence). */
export function envelopeDigest(envelope: Uint8Array): Buffer {
  return createHash('sha256').update(envelope).digest();
}
