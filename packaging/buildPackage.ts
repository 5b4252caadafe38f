import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Target } from './arch.js';
import { buildDeb, normalizeTree, PACKAGE_NAME, writeControlFiles } from './debPackage.js';
import { assertAddonsPresent, compileAddons } from './nativeAddons.js';
import { stageNodeRuntime } from './nodeRuntime.js';
import { compileAppliance, installDependencies, pruneForTarget } from './stageApp.js';

export interface BuildOptions {
  repo: string;
  target: Target;
  version: string;
  /** Every time in the package (SOURCE_DATE_EPOCH). */
  epoch: number;
  outDir: string;
  progress: (line: string) => void;
}

export interface BuiltPackage {
  file: string;
  dependencies: string[];
  nativeFiles: string[];
}

/**
 * The appliance package: /opt/alpr/app (the compiled appliance, its models and production
 * dependencies), /opt/alpr/node (the runtime), /usr/bin wrappers, the systemd unit and an example
 * config; maintainer scripts make the alpr user and its folders.
 */
export async function buildPackage(o: BuildOptions): Promise<BuiltPackage> {
  const work = await mkdtemp(join(tmpdir(), 'alpr-package-'));
  try {
    const root = join(work, 'root');
    const app = join(root, 'opt/alpr/app');
    o.progress('compiling the appliance (tsc)');
    await compileAppliance(o.repo, app);
    o.progress(`installing its production dependencies for linux-${o.target.npmCpu}`);
    const dependencies = await installDependencies(o.repo, app, o.version, o.target);
    o.progress(`compiling the addons that ship no ${o.target.npmCpu} binary`);
    await compileAddons(join(app, 'node_modules'), o.target);
    const nativeFiles = await pruneForTarget(app, o.target);
    await assertAddonsPresent(join(app, 'node_modules'), nativeFiles);
    o.progress(`adding the Node.js runtime for linux-${o.target.npmCpu}`);
    await stageNodeRuntime(o.target, join(root, 'opt/alpr/node'));
    nativeFiles.push('../node/bin/node');
    await cp(join(o.repo, 'packaging/root'), root, { recursive: true });
    await mkdir(join(root, 'lib/systemd/system'), { recursive: true });
    await cp(join(o.repo, 'firmware/deploy/alpr-firmware.service'), join(root, 'lib/systemd/system/alpr-firmware.service'));
    await mkdir(join(root, 'etc/alpr'), { recursive: true });
    await cp(join(o.repo, 'firmware/deploy/appliance.example.yaml'), join(root, 'etc/alpr/appliance.example.yaml'));
    await mkdir(join(root, 'DEBIAN'), { recursive: true });
    for (const script of ['postinst', 'prerm', 'postrm']) await cp(join(o.repo, 'packaging/debian', script), join(root, 'DEBIAN', script));
    await writeControlFiles(root, { version: o.version, target: o.target, description: 'ALPR appliance: license-plate reader firmware and provisioning CLI' });
    await normalizeTree(root, o.epoch);
    await mkdir(o.outDir, { recursive: true });
    const file = join(o.outDir, `${PACKAGE_NAME}_${o.version}_${o.target.debArch}.deb`);
    o.progress(`dpkg-deb: ${file}`);
    await buildDeb(root, file, o.epoch);
    return { file, dependencies, nativeFiles };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
