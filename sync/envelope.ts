import type { KeyObject } from 'node:crypto';
import { AlprError } from '../core/index.js';
import { alpr } from './proto/wire.js';
import { openFrom, sealTo } from './sealed.js';
import { deviceSignatureVerifies, hubSignatures, signFor, verifiesFor } from './signature.js';

const INFO = 'alpr/v1 read batch';
const VERSION = 1;

/**
 * The device side: sign the encoded ReadBatch with the device's Ed25519 key, then seal it to the
 * hub's X25519 key (ephemeral ECDH, HKDF-SHA256, AES-256-GCM). The device id travels in clear for
 * routing and is bound into the AEAD, so an envelope re-addressed to another device fails to open.
 */
export function sealBatch(batch: alpr.v1.IReadBatch, deviceKey: KeyObject, hub: { publicKey: KeyObject; keyId: string }): Uint8Array {
  const encoded = alpr.v1.ReadBatch.encode(batch).finish();
  const signed = alpr.v1.SignedBatch.encode({ batch: encoded, labelledSignature: signFor('alpr.v1.ReadBatch', encoded, deviceKey) }).finish();
  const deviceId = batch.deviceId ?? '';
  const sealed = sealTo(signed, hub.publicKey, INFO, aad(deviceId, hub.keyId));
  return alpr.v1.SealedEnvelope.encode({ version: VERSION, deviceId, ...sealed, hubKeyId: hub.keyId }).finish();
}

/** Parses the clear part of an envelope (which device, which hub key) without opening it. */
export function envelopeHeader(bytes: Uint8Array): alpr.v1.SealedEnvelope {
  let envelope: alpr.v1.SealedEnvelope;
  try {
    envelope = alpr.v1.SealedEnvelope.decode(bytes);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'not a sealed batch envelope', { cause });
  }
  if (envelope.version !== VERSION) throw new AlprError('ALPR_ERR_SYNC_MALFORMED', `envelope version ${envelope.version} is not supported`);
  if (!envelope.deviceId || envelope.ephemeralPublicKey.length !== 32 || envelope.nonce.length !== 12 || envelope.ciphertext.length < 17) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'envelope is missing fields');
  }
  return envelope;
}

/**
 * The hub side: open with the hub's X25519 private key, then verify the device's signature. Any
 * flipped bit, wrong key or wrong device fails with a typed error; nothing is returned unverified.
 */
export function openBatch(envelope: alpr.v1.SealedEnvelope, hubPrivateKey: KeyObject, hubPublicKey: KeyObject, devicePublicKey: KeyObject): alpr.v1.ReadBatch {
  const signedBytes = openFrom(envelope, { privateKey: hubPrivateKey, publicKey: hubPublicKey }, INFO, aad(envelope.deviceId, envelope.hubKeyId));
  let signed: alpr.v1.SignedBatch;
  try {
    signed = alpr.v1.SignedBatch.decode(signedBytes);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the sealed payload is not a signed batch', { cause });
  }
  if (!deviceSignatureVerifies('alpr.v1.ReadBatch', signed.batch, devicePublicKey, signed)) {
    throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', `batch signature does not verify against device ${envelope.deviceId}'s key`);
  }
  let batch: alpr.v1.ReadBatch;
  try {
    batch = alpr.v1.ReadBatch.decode(signed.batch);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the signed payload is not a read batch', { cause });
  }
  if (batch.deviceId !== envelope.deviceId) throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'the batch names another device than its envelope');
  return batch;
}

export function signAck(ack: alpr.v1.IBatchAck, hubSigningKey: KeyObject): Uint8Array {
  const encoded = alpr.v1.BatchAck.encode(ack).finish();
  return alpr.v1.SignedAck.encode({ ack: encoded, ...hubSignatures('alpr.v1.BatchAck', encoded, hubSigningKey) }).finish();
}

/** The device side of an ack: only one the hub signed as a batch ack is believed. */
export function verifyAck(bytes: Uint8Array, hubVerifyKey: KeyObject): alpr.v1.BatchAck {
  let signed: alpr.v1.SignedAck;
  try {
    signed = alpr.v1.SignedAck.decode(bytes);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'not a signed ack', { cause });
  }
  if (!verifiesFor('alpr.v1.BatchAck', signed.ack, hubVerifyKey, signed.labelledSignature)) throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'ack signature does not verify against the hub key as a batch ack');
  try {
    return alpr.v1.BatchAck.decode(signed.ack);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the signed ack payload is malformed', { cause });
  }
}

function aad(deviceId: string, hubKeyId: string): string {
  return `alpr/v1|${deviceId}|${hubKeyId}`;
}
