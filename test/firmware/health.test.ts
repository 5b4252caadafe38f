import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManualClock } from '../../core/index.js';
import { HealthMonitor, type HealthStatus } from '../../firmware/index.js';
import { captureLogger, tempDir } from '../helpers/index.js';

t.test('a periodic status with uptime, temperature, disk and every source, logged and emitted', async (tt) => {
  const dir = await tempDir(tt);
  await writeFile(join(dir, 'temp'), '48312\n');
  const clock = new ManualClock();
  const { logger, lines } = captureLogger();
  const health = new HealthMonitor({
    intervalMs: 1000, dataDir: dir, thermalZonePath: join(dir, 'temp'), clock, logger,
    sources: [() => ({ queues: { capture: 1, recognize: 2 }, tamper: { open: true, openings: 3 } }), async () => ({ buffer: { oldestReadAgeS: 12 } })],
  });
  const reports: HealthStatus[] = [];
  health.on('healthReported', (s) => reports.push(s));
  await health.start();
  clock.advance(3500);
  await new Promise((r) => setTimeout(r, 50));
  await health.stop();
  tt.equal(reports.length, 3);
  // Reports finish in whatever order their file reads do; take the latest by uptime.
  const last = [...reports].sort((a, b) => a.uptimeS - b.uptimeS)[2]!;
  tt.equal(last.uptimeS, 3);
  tt.equal(last.cpuTemperatureC, 48.312);
  tt.ok((last.diskFreeBytes ?? 0) > 0);
  tt.same(last.queues, { capture: 1, recognize: 2 });
  tt.same(last.tamper, { open: true, openings: 3 });
  tt.same(last.buffer, { oldestReadAgeS: 12 });
  tt.ok(lines().some((l) => l.msg === 'health'), 'logged');
});

t.test('where the system has no thermal zone the temperature is null, not an error', async (tt) => {
  const health = new HealthMonitor({ intervalMs: 1000, dataDir: '/nonexistent', thermalZonePath: '/nonexistent/temp', clock: new ManualClock(), logger: captureLogger().logger, sources: [] });
  const status = await health.collect();
  tt.equal(status.cpuTemperatureC, null);
  tt.equal(status.diskFreeBytes, null);
});
