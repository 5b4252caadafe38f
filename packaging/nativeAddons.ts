import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError } from '../core/index.js';
import type { Target } from './arch.js';
import { exec } from './exec.js';
import { nodeHeaders } from './nodeRuntime.js';

/**
 * The two addons that publish no prebuilt binary and compile at `npm install` (which the package
 * build does not run, and the pole cannot: no compiler there): epoll under onoff (GPIO edges) and
 * @serialport/bindings under johnny-five (a Firmata board on USB). Both are small nan addons, so
 * they are compiled here for the target with the distribution's cross compiler, against the
 * headers of the Node.js the package carries. `bindings` finds them in build/Release.
 */
const ADDONS: Array<{ pkg: string; output: string; sources: string[] }> = [
  { pkg: 'epoll', output: 'epoll', sources: ['src/epoll.cc'] },
  { pkg: '@serialport/bindings', output: 'bindings', sources: ['src/serialport.cpp', 'src/serialport_unix.cpp', 'src/poller.cpp', 'src/serialport_linux.cpp'] },
];

const COMPILER: Record<Target['npmCpu'], string> = { arm64: 'aarch64-linux-gnu-g++', x64: 'x86_64-linux-gnu-g++' };

export async function compileAddons(nodeModules: string, target: Target): Promise<string[]> {
  const cxx = COMPILER[target.npmCpu];
  const found = (await exec('sh', ['-c', `command -v ${cxx} || true`])).trim();
  if (!found) throw new AlprError('ALPR_ERR_PACKAGE_BUILD', `${cxx} is not installed: apt-get install g++-${target.npmCpu === 'arm64' ? 'aarch64' : 'x86-64'}-linux-gnu`);
  const headers = await nodeHeaders(target);
  const built: string[] = [];
  for (const addon of ADDONS) {
    const dir = join(nodeModules, addon.pkg);
    if (!existsSync(dir)) continue;
    await mkdir(join(dir, 'build/Release'), { recursive: true });
    const out = `build/Release/${addon.output}.node`;
    // -ffile-prefix-map keeps the build folder's name out of the binary: two builds, same bytes.
    await exec(cxx, ['-shared', '-fPIC', '-O2', '-std=gnu++17', `-ffile-prefix-map=${dir}=.`, `-ffile-prefix-map=${nodeModules}=.`,
      '-Wno-deprecated-declarations', '-Wno-cast-function-type', `-DNODE_GYP_MODULE_NAME=${addon.output}`, '-DBUILDING_NODE_EXTENSION', '-D_GLIBCXX_USE_CXX11_ABI=1',
      `-I${headers}`, `-I${join(nodeModules, 'nan')}`, ...addon.sources, '-o', out], { cwd: dir });
    built.push(join(addon.pkg, out));
  }
  return built;
}

/** A package that builds an addon at its root (binding.gyp) but holds no binary for the target would fail on the pole: refuse to ship it. */
export async function assertAddonsPresent(nodeModules: string, nativeFiles: string[]): Promise<void> {
  const packages: string[] = [];
  for (const e of await readdir(nodeModules)) {
    if (e.startsWith('@')) packages.push(...(await readdir(join(nodeModules, e))).map((n) => `${e}/${n}`));
    else packages.push(e);
  }
  const missing = packages.filter((p) => existsSync(join(nodeModules, p, 'binding.gyp')) && !nativeFiles.some((f) => f.startsWith(`node_modules/${p}/`)));
  if (missing.length) throw new AlprError('ALPR_ERR_PACKAGE_BUILD', `${missing.join(', ')} would have no native binary for the target: compile it (packaging/nativeAddons.ts) or leave it out`);
}
