import { spawnSync } from 'node:child_process';
import t from 'tap';
import { ROOTFS_TARBALL } from '../../packaging/rootfs.js';

// Building both packages and running the firmware under qemu takes many minutes: only on request.
const wanted = process.env.ALPR_ARM64_CHECK === '1';
t.setTimeout(90 * 60_000);

t.test('the arm64 package installs, self-tests, enrolls and reads as x64 does in an emulated Debian arm64 root file system', { skip: wanted ? false : `set ALPR_ARM64_CHECK=1 to run npm run check:arm64 (needs root, debootstrap and qemu-user-static; the root file system is cached in ${ROOTFS_TARBALL})` }, async (t) => {
  const debs = process.env.ALPR_ARM64_DEB && process.env.ALPR_X64_DEB ? ['--arm64-deb', process.env.ALPR_ARM64_DEB, '--x64-deb', process.env.ALPR_X64_DEB] : [];
  const run = spawnSync(process.execPath, ['bin/tool.js', 'packaging/checkArm64.ts', ...debs], { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  t.equal(run.status, 0, run.stderr.split('\n').slice(-30).join('\n'));
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { passed?: boolean; reads?: { arm64: Array<{ plate: string }>; x64: Array<{ plate: string }> }; selftest?: Array<{ check: string; status: string }> };
  t.equal(result.passed, true);
  t.ok(result.reads && result.reads.arm64.length > 0, 'the arm64 firmware read plates that reached the hub');
  t.same(result.reads?.arm64.map((r) => r.plate), result.reads?.x64.map((r) => r.plate), 'the same plates as the x64 build on the same frames');
  t.notOk(result.selftest?.some((c) => c.status === 'FAIL'), 'no self-test check failed');
});
