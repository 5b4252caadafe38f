import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AlprError } from '../../core/index.js';

/**
 * Plate crops and context images at rest in the hub store: AES-256-GCM under the hub's image key,
 * with the read id as associated data (an image moved to another read fails to open).
 * Layout: 12-byte nonce | ciphertext | 16-byte tag.
 */
export class ImageCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new AlprError('ALPR_ERR_SYNC_KEY', 'the hub image key must be 32 bytes');
  }

  seal(readId: string, image: Buffer): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(readId));
    return Buffer.concat([nonce, cipher.update(image), cipher.final(), cipher.getAuthTag()]);
  }

  /** Both images of a read under one seal: `u32 cropLength | crop | context`. */
  sealPair(readId: string, crop: Buffer, context: Buffer): Buffer {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(crop.length);
    return this.seal(readId, Buffer.concat([length, crop, context]));
  }

  openPair(readId: string, sealed: Buffer): { crop: Buffer; context: Buffer } {
    const plain = this.open(readId, sealed);
    const cropLength = plain.readUInt32BE(0);
    return { crop: plain.subarray(4, 4 + cropLength), context: plain.subarray(4 + cropLength) };
  }

  open(readId: string, sealed: Buffer): Buffer {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
      decipher.setAAD(Buffer.from(readId));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    } catch (cause) {
      throw new AlprError('ALPR_ERR_STORE', `image of read ${readId} failed authentication`, { cause });
    }
  }
}
