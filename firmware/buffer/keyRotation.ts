import { readdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AlprError } from '../../core/index.js';
import { destroyDataKey, KEY_TMP_SUFFIX, loadDataKey, newDataKey, syncDir, writeDataKey, type DataKey } from './dataKey.js';
import type { ReadBuffer } from './readBuffer.js';

/**
 * The files of one data key's life: `current` is what the firmware uses; during a rotation the new
 * key waits in `next` and the old one is set aside in `old` until it is shredded.
 */
export function dataKeyFiles(keyPath: string): { current: string; next: string; old: string } {
  return { current: keyPath, next: `${keyPath}.next`, old: `${keyPath}.old` };
}

/** The rotation's steps, in order; each is durable on disk when reported. */
export type RotationStep = 'nextKeyWritten' | 'reencryptedBatch' | 'reencrypted' | 'oldKeySetAside' | 'nextKeyInPlace' | 'oldKeyShredded';

export interface RotationOptions {
  keyPath: string;
  /** A buffer (not yet opened) over the appliance's LevelDB folder holding these keys, keys[0] encrypting. */
  openBuffer: (keys: DataKey[]) => ReadBuffer;
  /** Told after each step is durable (progress output, and the fault tests' kill points). */
  onStep?: (step: RotationStep, detail: { reencrypted: number }) => void;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * Rotates the data key so that a power cut at any point leaves a readable buffer:
 *   1. the new key is written as `<key>.next` (fsynced file and folder);
 *   2. every record is re-encrypted under it, in fsynced LevelDB batches (the buffer opened with
 *      both keys can read every record throughout);
 *   3. `<key>` is renamed to `<key>.old`, 4. `<key>.next` to `<key>` (each rename fsynced);
 *   5. only then is `<key>.old` overwritten and deleted.
 * An interrupted rotation is finished first (recoverDataKey). Run it with the firmware stopped.
 */
export async function rotateDataKey(o: RotationOptions): Promise<{ reencrypted: number; keyId: string }> {
  const files = dataKeyFiles(o.keyPath);
  const current = await recoverDataKey(o);
  await writeDataKey(files.next, newDataKey());
  o.onStep?.('nextKeyWritten', { reencrypted: 0 });
  return finishRotation(o, current);
}

/**
 * Brings the key files to a consistent state after a cut during a rotation and returns the key
 * to use. Every state the rotation passes through rolls forward:
 *   `<key>` + `<key>.next`: re-encrypt what is left under the new key, then steps 3-5;
 *   `<key>.old` + `<key>.next`: every record is already under the new key: steps 4-5;
 *   `<key>` + `<key>.old`: step 5.
 * Leftover temporary key files never encrypted anything (the rename that would have made them a
 * key was not durable) and are shredded.
 */
export async function recoverDataKey(o: RotationOptions): Promise<DataKey> {
  const files = dataKeyFiles(o.keyPath);
  const dir = dirname(o.keyPath);
  for (const name of await readdir(dir)) {
    if (name.startsWith('.') && name.endsWith(KEY_TMP_SUFFIX)) await destroyDataKey(join(dir, name));
  }
  const [hasCurrent, hasNext, hasOld] = await Promise.all([exists(files.current), exists(files.next), exists(files.old)]);
  if (hasNext && hasCurrent) {
    await finishRotation(o, await loadDataKey(files.current));
  } else if (hasNext) {
    if (!hasOld) throw new AlprError('ALPR_ERR_BUFFER_KEY', `${files.next} exists but neither ${basename(files.current)} nor ${basename(files.old)} does: the rotation cannot be finished safely`);
    await switchKeys(o, files, { setAside: false });
  } else if (hasOld) {
    if (!hasCurrent) throw new AlprError('ALPR_ERR_BUFFER_KEY', `only ${files.old} exists: the data key is missing`);
    await destroyDataKey(files.old);
    o.onStep?.('oldKeyShredded', { reencrypted: 0 });
  }
  return loadDataKey(files.current);
}

async function finishRotation(o: RotationOptions, current: DataKey): Promise<{ reencrypted: number; keyId: string }> {
  const files = dataKeyFiles(o.keyPath);
  const next = await loadDataKey(files.next);
  const buffer = o.openBuffer([next, current]);
  await buffer.open();
  let reencrypted: number;
  try {
    reencrypted = await buffer.reencryptAll((done) => o.onStep?.('reencryptedBatch', { reencrypted: done }));
    const inUse = [...(await buffer.keyIdsInUse())].filter((id) => id !== next.id);
    // The old key may only go once nothing readable needs it.
    if (inUse.length > 0) throw new AlprError('ALPR_ERR_BUFFER_KEY', `records under key(s) ${inUse.join(', ')} remain after re-encryption; the old key is kept`);
  } finally {
    await buffer.close();
  }
  o.onStep?.('reencrypted', { reencrypted });
  await switchKeys(o, files, { setAside: true });
  return { reencrypted, keyId: next.id };
}

async function switchKeys(o: RotationOptions, files: ReturnType<typeof dataKeyFiles>, { setAside }: { setAside: boolean }): Promise<void> {
  const dir = dirname(files.current);
  if (setAside) {
    await rename(files.current, files.old);
    await syncDir(dir);
    o.onStep?.('oldKeySetAside', { reencrypted: 0 });
  }
  await rename(files.next, files.current);
  await syncDir(dir);
  o.onStep?.('nextKeyInPlace', { reencrypted: 0 });
  if (await exists(files.old)) await destroyDataKey(files.old);
  o.onStep?.('oldKeyShredded', { reencrypted: 0 });
}

/** Crypto-erase of every key file a rotation may have left (decommissioning). */
export async function destroyAllDataKeys(keyPath: string): Promise<void> {
  const files = dataKeyFiles(keyPath);
  for (const path of [files.current, files.next, files.old]) if (await exists(path)) await destroyDataKey(path);
}
