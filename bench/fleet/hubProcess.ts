import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HUB_BIN = fileURLToPath(new URL('../../bin/alpr-hub.js', import.meta.url));
// A hub start needs about 3 s of CPU; on a machine loaded twentyfold that is a minute of wall time.
const READY_TIMEOUT_MS = 120_000;

export interface HubChild {
  child: ChildProcess;
  /** The API's address, from the hub's `hub started` log line. */
  httpUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * `alpr-hub ARGS` as its own process. Resolves once it logs `hub started`; rejects (after killing
 * it) if it exits first or is not ready in time, with what it printed on stderr. Its log (stdout
 * and stderr) is appended to `logFile` where one is given: why the hub refused a device's broker login is only there.
 */
export function startHubProcess(args: readonly string[], logFile?: string): Promise<HubChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUB_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    if (logFile) {
      const log = createWriteStream(logFile, { flags: 'a' });
      child.stdout!.pipe(log, { end: false });
      child.stderr!.pipe(log, { end: false });
      child.on('close', () => log.end());
    }
    let stdout = '';
    let stderr = '';
    let ready = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => child.on('exit', (code, signal) => done({ code, signal, stderr })));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`alpr-hub was not ready within ${READY_TIMEOUT_MS} ms: ${stderr.trim() || stdout.slice(-500)}`));
    }, READY_TIMEOUT_MS);
    // Read to the end either way, so a chatty hub never blocks on a full pipe.
    child.stdout!.on('data', (d: Buffer) => {
      if (ready) return;
      stdout += d;
      const line = stdout.split('\n').find((l) => l.includes('"msg":"hub started"'));
      if (line) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, exited, httpUrl: (JSON.parse(line) as { http: string }).http });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    void exited.then(({ code, signal }) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`alpr-hub exited before it was ready (code ${code}, signal ${signal}): ${stderr.trim() || stdout.slice(-500)}`));
    });
  });
}
