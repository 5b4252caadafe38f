import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Inside the checkout's node_modules, so that the bundle's own imports of packages (left external)
 * resolve from there as the TypeScript files' would; a folder under the system temp dir has no
 * node_modules above it.
 */
const BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/alpr-test-workers/', import.meta.url));

/**
 * The node arguments that run the TypeScript `worker` as one JavaScript file, bundled here once for
 * the calling test (removed at its teardown). The fault tests start their workers dozens of times:
 * `--import tsx` pays the loader on every start, about a second each on the loaded CI machine,
 * where a bundle starts in about half that. Packages stay external (loaded as they are, native
 * addons included); stack traces still name the TypeScript files through the inline source map.
 */
export async function bundledWorker(t: { teardown(fn: () => unknown): void }, worker: string | URL): Promise<string[]> {
  const entry = worker instanceof URL ? fileURLToPath(worker) : worker;
  await mkdir(BUNDLE_DIR, { recursive: true });
  // One file per call: test files run side by side may bundle the same worker.
  const outfile = join(BUNDLE_DIR, `${basename(entry, '.ts')}-${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
  await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    sourcemap: 'inline', sourcesContent: false, logLevel: 'silent',
  });
  t.teardown(() => rm(outfile, { force: true }));
  return ['--enable-source-maps', outfile];
}
