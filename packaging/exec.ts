import { spawn } from 'node:child_process';
import { AlprError, type ErrorCode } from '../core/index.js';

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text written to the command's stdin. */
  input?: string;
  /** The error code a failure is reported under (the build's or the check's). */
  code?: ErrorCode;
  /** Kill the command after this long. */
  timeoutMs?: number;
}

/**
 * Runs one command of the build or the check and returns its stdout; stderr is kept and, when the
 * command fails, its last lines are the error message, so the step that stopped is named.
 */
export function exec(cmd: string, args: readonly string[], o: ExecOptions = {}): Promise<string> {
  const code = o.code ?? 'ALPR_ERR_PACKAGE_BUILD';
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], timeout: o.timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', (cause) => reject(new AlprError(code, `${cmd} could not be started: ${cause.message}`, { cause })));
    child.on('close', (status, signal) => {
      if (status === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const tail = `${Buffer.concat(out).toString('utf8')}\n${Buffer.concat(err).toString('utf8')}`.trim().split('\n').slice(-15).join('\n');
      reject(new AlprError(code, `${cmd} ${args.join(' ')} failed (${signal ?? `exit ${status}`}):\n${tail}`));
    });
    if (o.input !== undefined) {
      // A command that exits before reading its input closes the pipe: that is its exit status's story, not a crash here.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(o.input);
    }
  });
}
