import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec } from './exec.js';
import type { Rootfs } from './rootfs.js';

const CODE = 'ALPR_ERR_ARM64_CHECK' as const;

/** One installed appliance the check drives: its provisioning CLI and its firmware process. */
export interface Installation {
  readonly name: string;
  /** `alpr-provision ARGS` against this installation's config; its stdout. */
  provision(args: string[]): Promise<string>;
  /** `alpr-firmware --config ...`, running until it is sent SIGTERM. */
  startFirmware(): ChildProcess;
  /** Where a file lies, as the installation's own programs see the path. */
  readonly framesDir: string;
}

/** The arm64 package installed with dpkg in the emulated root file system, run as an installer would. */
export class RootfsInstallation implements Installation {
  readonly name = 'arm64';
  constructor(private readonly rootfs: Rootfs, readonly framesDir: string) {}

  provision(args: string[]): Promise<string> {
    return this.rootfs.sh(`alpr-provision ${args.map(shellQuote).join(' ')}`);
  }

  startFirmware(): ChildProcess {
    return spawn('chroot', [this.rootfs.dir, '/usr/bin/alpr-firmware', '--config', '/etc/alpr/appliance.yaml'], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' } });
  }
}

/**
 * The x64 package unpacked (dpkg-deb -x) on this machine and run with its own bundled Node.js and
 * dependencies: the reference the arm64 reads must equal.
 */
export class UnpackedInstallation implements Installation {
  readonly name = 'x64';
  private constructor(private readonly dir: string, readonly framesDir: string) {}

  static async unpack(deb: string, framesDir: string): Promise<UnpackedInstallation> {
    const dir = await mkdtemp(join(tmpdir(), 'alpr-x64-'));
    await exec('dpkg-deb', ['-x', deb, dir], { code: CODE });
    return new UnpackedInstallation(dir, framesDir);
  }

  private get node(): string {
    return join(this.dir, 'opt/alpr/node/bin/node');
  }

  get configPath(): string {
    return join(this.dir, 'etc/alpr/appliance.yaml');
  }

  get dataDir(): string {
    return join(this.dir, 'var/lib/alpr');
  }

  provision(args: string[]): Promise<string> {
    const withPaths = args[0] === 'enroll' ? [...args, '--data-dir', this.dataDir] : args;
    return exec(this.node, [join(this.dir, 'opt/alpr/app/bin/alpr-provision.js'), ...withPaths, '--config', this.configPath], { code: CODE });
  }

  startFirmware(): ChildProcess {
    return spawn(this.node, [join(this.dir, 'opt/alpr/app/bin/alpr-firmware.js'), '--config', this.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  }

  remove(): Promise<string> {
    return exec('rm', ['-rf', this.dir], { code: CODE });
  }
}

export function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}
