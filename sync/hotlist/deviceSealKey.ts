import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AlprError } from '../../core/index.js';
import { publicKeyFromRaw, rawPublicKey } from '../keys.js';

const P = 2n ** 255n - 19n;

/**
 * A device has one key pair, Ed25519, made at enrollment. To seal hot lists to it without a
 * second enrollment step, both sides derive its X25519 form (RFC 7748 section 4.1's birational
 * map, as libsodium's crypto_sign_ed25519_pk_to_curve25519 does): the hub from the registered
 * public key, the device from its private seed. Only the device can open what is sealed to it.
 */
export function deviceSealingPublicKey(devicePublicKey: KeyObject): KeyObject {
  const raw = Buffer.from(rawPublicKey(devicePublicKey));
  raw[31]! &= 0x7f; // drop the sign of x: u depends on y alone
  const y = littleEndianToBigInt(raw);
  if (y >= P) throw new AlprError('ALPR_ERR_SYNC_KEY', 'device public key is not a valid Ed25519 point');
  const u = mod((1n + y) * inverse(mod(1n - y)));
  return publicKeyFromRaw(bigIntToLittleEndian(u), 'x25519');
}

export function deviceSealingPrivateKey(devicePrivateKey: KeyObject): { privateKey: KeyObject; publicKey: KeyObject } {
  const jwk = devicePrivateKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.d) throw new AlprError('ALPR_ERR_SYNC_KEY', 'the device key is not an Ed25519 private key');
  // RFC 8032: the secret scalar is the first half of SHA-512(seed); X25519 clamps it itself.
  const scalar = createHash('sha512').update(Buffer.from(jwk.d, 'base64url')).digest().subarray(0, 32);
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), scalar]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

function mod(a: bigint): bigint {
  const r = a % P;
  return r < 0n ? r + P : r;
}

function inverse(a: bigint): bigint {
  if (a === 0n) throw new AlprError('ALPR_ERR_SYNC_KEY', 'device public key is the identity point');
  let result = 1n;
  let base = a;
  for (let e = P - 2n; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % P;
    base = (base * base) % P;
  }
  return result;
}

function littleEndianToBigInt(bytes: Buffer): bigint {
  return BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
}

function bigIntToLittleEndian(n: bigint): Buffer {
  return Buffer.from(n.toString(16).padStart(64, '0'), 'hex').reverse();
}
