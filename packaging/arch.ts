import { AlprError } from '../core/index.js';

/** A target the appliance package is built for: npm's name for the CPU and Debian's. */
export interface Target {
  npmCpu: 'arm64' | 'x64';
  debArch: 'arm64' | 'amd64';
  /** ELF e_machine of the target's native code: every .node/.so in the package must carry it. */
  elfMachine: number;
}

const TARGETS: Record<string, Target> = {
  arm64: { npmCpu: 'arm64', debArch: 'arm64', elfMachine: 0xb7 },
  x64: { npmCpu: 'x64', debArch: 'amd64', elfMachine: 0x3e },
};

export function targetFor(arch: string | undefined): Target {
  const target = arch === undefined ? undefined : TARGETS[arch];
  if (!target) throw new AlprError('ALPR_ERR_USAGE', `--arch ${arch ?? '(missing)'}: expected one of ${Object.keys(TARGETS).join(', ')}`);
  return target;
}
