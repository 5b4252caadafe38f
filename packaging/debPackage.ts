import { createHash } from 'node:crypto';
import { chmod, lstat, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Target } from './arch.js';
import { exec } from './exec.js';

export const PACKAGE_NAME = 'alpr-appliance';

/** Only the example is a conffile: the real config is written at enrollment and never owned by the package, so upgrades cannot touch it. */
export const CONFFILES = ['/etc/alpr/appliance.example.yaml'];

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    out.push(p);
    if (e.isDirectory()) out.push(...(await walk(p)));
  }
  return out;
}

/**
 * Modes and times as the package states them, whatever the build machine's umask and clock:
 * folders 0755, files 0644, or 0755 where any execute bit was set; every time the epoch.
 */
export async function normalizeTree(root: string, epoch: number): Promise<void> {
  for (const p of [root, ...(await walk(root))]) {
    const st = await lstat(p);
    if (st.isSymbolicLink()) continue;
    await chmod(p, st.isDirectory() || st.mode & 0o111 ? 0o755 : 0o644);
    await utimes(p, epoch, epoch);
  }
}

/** DEBIAN/md5sums (what `dpkg --verify` checks), DEBIAN/conffiles and DEBIAN/control. */
export async function writeControlFiles(root: string, o: { version: string; target: Target; description: string }): Promise<void> {
  const files: string[] = [];
  let bytes = 0;
  for (const p of await walk(root)) {
    const rel = relative(root, p);
    if (rel === 'DEBIAN' || rel.startsWith('DEBIAN/')) continue;
    const st = await lstat(p);
    if (!st.isFile()) continue;
    bytes += st.size;
    files.push(`${createHash('md5').update(await readFile(p)).digest('hex')}  ${rel}`);
  }
  await writeFile(join(root, 'DEBIAN/md5sums'), `${files.join('\n')}\n`);
  await writeFile(join(root, 'DEBIAN/conffiles'), `${CONFFILES.join('\n')}\n`);
  await writeFile(join(root, 'DEBIAN/control'), [
    `Package: ${PACKAGE_NAME}`,
    `Version: ${o.version}`,
    `Architecture: ${o.target.debArch}`,
    'Maintainer: ALPR project <alpr@localhost>',
    `Installed-Size: ${Math.ceil(bytes / 1024)}`,
    // The bundled Node.js, ONNX Runtime and libvips need glibc 2.28 and libstdc++ (both in Debian 11+, Pi OS, JetPack 6).
    'Depends: libc6 (>= 2.28), libstdc++6, passwd, coreutils, util-linux',
    'Recommends: systemd',
    'Suggests: rpicam-apps, ffmpeg',
    'Section: misc',
    'Priority: optional',
    `Description: ${o.description}`,
    ' Capture, plate recognition, encrypted buffer and sync to the hub, with the Node.js',
    ' runtime and every native part prebuilt for this architecture: installing needs no',
    ' compiler and no network. Enroll with alpr-provision (docs/install.md).',
    '',
  ].join('\n'));
}

/**
 * dpkg-deb with owners root:root and times clamped to SOURCE_DATE_EPOCH; gzip -6, because xz of the
 * ~300 MB tree takes minutes on the build machine for a gain installers do not need.
 */
export async function buildDeb(root: string, outFile: string, epoch: number): Promise<void> {
  await exec('dpkg-deb', ['--root-owner-group', '-Zgzip', '-z6', '--build', root, outFile], { env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch) } });
}
