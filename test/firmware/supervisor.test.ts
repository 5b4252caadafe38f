import t from 'tap';
import { AlprError, ManualClock } from '../../core/index.js';
import { Supervisor, type Part } from '../../firmware/index.js';
import { captureLogger, flush } from '../helpers/index.js';

class RecordingPart implements Part {
  starts = 0;
  private failureListener: ((err: unknown) => void) | null = null;
  constructor(readonly name: string, readonly log: string[], readonly behaviour: { failStarts?: number; hangOnStop?: boolean } = {}) {}
  async start(): Promise<void> {
    this.starts++;
    if (this.starts <= (this.behaviour.failStarts ?? 0)) throw new Error(`${this.name} start failure`);
    this.log.push(`start ${this.name}`);
  }
  async stop(): Promise<void> {
    if (this.behaviour.hangOnStop) return new Promise(() => undefined);
    this.log.push(`stop ${this.name}`);
  }
  onFailure(listener: (err: unknown) => void): void {
    this.failureListener = listener;
  }
  fail(): void {
    this.failureListener?.(new Error(`${this.name} crashed`));
  }
}

function supervisor(clock: ManualClock, maxRestarts = 2) {
  return new Supervisor({ maxRestarts, restartWindowMs: 10_000, restartDelayMs: 100, stopDeadlineMs: 1000, clock, logger: captureLogger().logger });
}

t.test('parts start in order and stop in reverse order', async (tt) => {
  const clock = new ManualClock();
  const log: string[] = [];
  const s = supervisor(clock);
  for (const name of ['a', 'b', 'c']) s.add(name, new RecordingPart(name, log));
  await s.start();
  await s.stop();
  tt.same(log, ['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
});

t.test('a part that fails to start is retried after the restart delay', async (tt) => {
  const clock = new ManualClock();
  const log: string[] = [];
  const s = supervisor(clock);
  const flaky = new RecordingPart('flaky', log, { failStarts: 2 });
  s.add('flaky', flaky);
  const started = s.start();
  await clock.advanceAsync(300, 50);
  await started;
  tt.equal(flaky.starts, 3);
  tt.same(log, ['start flaky']);
});

t.test('a part that fails while running is stopped and started again', async (tt) => {
  const clock = new ManualClock();
  const log: string[] = [];
  const s = supervisor(clock);
  const part = new RecordingPart('pipeline', log);
  s.add('pipeline', part);
  const restarted: string[] = [];
  s.on('partRestarted', (name) => restarted.push(name));
  await s.start();
  part.fail();
  await clock.advanceAsync(200, 50);
  tt.same(log, ['start pipeline', 'stop pipeline', 'start pipeline']);
  tt.same(restarted, ['pipeline']);
});

t.test('beyond the restart budget the supervisor gives up so systemd can restart the process', async (tt) => {
  const clock = new ManualClock();
  const s = supervisor(clock, 2);
  const part = new RecordingPart('camera', []);
  s.add('camera', part);
  const exhausted: AlprError[] = [];
  s.on('restartBudgetExhausted', (err) => exhausted.push(err));
  await s.start();
  for (let i = 0; i < 3; i++) {
    part.fail();
    await clock.advanceAsync(200, 50);
  }
  tt.equal(exhausted.length, 1);
  tt.equal(exhausted[0]!.code, 'ALPR_ERR_SUPERVISOR_RESTART_BUDGET');

  // Failures spread wider than the window do not add up.
  const clock2 = new ManualClock();
  const s2 = supervisor(clock2, 2);
  const part2 = new RecordingPart('camera', []);
  s2.add('camera', part2);
  const exhausted2: AlprError[] = [];
  s2.on('restartBudgetExhausted', (err) => exhausted2.push(err));
  await s2.start();
  for (let i = 0; i < 5; i++) {
    part2.fail();
    await clock2.advanceAsync(6000, 100);
  }
  tt.equal(exhausted2.length, 0);
});

t.test('a start that keeps failing rejects start() with the budget error', async (tt) => {
  const clock = new ManualClock();
  const s = supervisor(clock, 1);
  s.add('broken', new RecordingPart('broken', [], { failStarts: 99 }));
  const started = s.start();
  const outcome = tt.rejects(started, { code: 'ALPR_ERR_SUPERVISOR_RESTART_BUDGET' });
  await clock.advanceAsync(500, 50);
  await outcome;
});

t.test('a part that will not stop makes stop() report the deadline, after stopping the others', async (tt) => {
  const clock = new ManualClock();
  const log: string[] = [];
  const s = supervisor(clock);
  s.add('a', new RecordingPart('a', log));
  s.add('stuck', new RecordingPart('stuck', log, { hangOnStop: true }));
  await s.start();
  const stopping = s.stop();
  const outcome = tt.rejects(stopping, { code: 'ALPR_ERR_STOP_DEADLINE', message: /stuck/ });
  await flush();
  await clock.advanceAsync(1100, 100);
  await outcome;
  tt.same(log, ['start a', 'start stuck', 'stop a']);
});

t.test('a part whose start fails with a non-retryable typed error is not retried: start() rejects with that error at once', async (tt) => {
  const clock = new ManualClock();
  const s = supervisor(clock, 5);
  let starts = 0;
  s.add('pipeline', {
    start: async () => {
      starts++;
      throw new AlprError('ALPR_ERR_CAMERA_UNAVAILABLE', 'replay camera: folder /nowhere cannot be read');
    },
    stop: async () => undefined,
  });
  await tt.rejects(s.start(), { code: 'ALPR_ERR_CAMERA_UNAVAILABLE', message: /\/nowhere/ });
  tt.equal(starts, 1, 'the restart budget was not spent on it');
});
