import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** Written and fsynced under a temporary name, then renamed: a power cut leaves the old file or the new one. */
export async function writeDurably(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dir, `.${name}.tmp`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, name));
}
