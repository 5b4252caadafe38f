import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { AlprError } from '../core/index.js';
import type { Target } from './arch.js';
import { exec } from './exec.js';
import { nativeKind } from './nativeCode.js';

/** The folders the appliance runs from; nothing of hub/, console/, demo/ or bench/. */
export const APPLIANCE_FOLDERS = ['core', 'drivers', 'firmware', 'inference', 'sync', 'provisioning'] as const;
/** Inside those, what the appliance never runs: the Python training code and the deploy files (placed by the package itself). */
const NOT_SHIPPED = ['inference/training', 'firmware/deploy'];

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * The appliance's code as JavaScript in `appDir`: compiled with tsc rather than shipped with tsx,
 * so the pole runs no TypeScript loader (tsx would bring esbuild, one more native binary per
 * architecture, and transpile at every start on a slow core). The files tsc does not emit (the
 * generated protobuf module, the models, the self-test image) are copied beside the code.
 */
export async function compileAppliance(repo: string, appDir: string): Promise<void> {
  await exec(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(repo, 'packaging/tsconfig.appliance.json'), '--outDir', appDir], { cwd: repo });
  const emitted = await readdir(appDir);
  const stray = emitted.filter((name) => !(APPLIANCE_FOLDERS as readonly string[]).includes(name));
  // tsc follows imports: a folder here that is not the appliance's means appliance code imports it.
  if (stray.length) throw new AlprError('ALPR_ERR_PACKAGE_BUILD', `the appliance's code imports ${stray.join(', ')}: the package carries nothing of the hub or the tools`);
  for (const folder of APPLIANCE_FOLDERS) {
    for (const file of await walk(join(repo, folder))) {
      const rel = relative(repo, file);
      if (file.endsWith('.ts') || NOT_SHIPPED.some((n) => rel.startsWith(`${n}/`))) continue;
      await mkdir(dirname(join(appDir, rel)), { recursive: true });
      await cp(file, join(appDir, rel));
    }
  }
  await mkdir(join(appDir, 'bin'), { recursive: true });
  await cp(join(repo, 'bin/runMain.js'), join(appDir, 'bin/runMain.js'));
  // alpr-provision takes tokens and sessions as options: its arguments are hidden from ps (bin/runMain.js).
  for (const [name, entry, options] of [['alpr-firmware', 'firmware/main.js', ''], ['alpr-provision', 'provisioning/cli.js', ', { hideArguments: true }']]) {
    await writeFile(join(appDir, 'bin', `${name}.js`), `#!/usr/bin/env node\nimport { runEntry } from './runMain.js';\n\nawait runEntry(new URL('../${entry}', import.meta.url).href${options});\n`, { mode: 0o755 });
  }
}

/** The npm packages the compiled appliance imports (bare specifiers, scoped ones by scope/name). */
export async function importedPackages(appDir: string): Promise<string[]> {
  const names = new Set<string>();
  const builtins = new Set(builtinModules);
  for (const file of await walk(appDir)) {
    if (!file.endsWith('.js')) continue;
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"./][^'"]*)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('node:') || builtins.has(spec)) continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return [...names].sort();
}

/**
 * The production dependencies the appliance imports, for the target CPU, into `appDir/node_modules`.
 * The repository's lock file pins every version, so two builds install the same packages. Install
 * scripts do not run: the native parts come prebuilt inside the packages (ONNX Runtime, sharp's
 * @img platform packages, classic-level's prebuilds), chosen for the target by --cpu/--os.
 */
export async function installDependencies(repo: string, appDir: string, version: string, target: Target): Promise<string[]> {
  const rootPkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const wanted = await importedPackages(appDir);
  const missing = wanted.filter((n) => !rootPkg.dependencies[n]);
  if (missing.length) throw new AlprError('ALPR_ERR_PACKAGE_BUILD', `the appliance imports ${missing.join(', ')}, which package.json does not list as dependencies`);
  const dependencies = Object.fromEntries(wanted.map((n) => [n, rootPkg.dependencies[n]!]));
  await writeFile(join(appDir, 'package.json'), `${JSON.stringify({ name: 'alpr-appliance', version, private: true, type: 'module', dependencies }, null, 2)}\n`);
  await cp(join(repo, 'package-lock.json'), join(appDir, 'package-lock.json'));
  await exec('npm', ['install', '--omit=dev', '--os=linux', `--cpu=${target.npmCpu}`, '--libc=glibc', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: appDir });
  await rm(join(appDir, 'package-lock.json'));
  await rm(join(appDir, 'node_modules/.package-lock.json'), { force: true });
  await rm(join(appDir, 'node_modules/.bin'), { recursive: true, force: true });
  return wanted;
}

/**
 * Drops what the target never runs: native binaries of other platforms (ONNX Runtime and
 * classic-level carry every platform's in one package), source maps and type declarations.
 * Returns the native files kept, all of them for the target's CPU.
 */
export async function pruneForTarget(appDir: string, target: Target): Promise<string[]> {
  const kept: string[] = [];
  for (const file of await walk(join(appDir, 'node_modules'))) {
    if (file.endsWith('.map') || file.endsWith('.d.ts')) {
      await rm(file);
      continue;
    }
    const kind = await nativeKind(file);
    if (kind.kind === 'none') continue;
    if (kind.kind === 'elf' && kind.machine === target.elfMachine) kept.push(relative(appDir, file));
    else await rm(file);
  }
  return kept.sort();
}
