import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MODEL_DIR } from '../../inference/index.js';

/**
 * A copy of the shipped model folder in `dir` (which must exist), less one network's files and
 * manifest entry when `without` names one, with `edit` applied to the manifest.
 */
export async function modelCopy(
  dir: string,
  without: 'second_reader' | 'state_classifier' | null = null,
  edit: (manifest: Record<string, Record<string, unknown>>) => void = () => {},
): Promise<string> {
  for (const f of await readdir(DEFAULT_MODEL_DIR)) if (!f.endsWith('.md') && !(without && f.startsWith(`${without}.`))) await copyFile(join(DEFAULT_MODEL_DIR, f), join(dir, f));
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  if (without) delete manifest[without];
  edit(manifest);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
