import { open, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Overwrites `bytes` bytes (at most a third of the file) at the offset `at` picks, and fsyncs. */
async function overwrite(path: string, at: (size: number) => number, bytes: number): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    const { size } = await fh.stat();
    const length = Math.max(1, Math.min(bytes, Math.floor(size / 3)));
    await fh.write(Buffer.alloc(length, 0x5a), 0, length, at(size));
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Ways LevelDB's own files get damaged on a card, each applied to a closed store folder. */
export const DAMAGE_KINDS: Record<string, (store: string) => Promise<void>> = {
  'CURRENT deleted': (store) => rm(join(store, 'CURRENT')),
  'CURRENT overwritten': (store) => writeFile(join(store, 'CURRENT'), 'garbage'),
  'MANIFEST damaged': async (store) => {
    const manifest = (await readdir(store)).find((n) => n.startsWith('MANIFEST-'));
    if (manifest) await overwrite(join(store, manifest), () => 10, 64);
  },
  'a table file damaged': async (store) => {
    const table = (await readdir(store)).filter((n) => n.endsWith('.ldb')).sort()[0];
    if (table) await overwrite(join(store, table), (size) => Math.floor(size / 3), 4096);
  },
};
