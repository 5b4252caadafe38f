import { createPublicKey, type KeyObject } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError, errorMessage } from '../../core/index.js';
import { keyId, newSealingKeys, readPrivateKey, writePrivateKey } from '../../sync/index.js';

/** One hub X25519 sealing key; `sinceMs` is when it became current (0: made at first start). */
export interface SealKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  sinceMs: number;
}

/** A key replaced by a rotation: batches sealed to it are still opened until `acceptUntilMs`. */
export interface RetiredSealKey extends SealKey {
  acceptUntilMs: number;
}

export interface SealKeySet {
  current: SealKey;
  retired: RetiredSealKey[];
}

interface SealStateFile {
  current_since_ms: number;
  retired: Array<{ key_id: string; since_ms: number; accept_until_ms: number }>;
}

export const SEAL_KEY_FILE = 'hub-seal.pem';
const STATE_FILE = 'seal-keys.json';
const retiredFile = (id: string) => `hub-seal-${id}.pem`;

async function readState(dir: string): Promise<SealStateFile> {
  let text: string;
  try {
    text = await readFile(join(dir, STATE_FILE), 'utf8');
  } catch {
    return { current_since_ms: 0, retired: [] };
  }
  try {
    const state = JSON.parse(text) as SealStateFile;
    if (!Number.isFinite(state.current_since_ms) || !Array.isArray(state.retired)) throw new Error('missing fields');
    return state;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_SYNC_KEY', `${join(dir, STATE_FILE)} is malformed: ${errorMessage(cause)}`, { cause });
  }
}

async function writeState(dir: string, state: SealStateFile): Promise<void> {
  const path = join(dir, STATE_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(JSON.stringify(state, null, 2));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

async function loadKey(path: string): Promise<{ privateKey: KeyObject; publicKey: KeyObject; keyId: string }> {
  const privateKey = await readPrivateKey(path);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyId(publicKey) };
}

/** The current sealing key and the retired ones still inside their grace period (or past it: ingest decides). */
export async function loadSealKeys(dir: string): Promise<SealKeySet> {
  const state = await readState(dir);
  const current = { ...(await loadKey(join(dir, SEAL_KEY_FILE))), sinceMs: state.current_since_ms };
  const retired: RetiredSealKey[] = [];
  for (const r of state.retired) {
    // A rotation cut short after writing the state but before swapping the key lists the current key.
    if (r.key_id === current.keyId) continue;
    try {
      const key = await loadKey(join(dir, retiredFile(r.key_id)));
      if (key.keyId === r.key_id) retired.push({ ...key, sinceMs: r.since_ms, acceptUntilMs: r.accept_until_ms });
    } catch {
      // Pruned after its grace period: batches sealed to it are refused as to an unknown key.
    }
  }
  return { current, retired };
}

/**
 * Makes a new current sealing key. Crash-safe order: the old key is copied under its id, the
 * state file lists it as retired with its grace period, and only then does the new key replace
 * hub-seal.pem; an interrupted rotation leaves the old key current and can simply be run again.
 * Retired keys whose grace period is over are deleted here.
 */
export async function rotateSealKey(dir: string, nowMs: number, graceMs: number): Promise<{ oldKeyId: string; newKeyId: string; acceptOldUntilMs: number }> {
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new AlprError('ALPR_ERR_USAGE', 'the grace period must be zero or more');
  const state = await readState(dir);
  const old = await loadKey(join(dir, SEAL_KEY_FILE));
  await writePrivateKey(join(dir, retiredFile(old.keyId)), old.privateKey);
  const acceptOldUntilMs = nowMs + graceMs;
  const kept = state.retired.filter((r) => r.accept_until_ms > nowMs && r.key_id !== old.keyId);
  const pruned = state.retired.filter((r) => r.accept_until_ms <= nowMs && r.key_id !== old.keyId);
  await writeState(dir, { current_since_ms: nowMs, retired: [...kept, { key_id: old.keyId, since_ms: state.current_since_ms, accept_until_ms: acceptOldUntilMs }] });
  const next = newSealingKeys();
  await writePrivateKey(join(dir, SEAL_KEY_FILE), next.privateKey);
  for (const r of pruned) await unlink(join(dir, retiredFile(r.key_id))).catch(() => undefined);
  return { oldKeyId: old.keyId, newKeyId: keyId(next.publicKey), acceptOldUntilMs };
}

/**
 * Which key opens an envelope sealed to `id` at `nowMs`: the current one, or a retired one inside
 * its grace period; otherwise why not.
 */
export function sealKeyFor(keys: SealKeySet, id: string, nowMs: number): { key: SealKey } | { refused: string } {
  if (id === keys.current.keyId) return { key: keys.current };
  const retired = keys.retired.find((k) => k.keyId === id);
  if (!retired) return { refused: `sealed to hub key ${id}, which this hub does not hold; re-seal to ${keys.current.keyId}` };
  if (nowMs >= retired.acceptUntilMs) return { refused: `sealed to hub key ${id}, retired and past its grace period; re-seal to ${keys.current.keyId}` };
  return { key: retired };
}
