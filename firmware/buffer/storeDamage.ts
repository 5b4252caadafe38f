import { readdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDir } from './dataKey.js';

/** Where a damaged store that could not be repaired is moved: beside the buffer, still encrypted. */
const SET_ASIDE_INFIX = '.damaged-';

/** Whether an error is LevelDB reporting damaged files (as opposed to a lock, a full disk, a closed store). */
export function isStoreDamage(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === 'LEVEL_CORRUPTION' || e.code === 'ALPR_ERR_BUFFER_DAMAGED') return true;
  }
  return false;
}

/** What the damage was, for the log and the alarm. */
export function damageReason(err: unknown): string {
  const messages: string[] = [];
  for (let e = err as { message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.message === 'string') messages.push(e.message);
  }
  return messages.join(': ');
}

/**
 * A store whose CURRENT file is gone but whose other files are there. LevelDB would open it as a
 * new, empty store and later delete the old tables as obsolete: it must be repaired instead.
 */
export async function currentFileLost(path: string): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch {
    return false;
  }
  return !names.includes('CURRENT') && names.some((n) => /^(MANIFEST-\d+|\d+\.(ldb|sst|log))$/.test(n));
}

/** Renames the store out of the way (fsynced), so a new one can start; returns where it went. */
export async function setAsideStore(path: string, wallMs: number): Promise<string> {
  const stamp = new Date(wallMs).toISOString().replace(/[:.]/g, '-');
  let target = `${path}${SET_ASIDE_INFIX}${stamp}`;
  for (let n = 1; await stat(target).then(() => true, () => false); n++) target = `${path}${SET_ASIDE_INFIX}${stamp}-${n}`;
  await rename(path, target);
  await syncDir(dirname(path));
  return target;
}

/** The stores set aside beside this one (decommissioning erases them with the rest). */
export async function setAsideStores(path: string): Promise<string[]> {
  const prefix = `${basename(path)}${SET_ASIDE_INFIX}`;
  try {
    return (await readdir(dirname(path))).filter((n) => n.startsWith(prefix)).map((n) => join(dirname(path), n));
  } catch {
    return [];
  }
}

/** The health alarms a damaged store raises (firmware/health.ts reports them). */
export function storeDamageAlarms(stats: { storeRepairs: number; storesSetAside: number }): string[] {
  const alarms: string[] = [];
  if (stats.storeRepairs > 0) alarms.push(`read buffer store was damaged and repaired ${stats.storeRepairs} time(s); reads it could not recover are counted in dataLossReads`);
  if (stats.storesSetAside > 0) alarms.push(`${stats.storesSetAside} damaged read buffer store(s) set aside unsent; decommissioning erases them`);
  return alarms;
}
