import { stat } from 'node:fs/promises';

/** Whether something exists at `path` (file, folder or other); unreadable parents count as absent. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
