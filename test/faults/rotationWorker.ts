/**
 * Child process for the key rotation fault test: rotates the data key of the buffer in `dir` and
 * SIGKILLs itself when the rotation reports step `killStep` for the `killAt`-th time ('none': runs
 * to the end). With `killStep` 'recover' it only finishes an interrupted rotation, as the
 * firmware does at start.
 */
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
// The buffer's own entry, not firmware/index.ts: a worker starts once per kill, and the rest of the
// firmware (recognizer, drivers, sharp) only adds to each start.
import { ReadBuffer, recoverDataKey, rotateDataKey, THIRTY_DAYS_MS, type DataKey, type RotationOptions } from '../../firmware/buffer/index.js';

const [dir, killStep, killAt] = process.argv.slice(2) as [string, string, string];
let seen = 0;
const options: RotationOptions = {
  keyPath: join(dir, 'data.key'),
  openBuffer: (keys: DataKey[]) => new ReadBuffer({
    path: join(dir, 'buffer'), keys, retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 3_600_000, clock: systemClock, logger: silentLogger(),
  }),
  onStep: (step) => {
    if (step === killStep && ++seen === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  },
};

(killStep === 'recover' ? recoverDataKey(options) : rotateDataKey(options)).then(
  () => process.stdout.write('done\n'),
  (err: unknown) => {
    process.stderr.write(`FAIL ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(4);
  },
);
