import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AlprError } from '../../core/index.js';

export const DATA_KEY_BYTES = 32;

/** An AES-256 data key and the id stored with every record it encrypts. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** The key id: the first 8 bytes of the key's SHA-256, so ids never reveal the key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('alpr-data-key-id').update(key).digest('hex').slice(0, 16);
}

export function newDataKey(): DataKey {
  const key = randomBytes(DATA_KEY_BYTES);
  return { id: keyIdOf(key), key };
}

/**
 * Reads the data key file. It must be exactly 32 bytes and readable by its owner only (0600 or
 * stricter): a key file others can read is refused rather than used.
 */
export async function loadDataKey(path: string): Promise<DataKey> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_BUFFER_KEY', `data key file ${path} does not exist`, { cause });
  }
  if ((mode & 0o077) !== 0) {
    throw new AlprError('ALPR_ERR_BUFFER_KEY', `data key file ${path} is readable by others (mode ${(mode & 0o777).toString(8)}); it must be 0600`);
  }
  const key = await readFile(path);
  if (key.length !== DATA_KEY_BYTES) {
    throw new AlprError('ALPR_ERR_BUFFER_KEY', `data key file ${path} holds ${key.length} bytes, not ${DATA_KEY_BYTES}`);
  }
  return { id: keyIdOf(key), key };
}

/** Temporary key files are named like this; a power cut can leave one behind (see keyRotation.ts). */
export const KEY_TMP_SUFFIX = '.key.tmp';

/**
 * Makes the folder's entries durable: a rename or unlink is only on disk once its folder is
 * fsynced (a file's own fsync does not cover its name).
 */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes a key file atomically with mode 0600 (enrollment and key rotation use this): temp file,
 * fsync, rename, fsync of the folder, so after it resolves the key is on disk under `path`.
 */
export async function writeDataKey(path: string, dataKey: DataKey): Promise<void> {
  const tmp = join(dirname(path), `.${Date.now()}.${process.pid}${KEY_TMP_SUFFIX}`);
  await writeFile(tmp, dataKey.key, { mode: 0o600, flag: 'wx' });
  const fh = await open(tmp, 'r');
  await fh.sync();
  await fh.close();
  await rename(tmp, path);
  await syncDir(dirname(path));
}

/** Loads the key file, creating a new key first where none exists (development and the demo). */
export async function loadOrCreateDataKey(path: string): Promise<DataKey> {
  try {
    await stat(path);
  } catch {
    await writeDataKey(path, newDataKey());
  }
  return loadDataKey(path);
}

/**
 * Crypto-erase: overwrites the key file with random bytes, flushes, and unlinks it (durably). Every
 * record encrypted under the key becomes unreadable at once, whatever is left in LevelDB's files.
 */
export async function destroyDataKey(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    const { size } = await fh.stat();
    const length = Math.max(size, DATA_KEY_BYTES);
    await fh.write(randomBytes(length), 0, length, 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await unlink(path);
  await syncDir(dirname(path));
}
