import t from 'tap';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Imports run downward only: firmware over inference and sync, hub over sync, everything over
 * core. Each folder may import only the folders listed for it (its own files always).
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  drivers: ['core'],
  inference: ['core', 'drivers'],
  sync: ['core'],
  firmware: ['core', 'drivers', 'inference', 'sync'],
  hub: ['core', 'sync'],
};
const OURS = new Set(['core', 'drivers', 'inference', 'sync', 'firmware', 'hub', 'provisioning', 'demo', 'bench', 'test', 'console']);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'training') out.push(...(await sourceFiles(path)));
    } else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module a file names: static imports and re-exports (also multi-line), side-effect imports, dynamic import(). */
export function importedSpecifiers(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gms)) specs.push(m[1]!);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) specs.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

/** The top-level folder a relative import lands in, or null for a package. */
function targetFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const top = relative(root, resolve(dirname(file), spec)).split(sep)[0]!;
  return OURS.has(top) ? top : null;
}

t.test('the import scanner finds static, multi-line, re-exported and dynamic imports', async (tt) => {
  const src = [
    "import { a } from '../firmware/index.js';",
    'import {',
    '  b,',
    "} from '../hub/index.js';",
    "export { c } from './c.js';",
    "import type { D } from '../sync/index.js';",
    "import '../drivers/side.js';",
    "const m = await import('../inference/index.js');",
  ].join('\n');
  tt.same(importedSpecifiers(src).sort(), ['../drivers/side.js', '../firmware/index.js', '../hub/index.js', '../inference/index.js', '../sync/index.js', './c.js']);
});

t.test('no folder imports one above it: inference and sync never import firmware or hub, core imports nothing of ours, drivers only core', async (tt) => {
  const upward: string[] = [];
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    for (const file of await sourceFiles(join(root, folder))) {
      for (const spec of importedSpecifiers(await readFile(file, 'utf8'))) {
        const target = targetFolder(file, spec);
        if (target && target !== folder && !allowed.includes(target)) upward.push(`${relative(root, file)} imports ${spec}`);
      }
    }
  }
  tt.same(upward, [], 'every import runs downward');
});
