import { sign, verify, type KeyObject } from 'node:crypto';

/**
 * What a signature on the wire is for. The hub signs four message types with one Ed25519 key and
 * each device signs two with its own; without a label, bytes signed as one type that happen to
 * parse as another were believed under the other's meaning (an alert ack decoded as a batch ack).
 */
export type SignaturePurpose =
  | 'alpr.v1.BatchAck'
  | 'alpr.v1.AlertAck'
  | 'alpr.v1.ConfigPush'
  | 'alpr.v1.HotlistUpdate'
  | 'alpr.v1.ReadBatch'
  | 'alpr.v1.AlertHit';

/*
 * Signed bytes: 0x00, the label, 0x00, the payload. No label holds a NUL, so none is a prefix of
 * another. The leading 0x00 is a protobuf tag with field number 0, which decoders refuse ("illegal
 * tag"): a labelled signature moved into a message's old unlabelled field cannot verify over bytes
 * that a previous-release appliance or hub would decode. And an unlabelled signature never
 * verifies as a labelled one: what was signed unlabelled is an encoded message (first byte a tag
 * of field 1 or more), a broker token or a device request (text starting `alpr-`).
 */
function labelled(purpose: SignaturePurpose, payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.of(0), Buffer.from(purpose), Buffer.of(0), payload]);
}

export function signFor(purpose: SignaturePurpose, payload: Uint8Array, key: KeyObject): Buffer {
  return sign(null, labelled(purpose, payload), key);
}

/** True only for a signature made for this purpose over these bytes (false for an empty one). */
export function verifiesFor(purpose: SignaturePurpose, payload: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  return signature.length > 0 && verify(null, labelled(purpose, payload), key, signature);
}

/**
 * The hub's two signatures during the overlap release (docs/sync.md, "Signature labels"): the
 * labelled one new appliances require, and the unlabelled one a previous-release appliance checks.
 */
export function hubSignatures(purpose: SignaturePurpose, payload: Uint8Array, hubSigningKey: KeyObject): { signature: Buffer; labelledSignature: Buffer } {
  return { signature: sign(null, payload, hubSigningKey), labelledSignature: signFor(purpose, payload, hubSigningKey) };
}

/**
 * The hub's check of a device-signed message: the labelled signature when there is one, else (an
 * appliance of the previous release, during the overlap) the unlabelled one. A new appliance
 * sends no unlabelled signature, so stripping its label leaves nothing that verifies.
 */
export function deviceSignatureVerifies(purpose: SignaturePurpose, payload: Uint8Array, deviceKey: KeyObject, signed: { signature: Uint8Array; labelledSignature: Uint8Array }): boolean {
  if (signed.labelledSignature.length > 0) return verifiesFor(purpose, payload, deviceKey, signed.labelledSignature);
  return signed.signature.length > 0 && verify(null, payload, deviceKey, signed.signature);
}
