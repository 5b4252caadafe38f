import { AlprError, type ErrorCode } from './errors.js';

/**
 * The exit codes of all three command-line programs (`alpr-firmware`, `alpr-hub`,
 * `alpr-provision`), after sysexits.h, so systemd units and install scripts can tell a typo in a
 * config (fix it, do not restart) from a failure a restart may cure. docs/errors.md has the table.
 */
export const EXIT = { ok: 0, failure: 1, usage: 64, software: 70, config: 78 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Errors that mean "what the config names is wrong": restarting the same config cannot help. A
 * replay folder or camera device that is not there is a config problem on the appliance.
 */
const CONFIG_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ALPR_ERR_CONFIG_NOT_FOUND', 'ALPR_ERR_CONFIG_PARSE', 'ALPR_ERR_CONFIG_INVALID', 'ALPR_ERR_CONFIG_WRITE', 'ALPR_ERR_CAMERA_UNKNOWN_TYPE', 'ALPR_ERR_CAMERA_UNAVAILABLE',
]);

/** The exit code for the error that ended a command. */
export function exitCodeFor(err: unknown): ExitCode {
  if (!(err instanceof AlprError)) return EXIT.failure;
  if (err.code === 'ALPR_ERR_USAGE') return EXIT.usage;
  if (CONFIG_ERRORS.has(err.code)) return EXIT.config;
  return EXIT.failure;
}
