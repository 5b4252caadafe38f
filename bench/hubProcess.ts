import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const HUB_BIN = fileURLToPath(new URL('../bin/alpr-hub.js', import.meta.url));
// A hub start needs about 3 s of CPU; on a machine loaded twentyfold that is a minute of wall time.
const READY_TIMEOUT_MS = 120_000;

export interface HubChild {
  child: ChildProcess;
  /** The API's address, from the hub's `hub started` log line. */
  httpUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `alpr-hub ARGS` (normally `serve ...`) as its own process, as in service. Resolves once it logs
 * `hub started`; rejects (after killing it) if it exits first or is not ready in time, with what
 * it printed on stderr.
 */
export function startHubProcess(args: string[], options: { env?: NodeJS.ProcessEnv; readyTimeoutMs?: number } = {}): Promise<HubChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HUB_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    let ready = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => child.on('exit', (code, signal) => done({ code, signal, stderr })));
    const timeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`alpr-hub was not ready within ${timeoutMs} ms: ${stderr.trim() || stdout.slice(-500)}`));
    }, timeoutMs);
    // Read on after it is ready (the pipe must not fill), keeping only what it says before.
    child.stdout!.on('data', (d: Buffer) => {
      if (ready) return;
      stdout += d;
      const line = stdout.split('\n').slice(0, -1).find((l) => l.includes('"msg":"hub started"'));
      if (!line) return;
      ready = true;
      clearTimeout(timer);
      resolve({ child, exited, httpUrl: String((JSON.parse(line) as { http?: string }).http ?? '') });
    });
    // The last few kilobytes say why a process died; a long run must not hold all of it.
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d).slice(-8192)));
    void exited.then(({ code, signal }) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`alpr-hub exited before it was ready (code ${code}, signal ${signal}): ${stderr.trim() || stdout.slice(-500)}`));
    });
  });
}
