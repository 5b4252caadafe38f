import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AlprError } from '../../core/index.js';
import type { ReadRecord } from '../recognition.js';
import type { DataKey } from './dataKey.js';

/**
 * One read on disk: a header with the format version, key id and (version 2) the read's append
 * time on the buffer's clock, then AES-256-GCM over the whole read (metadata and both images).
 * The LevelDB key and the append time are the additional authenticated data, so a record copied
 * under another key (reordered, replayed) fails authentication like a tampered one, and the
 * append time that retention counts from is vouched for by the data key: the buffer's plaintext
 * bookkeeping can be checked against it.
 *
 *   u8 version | u8 keyIdLength | keyId | (v2: f64 BE appendElapsed) | 12-byte nonce | 16-byte tag | ciphertext
 *   plaintext: u32 metadataLength | metadata JSON | u32 cropLength | crop | context
 *
 * Version 1 (no append time) is still read: records buffered before the upgrade.
 */
const VERSION = 2;
const NONCE = 12;
const TAG = 16;
const ELAPSED = 8;

interface Header {
  keyId: string;
  /** The append time the record vouches for (null: a version 1 record). */
  appendElapsed: number | null;
  /** Where the nonce starts. */
  bodyAt: number;
}

function header(record: Buffer): Header {
  const version = record[0];
  if (record.length < 2 || (version !== 1 && version !== 2)) throw new AlprError('ALPR_ERR_BUFFER_DECRYPT', 'record has an unknown format version or is truncated');
  const idLength = record[1]!;
  const bodyAt = 2 + idLength + (version === 2 ? ELAPSED : 0);
  if (record.length < bodyAt + NONCE + TAG) throw new AlprError('ALPR_ERR_BUFFER_DECRYPT', 'record is truncated');
  return { keyId: record.subarray(2, 2 + idLength).toString('utf8'), appendElapsed: version === 2 ? record.readDoubleBE(2 + idLength) : null, bodyAt };
}

function additionalData(aad: Buffer, appendElapsed: number | null): Buffer {
  if (appendElapsed === null) return aad;
  const elapsed = Buffer.alloc(ELAPSED);
  elapsed.writeDoubleBE(appendElapsed);
  return Buffer.concat([aad, elapsed]);
}

export function encryptRead(read: ReadRecord, dataKey: DataKey, aad: Buffer, appendElapsed: number): Buffer {
  const { crop, context, ...meta } = read;
  const metaBytes = Buffer.from(JSON.stringify(meta));
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32BE(metaBytes.length, 0);
  lengths.writeUInt32BE(crop.length, 4);
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, nonce);
  cipher.setAAD(additionalData(aad, appendElapsed));
  const body = Buffer.concat([
    cipher.update(lengths.subarray(0, 4)), cipher.update(metaBytes), cipher.update(lengths.subarray(4)),
    cipher.update(crop), cipher.update(context), cipher.final(),
  ]);
  const keyId = Buffer.from(dataKey.id, 'utf8');
  const elapsed = Buffer.alloc(ELAPSED);
  elapsed.writeDoubleBE(appendElapsed);
  return Buffer.concat([Buffer.from([VERSION, keyId.length]), keyId, elapsed, nonce, cipher.getAuthTag(), body]);
}

/** The key id a stored record was encrypted under (readable without the key). */
export function keyIdOfRecord(record: Buffer): string {
  return header(record).keyId;
}

/** The append time a record vouches for (null: version 1); believe it only once the record decrypted. */
export function appendElapsedOfRecord(record: Buffer): number | null {
  return header(record).appendElapsed;
}

export function decryptRead(record: Buffer, keys: ReadonlyMap<string, DataKey>, aad: Buffer): ReadRecord {
  const { keyId, appendElapsed, bodyAt } = header(record);
  const dataKey = keys.get(keyId);
  if (!dataKey) throw new AlprError('ALPR_ERR_BUFFER_KEY', `record is encrypted under key ${keyId}, which this buffer does not hold`, { details: { keyId } });
  let at = bodyAt;
  const nonce = record.subarray(at, (at += NONCE));
  const tag = record.subarray(at, (at += TAG));
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey.key, nonce);
    decipher.setAAD(additionalData(aad, appendElapsed));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(record.subarray(at)), decipher.final()]);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_BUFFER_DECRYPT', 'record failed authentication (wrong key, tampered or truncated)', { cause, details: { keyId } });
  }
  try {
    const metaLength = plain.readUInt32BE(0);
    const meta = JSON.parse(plain.subarray(4, 4 + metaLength).toString('utf8')) as Omit<ReadRecord, 'crop' | 'context'>;
    const cropLength = plain.readUInt32BE(4 + metaLength);
    const cropStart = 8 + metaLength;
    return { ...meta, crop: plain.subarray(cropStart, cropStart + cropLength), context: plain.subarray(cropStart + cropLength) };
  } catch (cause) {
    throw new AlprError('ALPR_ERR_BUFFER_DECRYPT', 'record decrypted but its contents are malformed', { cause });
  }
}
