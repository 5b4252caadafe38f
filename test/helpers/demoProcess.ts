import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { base32Decode, totp } from '../../hub/index.js';
import { tempDir } from './index.js';

type Tap = import('tap').Test;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DemoAccount {
  username: string;
  role: string;
  /** A TOTP code for a 30-second step this account has not used yet (codes are single-use). */
  code(): Promise<string>;
}

export interface RunningDemo {
  /** The console's address, as the demo prints it. */
  consoleUrl: string;
  accounts: Map<string, DemoAccount>;
  /** Everything the demo printed so far. */
  output(): string;
}

/**
 * `npm run demo -- --keep-running` as a child process on a temporary data folder, exactly as a
 * user runs it: it runs the whole flow, then prints the console's address and the accounts with
 * their authenticator URIs and keeps the hub up; stopped with SIGTERM at teardown.
 */
export async function runDemo(t: Tap, limitMs: number): Promise<RunningDemo> {
  const data = await tempDir(t, 'alpr-demo-tour-');
  const child = spawn(process.execPath, ['bin/tool.js', 'demo/main.ts', '--data', data, '--keep-running'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  t.teardown(async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const until = Date.now() + limitMs;
  const accountLines = () => [...out.matchAll(/^ {2}(demo\.(\w+)\.\S+)\s+(otpauth:\/\/\S+)$/gm)];
  while (accountLines().length < 5) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the demo did not come up with the console's accounts:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const consoleUrl = /the operator console: (http:\/\/\S+\/console\/)/.exec(out)![1]!;
  const accounts = new Map(accountLines().map(([, username, role, uri]) => [role!, authenticator(username!, role!, uri!)] as const));
  return { consoleUrl, accounts, output: () => out };
}

/**
 * The authenticator app for a demo account. The demo process has used this account's codes up to
 * the current step at most, so the first code here is for the next step (the hub accepts one step
 * of drift), and each later one waits for a step of its own.
 */
function authenticator(username: string, role: string, uri: string): DemoAccount {
  const secret = base32Decode(new URL(uri).searchParams.get('secret')!);
  let lastStep = 0;
  return {
    username, role,
    async code() {
      const step = Math.max(Math.floor(Date.now() / 30_000) + 1, lastStep + 1);
      while (step > Math.floor(Date.now() / 30_000) + 1) await new Promise((resolve) => setTimeout(resolve, 500));
      lastStep = step;
      return totp(secret, step * 30_000);
    },
  };
}
