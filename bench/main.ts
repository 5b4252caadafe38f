import { AlprError } from '../core/index.js';

/**
 * `npm run bench -- NAME [args]`: runs one benchmark. Each prints progress to stderr and, as the
 * last line of stdout, one JSON object of its figures.
 */
const BENCHMARKS: Record<string, () => Promise<{ main(argv: string[]): Promise<number> }>> = {
  pipeline: () => import('./pipeline.js'),
  buffer: () => import('./buffer.js'),
  sync: () => import('./sync.js'),
  recognition: () => import('./recognition.js'),
  search: () => import('./search.js'),
  alerts: () => import('./alerts.js'),
  faults: () => import('./faults.js'),
  signIn: () => import('./signIn.js'),
  audit: () => import('./audit.js'),
  auditStart: () => import('./auditStart.js'),
  purpose: () => import('./purpose.js'),
  reports: () => import('./reports.js'),
  pgSizes: () => import('./pgSizes.js'),
  colour: () => import('./colour.js'),
  fleet: () => import('./fleet.js'),
  photographs: () => import('./photographs.js'),
  readers: () => import('./readers.js'),
  photographs1080: () => import('./photographs1080.js'),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? BENCHMARKS[name] : undefined;
  if (!load) {
    const err = new AlprError('ALPR_ERR_USAGE', `usage: npm run bench -- NAME, where NAME is one of: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.stderr.write(`${err.message}\n`);
    return 64;
  }
  return (await load()).main(rest);
}
