import t from 'tap';
import { sign, verify, type KeyObject } from 'node:crypto';
import {
  alpr, deviceSealingPrivateKey, deviceSealingPublicKey, envelopeHeader, keyId, newSealingKeys, newSigningKeys, openAlert, openBatch, openHotlistUpdate,
  sealAlert, sealBatch, sealHotlistUpdate, signAck, signAlertAck, signConfigPush, verifyAck, verifyAlertAck, verifyConfigPush,
} from '../../sync/index.js';
// The attacker's tools: anyone can seal to a public key; the hub (or a leaked sealing key) opens.
import { openFrom, sealTo } from '../../sync/sealed.js';

const hubSign = newSigningKeys();
const hubSeal = newSealingKeys();
const hubRef = { publicKey: hubSeal.publicKey, keyId: keyId(hubSeal.publicKey) };
const device = newSigningKeys();
const DEVICE = 'pole-1';

/** The part every Signed* message shares: the signed payload and its two signatures. */
interface Signed { payload: Uint8Array; signature: Uint8Array; labelledSignature: Uint8Array }

const openedBatch = (sealed: Uint8Array, info: string, suffix: string) => {
  const header = envelopeHeader(sealed);
  const s = alpr.v1.SignedBatch.decode(openFrom(header, hubSeal, info, `alpr/v1|${DEVICE}|${hubRef.keyId}${suffix}`));
  return { payload: s.batch, signature: s.signature, labelledSignature: s.labelledSignature };
};
const reseal = (signed: Uint8Array, info: string, aad: string, keyIdField: string, recipient: KeyObject) =>
  alpr.v1.SealedEnvelope.encode({ version: 1, deviceId: DEVICE, ...sealTo(signed, recipient, info, aad), hubKeyId: keyIdField }).finish();

// Each hub-signed type as the hub makes it, all for the same device.
const hubMade: Record<string, Signed> = {
  'batch ack': (() => { const s = alpr.v1.SignedAck.decode(signAck({ deviceId: DEVICE, sequence: 7, acceptedReadIds: ['r1'], ackedAtMs: 5 }, hubSign.privateKey)); return { ...s, payload: s.ack }; })(),
  'alert ack': (() => { const s = alpr.v1.SignedAlertAck.decode(signAlertAck({ deviceId: DEVICE, readId: 'r1', entryId: 'e1', ackedAtMs: 9 }, hubSign.privateKey)); return { ...s, payload: s.ack }; })(),
  'config push': (() => { const s = alpr.v1.SignedConfigPush.decode(signConfigPush({ deviceId: DEVICE, hubTimeMs: 5, sealPublicKey: hubSeal.publicKey, sealKeySinceMs: 1 }, hubSign.privateKey)); return { ...s, payload: s.push }; })(),
  'hot-list update': (() => {
    const header = envelopeHeader(sealHotlistUpdate({ deviceId: DEVICE, version: 3, snapshot: true, parts: 1, issuedAtMs: 5 }, hubSign.privateKey, device.publicKey));
    const s = alpr.v1.SignedHotlistUpdate.decode(openFrom(header, deviceSealingPrivateKey(device.privateKey), 'alpr/v1 hotlist', `alpr/v1|${DEVICE}|hotlist`));
    return { ...s, payload: s.update };
  })(),
};

// Each appliance-side verifier, handed a payload and signatures moved into its own container.
const hubVerifiers: Record<string, (s: Signed) => unknown> = {
  'batch ack': (s) => verifyAck(alpr.v1.SignedAck.encode({ ...s, ack: s.payload }).finish(), hubSign.publicKey),
  'alert ack': (s) => verifyAlertAck(alpr.v1.SignedAlertAck.encode({ ...s, ack: s.payload }).finish(), hubSign.publicKey),
  'config push': (s) => verifyConfigPush(alpr.v1.SignedConfigPush.encode({ ...s, push: s.payload }).finish(), hubSign.publicKey),
  'hot-list update': (s) => openHotlistUpdate(
    reseal(alpr.v1.SignedHotlistUpdate.encode({ ...s, update: s.payload }).finish(), 'alpr/v1 hotlist', `alpr/v1|${DEVICE}|hotlist`, 'device', deviceSealingPublicKey(device.publicKey)),
    DEVICE, device.privateKey, hubSign.publicKey),
};

// The two device-signed types (both travel as SignedBatch) and the hub's verifiers of them.
const deviceMade: Record<string, Signed> = {
  'read batch': openedBatch(sealBatch({ deviceId: DEVICE, sequence: 7, reads: [{ id: 'r1', plate: 'SECRET1', capturedAtMs: 1 }] }, device.privateKey, hubRef), 'alpr/v1 read batch', ''),
  'alert': openedBatch(sealAlert({ deviceId: DEVICE, read: { id: 'r1', plate: 'SECRET1' }, entryId: 'e1' }, device.privateKey, hubRef), 'alpr/v1 alert', '|alert'),
};
const deviceVerifiers: Record<string, (s: Signed) => unknown> = {
  'read batch': (s) => openBatch(envelopeHeader(reseal(alpr.v1.SignedBatch.encode({ ...s, batch: s.payload }).finish(), 'alpr/v1 read batch', `alpr/v1|${DEVICE}|${hubRef.keyId}`, hubRef.keyId, hubSeal.publicKey)),
    hubSeal.privateKey, hubSeal.publicKey, device.publicKey),
  'alert': (s) => openAlert(envelopeHeader(reseal(alpr.v1.SignedBatch.encode({ ...s, batch: s.payload }).finish(), 'alpr/v1 alert', `alpr/v1|${DEVICE}|${hubRef.keyId}|alert`, hubRef.keyId, hubSeal.publicKey)),
    hubSeal, device.publicKey),
};

const an = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const refusedAsForged = { code: 'ALPR_ERR_SYNC_SIGNATURE', message: /does not verify/ };

for (const [group, made, verifiers] of [['hub', hubMade, hubVerifiers], ['device', deviceMade, deviceVerifiers]] as const) {
  t.test(`a ${group}-signed message verifies as its own type and as no other, whatever container it is moved into`, async (tt) => {
    for (const [source, signed] of Object.entries(made)) {
      for (const [target, verifier] of Object.entries(verifiers)) {
        if (source === target) tt.doesNotThrow(() => verifier(signed), `${an(source)} verifies as ${an(source)}`);
        else tt.throws(() => verifier(signed), refusedAsForged, `${an(source)}'s payload and signature are refused as ${an(target)}`);
      }
    }
  });
}

t.test('a previous-release appliance still gets what it checks: an unlabelled hub signature over the payload alone', async (tt) => {
  for (const [type, signed] of Object.entries(hubMade)) tt.ok(verify(null, signed.payload, hubSign.publicKey, signed.signature), type);
});

t.test('a labelled signature moved into the unlabelled field signs bytes that no previous-release decoder takes', async (tt) => {
  const labels: Record<string, string> = {
    'batch ack': 'alpr.v1.BatchAck', 'alert ack': 'alpr.v1.AlertAck', 'config push': 'alpr.v1.ConfigPush', 'hot-list update': 'alpr.v1.HotlistUpdate',
  };
  for (const [type, signed] of Object.entries(hubMade)) {
    const bytes = Buffer.concat([Buffer.of(0), Buffer.from(labels[type]!), Buffer.of(0), signed.payload]);
    tt.ok(verify(null, bytes, hubSign.publicKey, signed.labelledSignature), `${type}: the labelled signature is over 0x00, label, 0x00, payload`);
    for (const decoder of [alpr.v1.BatchAck, alpr.v1.AlertAck, alpr.v1.ConfigPush, alpr.v1.HotlistUpdateFrame, alpr.v1.ReadBatch, alpr.v1.AlertHit]) {
      tt.throws(() => decoder.decode(bytes), /illegal tag/, `${type} as labelled bytes do not decode as ${decoder.name}`);
    }
  }
});

t.test('a new appliance refuses a hub message that carries only the unlabelled signature (a previous-release hub, or a label stripped)', async (tt) => {
  for (const [type, signed] of Object.entries(hubMade)) tt.throws(() => hubVerifiers[type]!({ ...signed, labelledSignature: new Uint8Array() }), refusedAsForged, type);
});

t.test('the hub takes a previous-release appliance\'s unlabelled signature, but a new appliance\'s message stripped of its label has nothing left', async (tt) => {
  for (const [type, signed] of Object.entries(deviceMade)) {
    tt.equal(signed.signature.length, 0, `a new appliance sends no unlabelled signature on ${an(type)}`);
    tt.throws(() => deviceVerifiers[type]!({ ...signed, labelledSignature: new Uint8Array() }), refusedAsForged, `${an(type)} stripped of its label is refused`);
  }
  const payload = deviceMade['read batch']!.payload;
  const previous = { payload, signature: sign(null, payload, device.privateKey), labelledSignature: new Uint8Array() };
  tt.equal((deviceVerifiers['read batch']!(previous) as alpr.v1.ReadBatch).reads[0]!.plate, 'SECRET1', 'a previous-release batch is opened');
});
