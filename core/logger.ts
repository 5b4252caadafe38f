import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Paths that may hold a plate, a key or a credential anywhere in a log object. pino removes
 * them before serialising, so a careless `log.info({ read })` cannot leak them.
 */
export const REDACTED_PATHS = [
  'plate', '*.plate', '*.*.plate', 'text', '*.text', 'candidates', '*.candidates',
  'key', '*.key', 'dataKey', '*.dataKey', 'privateKey', '*.privateKey', 'secret', '*.secret',
  'password', '*.password', 'token', '*.token', 'totp', '*.totp',
  'crop', '*.crop', 'context', '*.context', 'image', '*.image',
];

export interface LoggerOptions {
  level?: string;
  name?: string;
  destination?: DestinationStream;
}

/** One logger per process; parts take `logger.child({ module })`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: options.name ?? 'alpr',
      level: options.level ?? process.env.ALPR_LOG_LEVEL ?? 'info',
      redact: { paths: REDACTED_PATHS, remove: true },
    },
    options.destination,
  );
}

/** A logger that writes nothing, for tools whose output is their own. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
