import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AlprError } from '../../core/index.js';
import type { ReadRecord } from '../recognition.js';
import type { DataKey } from './dataKey.js';

/**
 * One read on disk: a header with the format version and key id, then AES-256-GCM over the whole
 * read (metadata and both images). The LevelDB key is the additional authenticated data, so a
 * record copied under another key (reordered, replayed) fails authentication like a tampered one.
 *
 *   u8 version | u8 keyIdLength | keyId | 12-byte nonce | 16-byte tag | ciphertext
 *   plaintext: u32 metadataLength | metadata JSON | u32 cropLength | crop | context
 */
const VERSION = 1;
const NONCE = 12;
const TAG = 16;

export function encryptRead(read: ReadRecord, dataKey: DataKey, aad: Buffer): Buffer {
  const { crop, context, ...meta } = read;
  const metaBytes = Buffer.from(JSON.stringify(meta));
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32BE(metaBytes.length, 0);
  lengths.writeUInt32BE(crop.length, 4);
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([
    cipher.update(lengths.subarray(0, 4)), cipher.update(metaBytes), cipher.update(lengths.subarray(4)),
    cipher.update(crop), cipher.update(context), cipher.final(),
  ]);
  const keyId = Buffer.from(dataKey.id, 'utf8');
  return Buffer.concat([Buffer.from([VERSION, keyId.length]), keyId, nonce, cipher.getAuthTag(), body]);
}

/** The key id a stored record was encrypted under (readable without the key). */
export function keyIdOfRecord(record: Buffer): string {
  if (record.length < 2 || record[0] !== VERSION) throw new AlprError('ALPR_ERR_BUFFER_DECRYPT', 'record has an unknown format version or is truncated');
  const idLength = record[1]!;
  if (record.length < 2 + idLength + NONCE + TAG) throw new AlprError('ALPR_ERR_BUFFER_DECRYPT', 'record is truncated');
  return record.subarray(2, 2 + idLength).toString('utf8');
}

export function decryptRead(record: Buffer, keys: ReadonlyMap<string, DataKey>, aad: Buffer): ReadRecord {
  const keyId = keyIdOfRecord(record);
  const dataKey = keys.get(keyId);
  if (!dataKey) throw new AlprError('ALPR_ERR_BUFFER_KEY', `record is encrypted under key ${keyId}, which this buffer does not hold`, { details: { keyId } });
  let at = 2 + record[1]!;
  const nonce = record.subarray(at, (at += NONCE));
  const tag = record.subarray(at, (at += TAG));
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey.key, nonce);
    decipher.setAAD(aad);
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
