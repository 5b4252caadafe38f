/**
 * Progress for steps that take time, on stderr (stdout is for results a script reads). Quiet in
 * `--json` mode and in tests.
 */
export interface Progress {
  step(message: string): void;
}

export function stderrProgress(enabled: boolean): Progress {
  let n = 0;
  return { step: (message) => void (enabled && process.stderr.write(`[${++n}] ${message}\n`)) };
}
