import t from 'tap';
import { alpr, envelopeHeader, keyId, newSealingKeys, newSigningKeys, openBatch, sealBatch, signAck, verifyAck } from '../../sync/index.js';

const hub = newSealingKeys();
const hubRef = { publicKey: hub.publicKey, keyId: keyId(hub.publicKey) };
const device = newSigningKeys();
const batch = { deviceId: 'pole-1', sequence: 7, reads: [{ id: 'r1', plate: 'SECRET1', capturedAtMs: 1 }] };

t.test('a sealed batch opens only at the hub and verifies against the device key', async (tt) => {
  const sealed = sealBatch(batch, device.privateKey, hubRef);
  tt.notOk(Buffer.from(sealed).includes('SECRET1'), 'the broker sees no plate');
  const opened = openBatch(envelopeHeader(sealed), hub.privateKey, hub.publicKey, device.publicKey);
  tt.equal(opened.sequence, 7);
  tt.equal(opened.reads[0]!.plate, 'SECRET1');
});

t.test('wrong hub key, wrong device key, flipped bits and a re-addressed envelope all fail typed', async (tt) => {
  const sealed = sealBatch(batch, device.privateKey, hubRef);
  const other = newSealingKeys();
  tt.throws(() => openBatch(envelopeHeader(sealed), other.privateKey, other.publicKey, device.publicKey), { code: 'ALPR_ERR_SYNC_SEAL' });
  tt.throws(() => openBatch(envelopeHeader(sealed), hub.privateKey, hub.publicKey, newSigningKeys().publicKey), { code: 'ALPR_ERR_SYNC_SIGNATURE' });
  const flipped = envelopeHeader(sealed);
  flipped.ciphertext[3]! ^= 0x80;
  tt.throws(() => openBatch(flipped, hub.privateKey, hub.publicKey, device.publicKey), { code: 'ALPR_ERR_SYNC_SEAL' });
  const readdressed = envelopeHeader(sealed);
  readdressed.deviceId = 'pole-2';
  tt.throws(() => openBatch(readdressed, hub.privateKey, hub.publicKey, device.publicKey), { code: 'ALPR_ERR_SYNC_SEAL' });
  tt.throws(() => envelopeHeader(Buffer.from('garbage')), { code: 'ALPR_ERR_SYNC_MALFORMED' });
});

t.test('acks are believed only when the hub signed them', async (tt) => {
  const hubSign = newSigningKeys();
  const ack = signAck({ deviceId: 'pole-1', sequence: 7, acceptedReadIds: ['r1'] }, hubSign.privateKey);
  tt.same(verifyAck(ack, hubSign.publicKey).acceptedReadIds, ['r1']);
  tt.throws(() => verifyAck(ack, newSigningKeys().publicKey), { code: 'ALPR_ERR_SYNC_SIGNATURE' });
  const forged = alpr.v1.SignedAck.encode({ ack: alpr.v1.BatchAck.encode({ deviceId: 'pole-1', sequence: 7 }).finish(), signature: Buffer.alloc(64) }).finish();
  tt.throws(() => verifyAck(forged, hubSign.publicKey), { code: 'ALPR_ERR_SYNC_SIGNATURE' });
});
