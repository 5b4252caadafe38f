import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AlprError, EXIT, errorMessage, exitCodeFor } from '../core/index.js';
import { startDemoHub } from '../demo/demoHub.js';
import type { Hub } from '../hub/index.js';
import { targetFor } from './arch.js';
import { buildPackage } from './buildPackage.js';
import { exec } from './exec.js';
import { runFirmwareOverFrames } from './firmwareRun.js';
import { RootfsInstallation, UnpackedInstallation, type Installation } from './installation.js';
import { ensureArm64Emulation, ensureRootfsTarball, Rootfs } from './rootfs.js';

const USAGE = 'usage: npm run check:arm64 [-- --arm64-deb FILE --x64-deb FILE] [--frames 6] [--version X.Y.Z]';
const REPO = resolve(new URL('..', import.meta.url).pathname);
const SITE = 'arm64-check';
const FRAMES_IN_ROOTFS = '/srv/alpr-check-frames';

function fail(message: string): never {
  throw new AlprError('ALPR_ERR_ARM64_CHECK', message);
}

/** What the hub holds from one device, in the order the frames were captured. */
async function readsOf(hub: Hub, deviceId: string) {
  const store = hub.services!.store;
  const reads = [];
  for (const id of await store.allReadIds()) {
    const r = await store.getRead(id);
    if (r?.deviceId === deviceId) reads.push(r);
  }
  return reads.sort((a, b) => a.capturedAt - b.capturedAt).map((r) => ({ plate: r.plate, region: r.region, confidence: r.confidence }));
}

/** Enrolled at the check's site, then set to the simulated GPIO chip and the replay camera, once over the frames. */
async function enrollAndConfigure(inst: Installation, hub: Hub): Promise<string> {
  const deviceId = `${inst.name}-check-${Date.now().toString(36)}`;
  const { token } = await hub.services!.devices.issueEnrollmentToken(SITE, 3_600_000, 'cli:check-arm64');
  await inst.provision(['enroll', '--hub', hub.httpUrl, '--token', token, '--device-id', deviceId, '--expect-hub-key-id', hub.keys!.seal.keyId, '--quiet']);
  await inst.provision(['configure', '--quiet', '--set', 'gpio.type=simulated', '--set', 'illuminator.pin=18', '--set', 'day_night.source=sun',
    '--set', 'trigger={mode: free-run, frames_per_second: 1}', '--set', `camera={type: replay, folder: ${JSON.stringify(inst.framesDir)}, burst_frames: 3, burst_interval_ms: 20}`,
    '--set', 'sync.batch_max_age_ms=200', '--set', 'health.interval_ms=1000', '--set', 'log_level=info']);
  return deviceId;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * `npm run check:arm64`: the arm64 package installed with dpkg in a Debian arm64 root file system
 * under qemu user emulation, self-tested, enrolled with a hub on this machine and run over the
 * replay camera; its reads must equal the x64 package's on the same frames and reach the hub.
 * Then upgrade, remove and purge, as an installer would.
 */
export async function main(argv: string[]): Promise<number> {
  const started = Date.now();
  const say = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    const { values } = parseArgs({ args: argv, options: { 'arm64-deb': { type: 'string' }, 'x64-deb': { type: 'string' }, frames: { type: 'string' }, version: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const frameCount = Number(values.frames ?? 6);
    if (!Number.isInteger(frameCount) || frameCount < 3) throw new AlprError('ALPR_ERR_USAGE', `--frames ${values.frames}: expected a whole number of at least 3 (one burst)`);
    const version = values.version ?? (JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

    const debs: Record<'arm64' | 'x64', string> = { arm64: values['arm64-deb'] ?? '', x64: values['x64-deb'] ?? '' };
    for (const arch of ['arm64', 'x64'] as const) {
      if (debs[arch]) continue;
      say(`building the ${arch} package`);
      const epoch = Number((await exec('git', ['log', '-1', '--format=%ct'], { cwd: REPO })).trim());
      debs[arch] = (await buildPackage({ repo: REPO, target: targetFor(arch), version, epoch, outDir: join(REPO, 'dist'), progress: (l) => say(`  ${l}`) })).file;
    }

    await ensureArm64Emulation();
    const tarball = await ensureRootfsTarball(say);
    say(`unpacking the arm64 root file system (${tarball})`);
    const rootfs = await Rootfs.unpack(tarball);
    cleanup.push(() => rootfs.remove());
    const arch = (await rootfs.sh('dpkg --print-architecture && uname -m')).trim().split('\n');
    if (arch[0] !== 'arm64' || arch[1] !== 'aarch64') fail(`the root file system says ${arch.join(' / ')}, not arm64 / aarch64`);

    // The same frames for both: the first `frameCount` of the demo's scenes.
    const frames = (await readdir(join(REPO, 'demo/frames'))).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort().slice(0, frameCount);
    const hostFrames = await mkdtemp(join(tmpdir(), 'alpr-frames-'));
    cleanup.push(() => rm(hostFrames, { recursive: true, force: true }));
    await mkdir(join(rootfs.dir, FRAMES_IN_ROOTFS), { recursive: true });
    for (const f of frames) {
      await cp(join(REPO, 'demo/frames', f), join(hostFrames, f));
      await cp(join(REPO, 'demo/frames', f), join(rootfs.dir, FRAMES_IN_ROOTFS, f));
    }
    await exec('chmod', ['-R', 'a+rX', join(rootfs.dir, FRAMES_IN_ROOTFS)]);

    say(`dpkg -i ${debs.arm64} (in the emulated root file system)`);
    await cp(debs.arm64, join(rootfs.dir, 'tmp/alpr-appliance.deb'));
    await rootfs.sh('dpkg -i /tmp/alpr-appliance.deb');
    const versionText = await rootfs.sh('alpr-firmware --version');
    const manifest = JSON.parse(await readFile(join(REPO, 'inference/models/manifest.json'), 'utf8')) as Record<string, { onnx?: { sha256: string }; onnx_int8?: { sha256: string } }>;
    if (!versionText.startsWith(`alpr-firmware ${version}\n`)) fail(`alpr-firmware --version says ${JSON.stringify(versionText.split('\n')[0])}, not version ${version}`);
    for (const [name, entry] of Object.entries(manifest)) {
      // The int8 file is the one ONNX Runtime runs where the entry has one.
      for (const file of [entry?.onnx, entry?.onnx_int8]) if (file && !versionText.includes(file.sha256)) fail(`alpr-firmware --version lacks the ${name} model's hash ${file.sha256.slice(0, 12)}`);
    }
    const owners = (await rootfs.sh('stat -c "%n %U:%G %a" /var/lib/alpr /etc/alpr /opt/alpr/node/bin/node')).trim();
    if (owners !== '/var/lib/alpr alpr:alpr 700\n/etc/alpr alpr:alpr 750\n/opt/alpr/node/bin/node root:root 755') fail(`installed owners and modes are not as the package states:\n${owners}`);
    say(`installed: ${versionText.split('\n')[0]}; ${owners.split('\n').join('; ')}`);

    const hubDir = await mkdtemp(join(tmpdir(), 'alpr-check-hub-'));
    cleanup.push(() => rm(hubDir, { recursive: true, force: true }));
    const hub = await startDemoHub({ dataDir: join(hubDir, 'hub'), auditDir: join(hubDir, 'audit'), pgUrl: null, brokerUrl: null, httpPort: 0, verbose: false });
    cleanup.push(() => hub.stop());
    await hub.services!.sites.approve({ siteId: SITE, name: 'Emulated arm64 pole', approvalRef: 'ARM64-CHECK-1', latitude: 41.885, longitude: -87.785, cameras: ['cam0'] }, 'cli:check-arm64');
    say(`hub on this machine at ${hub.httpUrl}`);

    const arm64 = new RootfsInstallation(rootfs, FRAMES_IN_ROOTFS);
    const arm64Device = await enrollAndConfigure(arm64, hub);
    say(`arm64: enrolled as ${arm64Device} with alpr-provision inside the root file system`);
    // Under emulation a frame takes the better part of a minute, and the round trip far longer than a board's 15 s.
    const selftestOut = await rootfs.sh('alpr-provision selftest --allow-simulated --quiet --hub-timeout-s 180 --json /var/lib/alpr/selftest.json');
    const record = JSON.parse(await rootfs.sh('cat /var/lib/alpr/selftest.json')) as { passed: boolean; results: Array<{ check: string; status: string; ms: number }> };
    if (!record.passed) fail(`alpr-provision selftest failed under emulation:\n${selftestOut}`);
    say(`arm64: selftest passed (${record.results.map((c) => `${c.check} ${c.status}`).join(', ')})`);

    const x64 = await UnpackedInstallation.unpack(debs.x64, hostFrames);
    cleanup.push(() => x64.remove());
    const x64Device = await enrollAndConfigure(x64, hub);
    say(`x64: ${debs.x64} unpacked and enrolled as ${x64Device}; running it over ${frameCount} frames`);
    const x64Made = await runFirmwareOverFrames(x64, { frames: frameCount, readsAtHub: async () => (await readsOf(hub, x64Device)).length, timeoutMs: 180_000 });
    say(`x64: ${x64Made} reads made and acknowledged by the hub; now the arm64 firmware under emulation`);
    const arm64Made = await runFirmwareOverFrames(arm64, { frames: frameCount, expectReads: x64Made, readsAtHub: async () => (await readsOf(hub, arm64Device)).length, timeoutMs: 900_000 });
    const [readsArm64, readsX64] = [await readsOf(hub, arm64Device), await readsOf(hub, x64Device)];
    say(`arm64: ${arm64Made} reads made; at the hub: arm64 ${readsArm64.map((r) => r.plate).join(' ')} / x64 ${readsX64.map((r) => r.plate).join(' ')}`);
    if (readsX64.length === 0) fail('the x64 build read no plate on the frames: nothing to compare');
    // Plates and states must be the same; ONNX Runtime's arm64 and x64 kernels may round the last bits of a score differently.
    const same = readsArm64.length === readsX64.length && readsArm64.every((r, i) => r.plate === readsX64[i]!.plate && r.region === readsX64[i]!.region && Math.abs(r.confidence - readsX64[i]!.confidence) < 1e-3);
    if (!same) fail(`the arm64 reads differ from the x64 reads:\narm64 ${JSON.stringify(readsArm64)}\nx64   ${JSON.stringify(readsX64)}`);

    say('upgrade (dpkg -i again): the config, the keys and the buffer must stay as they were');
    const kept = 'cat /etc/alpr/appliance.yaml /var/lib/alpr/data.key /var/lib/alpr/device.pem /var/lib/alpr/hub.json | sha256sum; ls /var/lib/alpr/buffer | wc -l';
    const before = await rootfs.sh(kept);
    await rootfs.sh('dpkg -i /tmp/alpr-appliance.deb');
    if ((await rootfs.sh(kept)) !== before) fail('reinstalling the package changed the config, the keys or the buffer');
    say('remove: the data stays; purge without a terminal: the data stays; purge with ALPR_PURGE_ERASE=yes: crypto-erased');
    await rootfs.sh('dpkg -r alpr-appliance');
    if ((await rootfs.sh(kept)) !== before) fail('dpkg -r touched the config, the keys or the buffer');
    await rootfs.sh('dpkg -P alpr-appliance </dev/null');
    if ((await rootfs.sh(kept)) !== before) fail('a noninteractive purge erased the data without ALPR_PURGE_ERASE=yes');
    await rootfs.sh('dpkg -i /tmp/alpr-appliance.deb && ALPR_PURGE_ERASE=yes dpkg -P alpr-appliance </dev/null');
    const left = (await rootfs.sh('ls -d /var/lib/alpr /etc/alpr/appliance.yaml 2>/dev/null; getent passwd alpr; true')).trim();
    if (left) fail(`after a purge with ALPR_PURGE_ERASE=yes, these remain: ${left}`);

    const result = {
      passed: true, arm64Deb: debs.arm64, x64Deb: debs.x64, version, frames: frameCount, selftest: record.results.map((c) => ({ check: c.check, status: c.status, ms: c.ms })),
      reads: { arm64: readsArm64, x64: readsX64 }, seconds: Math.round((Date.now() - started) / 1000), configSha256: sha(before),
    };
    say(`passed in ${result.seconds} s`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return EXIT.ok;
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n${err instanceof AlprError && err.code === 'ALPR_ERR_USAGE' ? `${USAGE}\n` : ''}`);
    return exitCodeFor(err);
  } finally {
    for (const step of cleanup.reverse()) await step().catch((e: unknown) => process.stderr.write(`cleanup: ${errorMessage(e)}\n`));
  }
}
