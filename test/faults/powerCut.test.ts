import t from 'tap';
import { cutFsUnavailable } from '../../bench/faults/cutFs.js';
import { powerCutRun } from '../../bench/faults/powerCuts.js';
import { bundledWorker } from '../helpers/workerBundle.js';

// 12 cuts: each of the six rotation steps once, six at random. The benchmark runs more.
const CUTS = Number(process.env.ALPR_POWER_CUTS ?? 12);
// Each cut starts a worker process and remounts the filesystem: seconds each on a loaded machine.
t.setTimeout(20 * 60_000);

const unavailable = cutFsUnavailable();
if (unavailable && process.env.ALPR_REQUIRE_SERVICES === '1') t.fail(`${unavailable} (ALPR_REQUIRE_SERVICES=1)`);
else if (unavailable) t.plan(0, `skipped: ${unavailable}`);
else {
  t.test(`${CUTS} power cuts that drop every write not fsynced, at random moments, in compactions and after each key rotation step: no acknowledged read lost, no synced read back, no store unreadable`, async (tt) => {
    const lines: string[] = [];
    const worker = await bundledWorker(tt, new URL('../../bench/faults/powerCutWorker.ts', import.meta.url));
    const report = await powerCutRun({ cuts: CUTS, damage: false, log: (line) => lines.push(line), worker });
    // (Damage to LevelDB's files: test/faults/bufferDamage.test.ts.)
    tt.equal(report.power_cuts, CUTS, 'every cut happened');
    tt.same(report.problems, [], 'the buffer after every cut is what was acknowledged');
    tt.equal(report.lost_acked, 0, 'no read whose append() resolved is missing');
    tt.equal(report.resurrected, 0, 'no read whose markSynced() resolved came back');
    tt.equal(report.corrupt_readable, 0, 'every store opened with nothing corrupt');
    tt.ok(report.appended > CUTS, `${report.appended} reads acknowledged across the cuts`);
    tt.ok(report.lost_unsynced_bytes > 0, `the cuts dropped ${report.lost_unsynced_bytes} bytes not yet fsynced: they are real cuts`);
    tt.ok(report.compaction_cuts >= CUTS / 3, `${report.compaction_cuts} cuts fell in mounts where LevelDB wrote tables`);
    tt.ok(report.rotation_cuts >= 6, `${report.rotation_cuts} cuts right after a key rotation step, each step at least once`);
    tt.comment(lines.join('\n'));
  });
}
