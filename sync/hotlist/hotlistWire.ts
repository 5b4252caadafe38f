import type { KeyObject } from 'node:crypto';
import { AlprError } from '../../core/index.js';
import { envelopeHeader } from '../envelope.js';
import { alpr } from '../proto/wire.js';
import { openFrom, sealTo } from '../sealed.js';
import { deviceSignatureVerifies, hubSignatures, signFor, verifiesFor } from '../signature.js';
import { deviceSealingPrivateKey, deviceSealingPublicKey } from './deviceSealKey.js';

const HOTLIST_INFO = 'alpr/v1 hotlist';
const ALERT_INFO = 'alpr/v1 alert';
const VERSION = 1;
/** The envelope's key-id field names the recipient: the device's own key for hot lists. */
const DEVICE_KEY_ID = 'device';

/** Entries as a HotlistUpdateFrame carries them: encoded once, however many devices they go to. */
export function encodeHotlistEntries(entries: readonly alpr.v1.IHotlistEntry[]): Uint8Array[] {
  return entries.map((entry) => alpr.v1.HotlistEntry.encode(entry).finish());
}

/**
 * The hub side: sign a hot-list update with the hub's signing key and seal it to one device. Its
 * entries come encoded (encodeHotlistEntries); on the wire it is a HotlistUpdate.
 */
export function sealHotlistUpdate(update: alpr.v1.IHotlistUpdateFrame, hubSigningKey: KeyObject, devicePublicKey: KeyObject): Uint8Array {
  const encoded = alpr.v1.HotlistUpdateFrame.encode(update).finish();
  const signed = alpr.v1.SignedHotlistUpdate.encode({ update: encoded, ...hubSignatures('alpr.v1.HotlistUpdate', encoded, hubSigningKey) }).finish();
  const deviceId = update.deviceId ?? '';
  const sealed = sealTo(signed, deviceSealingPublicKey(devicePublicKey), HOTLIST_INFO, `alpr/v1|${deviceId}|hotlist`);
  return alpr.v1.SealedEnvelope.encode({ version: VERSION, deviceId, ...sealed, hubKeyId: DEVICE_KEY_ID }).finish();
}

/**
 * The device side: opens with the device's own key and believes only what the hub signed for this
 * device. Version continuity is the caller's business (base_version). The entries stay encoded
 * (HotlistMatcher.applyEncoded checks each as it indexes it).
 */
export function openHotlistUpdate(bytes: Uint8Array, deviceId: string, devicePrivateKey: KeyObject, hubVerifyKey: KeyObject): alpr.v1.HotlistUpdateFrame {
  const envelope = envelopeHeader(bytes);
  if (envelope.deviceId !== deviceId || envelope.hubKeyId !== DEVICE_KEY_ID) throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'a hot-list update addressed to another device');
  const plain = openFrom(envelope, deviceSealingPrivateKey(devicePrivateKey), HOTLIST_INFO, `alpr/v1|${deviceId}|hotlist`);
  let signed: alpr.v1.SignedHotlistUpdate;
  try {
    signed = alpr.v1.SignedHotlistUpdate.decode(plain);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the sealed payload is not a signed hot-list update', { cause });
  }
  if (!verifiesFor('alpr.v1.HotlistUpdate', signed.update, hubVerifyKey, signed.labelledSignature)) {
    throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'hot-list update signature does not verify against the hub key as a hot-list update');
  }
  let update: alpr.v1.HotlistUpdateFrame;
  try {
    update = alpr.v1.HotlistUpdateFrame.decode(signed.update);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the signed payload is not a hot-list update', { cause });
  }
  if (update.deviceId !== deviceId) throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'the hot-list update names another device than its envelope');
  return update;
}

/** The device side of a hit: signed by the device, sealed to the hub (like a read batch). */
export function sealAlert(hit: alpr.v1.IAlertHit, deviceKey: KeyObject, hub: { publicKey: KeyObject; keyId: string }): Uint8Array {
  const encoded = alpr.v1.AlertHit.encode(hit).finish();
  const signed = alpr.v1.SignedBatch.encode({ batch: encoded, labelledSignature: signFor('alpr.v1.AlertHit', encoded, deviceKey) }).finish();
  const deviceId = hit.deviceId ?? '';
  const sealed = sealTo(signed, hub.publicKey, ALERT_INFO, `alpr/v1|${deviceId}|${hub.keyId}|alert`);
  return alpr.v1.SealedEnvelope.encode({ version: VERSION, deviceId, ...sealed, hubKeyId: hub.keyId }).finish();
}

export function openAlert(envelope: alpr.v1.SealedEnvelope, hub: { privateKey: KeyObject; publicKey: KeyObject }, devicePublicKey: KeyObject): alpr.v1.AlertHit {
  const plain = openFrom(envelope, hub, ALERT_INFO, `alpr/v1|${envelope.deviceId}|${envelope.hubKeyId}|alert`);
  let signed: alpr.v1.SignedBatch;
  try {
    signed = alpr.v1.SignedBatch.decode(plain);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the sealed payload is not a signed alert', { cause });
  }
  if (!deviceSignatureVerifies('alpr.v1.AlertHit', signed.batch, devicePublicKey, signed)) {
    throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', `alert signature does not verify against device ${envelope.deviceId}'s key as an alert`);
  }
  let hit: alpr.v1.AlertHit;
  try {
    hit = alpr.v1.AlertHit.decode(signed.batch);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'the signed payload is not an alert', { cause });
  }
  if (hit.deviceId !== envelope.deviceId || !hit.read) throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'the alert names another device than its envelope, or carries no read');
  return hit;
}

export function signAlertAck(ack: alpr.v1.IAlertAck, hubSigningKey: KeyObject): Uint8Array {
  const encoded = alpr.v1.AlertAck.encode(ack).finish();
  return alpr.v1.SignedAlertAck.encode({ ack: encoded, ...hubSignatures('alpr.v1.AlertAck', encoded, hubSigningKey) }).finish();
}

export function verifyAlertAck(bytes: Uint8Array, hubVerifyKey: KeyObject): alpr.v1.AlertAck {
  let signed: alpr.v1.SignedAlertAck;
  try {
    signed = alpr.v1.SignedAlertAck.decode(bytes);
    if (!verifiesFor('alpr.v1.AlertAck', signed.ack, hubVerifyKey, signed.labelledSignature)) throw new AlprError('ALPR_ERR_SYNC_SIGNATURE', 'alert ack signature does not verify against the hub key as an alert ack');
    return alpr.v1.AlertAck.decode(signed.ack);
  } catch (cause) {
    if (cause instanceof AlprError) throw cause;
    throw new AlprError('ALPR_ERR_SYNC_MALFORMED', 'not a signed alert ack', { cause });
  }
}
