import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlprError } from '../core/index.js';
import { exec } from './exec.js';

const CODE = 'ALPR_ERR_ARM64_CHECK' as const;
const BINFMT = '/proc/sys/fs/binfmt_misc';
/** The Debian release Raspberry Pi OS and the appliance's docs target. */
export const SUITE = 'bookworm';
export const ROOTFS_TARBALL = join(homedir(), '.cache/alpr', `debian-${SUITE}-arm64-minbase.tar`);

/** qemu's registration for 64-bit little-endian ARM ELF binaries (from qemu-binfmt-conf.sh). */
const AARCH64_MAGIC = '\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00';
const AARCH64_MASK = '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff';

async function which(name: string): Promise<string | null> {
  return (await exec('sh', ['-c', `command -v ${name} || true`], { code: CODE })).trim() || null;
}

/**
 * arm64 programs run here through qemu user emulation: the kernel hands every arm64 ELF to
 * qemu-aarch64-static (binfmt_misc, flag F: the interpreter is opened now, so it works inside a
 * chroot that lacks it). binfmt-support registers it on a normal host; in a container it may
 * not, so the check mounts binfmt_misc and registers it itself.
 */
export async function ensureArm64Emulation(): Promise<void> {
  const entry = join(BINFMT, 'qemu-aarch64');
  if (existsSync(entry) && (await readFile(entry, 'utf8')).startsWith('enabled')) return;
  const qemu = await which('qemu-aarch64-static');
  if (!qemu) throw new AlprError(CODE, 'qemu-aarch64-static is not installed: apt-get install qemu-user-static binfmt-support');
  if (!existsSync(join(BINFMT, 'register'))) await exec('mount', ['-t', 'binfmt_misc', 'binfmt_misc', BINFMT], { code: CODE });
  try {
    await writeFile(join(BINFMT, 'register'), `:qemu-aarch64:M::${AARCH64_MAGIC}:${AARCH64_MASK}:${qemu}:F`);
  } catch (cause) {
    throw new AlprError(CODE, `cannot register qemu-aarch64 with binfmt_misc (${(cause as Error).message}); run the check as root on a host that allows it`, { cause });
  }
}

/** The Debian mirror the host's apt uses (deb822 or one-line sources), so debootstrap goes where apt is allowed to. */
export async function debianMirror(): Promise<string> {
  for (const file of ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list']) {
    const text = existsSync(file) ? await readFile(file, 'utf8') : '';
    const uri = /^URIs:\s*(\S+\/debian)\s*$/m.exec(text)?.[1] ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\s/m.exec(text)?.[1];
    if (uri) return uri;
  }
  return 'http://deb.debian.org/debian';
}

/**
 * A minimal Debian arm64 root file system (debootstrap under emulation), made once and kept as a
 * tarball in ~/.cache/alpr, outside the repository, so later checks start from it in seconds.
 */
export async function ensureRootfsTarball(progress: (line: string) => void): Promise<string> {
  if (existsSync(ROOTFS_TARBALL)) return ROOTFS_TARBALL;
  const debootstrap = await which('debootstrap');
  if (!debootstrap) throw new AlprError(CODE, 'debootstrap is not installed: apt-get install debootstrap');
  const build = await mkdtemp(join(tmpdir(), 'alpr-rootfs-'));
  try {
    const mirror = await debianMirror();
    progress(`debootstrap ${SUITE} arm64 from ${mirror} (once; cached in ${ROOTFS_TARBALL})`);
    await exec(debootstrap, ['--arch=arm64', '--variant=minbase', SUITE, build, mirror], { code: CODE });
    await mkdir(join(homedir(), '.cache/alpr'), { recursive: true });
    await exec('tar', ['-C', build, '--numeric-owner', '-cf', `${ROOTFS_TARBALL}.part`, '.'], { code: CODE });
    await exec('mv', [`${ROOTFS_TARBALL}.part`, ROOTFS_TARBALL], { code: CODE });
    return ROOTFS_TARBALL;
  } finally {
    await rm(build, { recursive: true, force: true });
  }
}

/** A fresh copy of the cached root file system, with /proc, /sys and /dev as a booted board has them. */
export class Rootfs {
  private constructor(readonly dir: string) {}

  static async unpack(tarball: string): Promise<Rootfs> {
    const dir = await mkdtemp(join(tmpdir(), 'alpr-arm64-'));
    await exec('tar', ['-C', dir, '--numeric-owner', '-xf', tarball], { code: CODE });
    for (const [what, type] of [['proc', 'proc'], ['sys', 'sysfs']] as const) await exec('mount', ['-t', type, what, join(dir, what)], { code: CODE });
    await exec('mount', ['--bind', '/dev', join(dir, 'dev')], { code: CODE });
    return new Rootfs(dir);
  }

  /** Runs a shell command inside, as on the board (every arm64 binary through qemu). */
  sh(script: string, o: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<string> {
    return exec('chroot', [this.dir, '/bin/sh', '-c', script], {
      code: CODE, timeoutMs: o.timeoutMs ?? 600_000, env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C.UTF-8', DEBIAN_FRONTEND: 'noninteractive', ...o.env },
    });
  }

  async remove(): Promise<void> {
    for (const what of ['dev', 'sys', 'proc']) await exec('umount', ['-l', join(this.dir, what)], { code: CODE }).catch(() => undefined);
    // Never delete through a mount that is still there: /dev is the host's own.
    const mounts = (await readFile('/proc/mounts', 'utf8')).split('\n').map((l) => l.split(' ')[1] ?? '');
    const left = mounts.filter((m) => m === this.dir || m.startsWith(`${this.dir}/`));
    if (left.length) throw new AlprError(CODE, `${left.join(', ')} still mounted: ${this.dir} left in place`);
    await rm(this.dir, { recursive: true, force: true });
  }
}
