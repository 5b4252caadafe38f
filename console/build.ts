import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = new URL('.', import.meta.url).pathname;
export const CONSOLE_DIST = join(ROOT, 'dist');

/**
 * Bundles the console (Preact, Chart.js, Leaflet, with their CSS) into `outDir`: index.html, app.js,
 * app.css and the images the CSS names. No source maps or inline scripts, so the hub's
 * Content-Security-Policy can stay strict.
 */
export async function buildConsole(outDir: string = CONSOLE_DIST): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(ROOT, 'src/main.tsx') }, outdir: outDir, bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    jsx: 'automatic', jsxImportSource: 'preact', minify: true, legalComments: 'none', logLevel: 'warning',
    // Leaflet's stylesheet names a few PNGs (layer and marker icons the console does not use): they
    // are written beside app.css and served from this origin, so nothing points elsewhere.
    loader: { '.png': 'file' }, assetNames: '[name]-[hash]',
  });
  await copyFile(join(ROOT, 'index.html'), join(outDir, 'index.html'));
}

export async function main(): Promise<number> {
  await buildConsole();
  process.stdout.write(`console built into ${CONSOLE_DIST}\n`);
  return 0;
}
