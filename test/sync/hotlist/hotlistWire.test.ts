import t from 'tap';
import { diffieHellman, generateKeyPairSync } from 'node:crypto';
import {
  alpr, encodeHotlistEntries, sealBatch, deviceSealingPrivateKey, deviceSealingPublicKey, envelopeHeader, keyId, newSealingKeys, newSigningKeys, openAlert, openHotlistUpdate,
  rawPublicKey, sealAlert, sealHotlistUpdate, signAlertAck, verifyAlertAck,
} from '../../../sync/index.js';

const hubSign = newSigningKeys();
const device = newSigningKeys();
const entries = [{ entryId: 'e1', plate: 'SECRET9', state: 'IL', vehicleMake: 'HOND', priority: 2, expiresAtMs: 1_800_000_000_000 }];
const update = { deviceId: 'pole-1', version: 3, baseVersion: 2, snapshot: false, upserts: encodeHotlistEntries(entries), removedEntryIds: ['e0'] };

t.test('the X25519 form of a device key is the same on the hub (from the public key) and on the device', async (tt) => {
  for (let i = 0; i < 8; i++) {
    const keys = newSigningKeys();
    const mine = deviceSealingPrivateKey(keys.privateKey);
    tt.ok(rawPublicKey(deviceSealingPublicKey(keys.publicKey)).equals(rawPublicKey(mine.publicKey)));
    const eph = generateKeyPairSync('x25519');
    tt.ok(diffieHellman({ privateKey: eph.privateKey, publicKey: deviceSealingPublicKey(keys.publicKey) }).equals(diffieHellman({ privateKey: mine.privateKey, publicKey: eph.publicKey })));
  }
});

t.test('a frame with encoded entries is, byte for byte, the HotlistUpdate it stands for', async (tt) => {
  const frame = alpr.v1.HotlistUpdateFrame.encode(update).finish();
  const message = alpr.v1.HotlistUpdate.encode({ ...update, upserts: entries }).finish();
  tt.same(Buffer.from(frame), Buffer.from(message));
  tt.same(alpr.v1.HotlistUpdate.decode(frame).upserts[0]!.vehicleMake, 'HOND');
});

t.test('a hot-list update opens only on its device and only when the hub signed it', async (tt) => {
  const sealed = sealHotlistUpdate(update, hubSign.privateKey, device.publicKey);
  tt.notOk(Buffer.from(sealed).includes('SECRET9'), 'the broker sees no plate');
  const opened = openHotlistUpdate(sealed, 'pole-1', device.privateKey, hubSign.publicKey);
  tt.equal(opened.version, 3);
  tt.equal(alpr.v1.HotlistEntry.decode(opened.upserts[0]!).plate, 'SECRET9');
  tt.throws(() => openHotlistUpdate(sealed, 'pole-1', newSigningKeys().privateKey, hubSign.publicKey), { code: 'ALPR_ERR_SYNC_SEAL' }, 'another device cannot open it');
  tt.throws(() => openHotlistUpdate(sealed, 'pole-2', device.privateKey, hubSign.publicKey), { code: 'ALPR_ERR_SYNC_SIGNATURE' }, 'addressed to another device');
  const forged = sealHotlistUpdate(update, newSigningKeys().privateKey, device.publicKey);
  tt.throws(() => openHotlistUpdate(forged, 'pole-1', device.privateKey, hubSign.publicKey), { code: 'ALPR_ERR_SYNC_SIGNATURE' }, 'signed by someone other than the hub');
  const flipped = envelopeHeader(sealed);
  flipped.ciphertext[10]! ^= 1;
  tt.throws(() => openHotlistUpdate(alpr.v1.SealedEnvelope.encode(flipped).finish(), 'pole-1', device.privateKey, hubSign.publicKey), { code: 'ALPR_ERR_SYNC_SEAL' }, 'a flipped bit');
  tt.throws(() => openHotlistUpdate(sealBatch({ deviceId: 'pole-1' }, device.privateKey, { publicKey: deviceSealingPublicKey(device.publicKey), keyId: 'device' }), 'pole-1', device.privateKey, hubSign.publicKey),
    { code: 'ALPR_ERR_SYNC_SEAL' }, 'a read batch sealed to the device key does not open as a hot list');
});

t.test('an alert is signed by the device and sealed to the hub; its ack is signed by the hub', async (tt) => {
  const hub = newSealingKeys();
  const hit = { deviceId: 'pole-1', entryId: 'e1', nearMatch: true, matchedPlate: 'SECRET9', read: { id: 'r1', plate: 'SECRET9', capturedAtMs: 5 } };
  const sealed = sealAlert(hit, device.privateKey, { publicKey: hub.publicKey, keyId: keyId(hub.publicKey) });
  tt.notOk(Buffer.from(sealed).includes('SECRET9'));
  const opened = openAlert(envelopeHeader(sealed), hub, device.publicKey);
  tt.equal(opened.read!.plate, 'SECRET9');
  tt.equal(opened.nearMatch, true);
  tt.throws(() => openAlert(envelopeHeader(sealed), hub, newSigningKeys().publicKey), { code: 'ALPR_ERR_SYNC_SIGNATURE' });
  const ack = signAlertAck({ deviceId: 'pole-1', readId: 'r1', entryId: 'e1', ackedAtMs: 9 }, hubSign.privateKey);
  tt.equal(verifyAlertAck(ack, hubSign.publicKey).readId, 'r1');
  tt.throws(() => verifyAlertAck(ack, newSigningKeys().publicKey), { code: 'ALPR_ERR_SYNC_SIGNATURE' });
  tt.throws(() => verifyAlertAck(Buffer.from('junk'), hubSign.publicKey), { code: 'ALPR_ERR_SYNC_MALFORMED' });
});
