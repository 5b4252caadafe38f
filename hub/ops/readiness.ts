import type { Clock } from '../../core/index.js';

/** One dependency a hub process needs to take work: the store, the broker. */
export interface ReadinessProbe {
  name: string;
  check(): Promise<boolean> | boolean;
}

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  checks: Record<string, boolean>;
}

/** A probe that does not answer within this long counts as down (a hung pool must not hang /readyz). */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether this hub process should be sent work (a load balancer's /readyz): every probe answers
 * true and the process is not draining. Draining is one-way: a process told to stop never
 * becomes ready again.
 */
export class Readiness {
  private isDraining = false;

  constructor(private readonly ctx: { probes: ReadinessProbe[]; clock: Clock }) {}

  get draining(): boolean {
    return this.isDraining;
  }

  drain(): void {
    this.isDraining = true;
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(this.ctx.probes.map(async (probe) => [probe.name, await this.probe(probe)] as const));
    return { ready: !this.isDraining && results.every(([, ok]) => ok), draining: this.isDraining, checks: Object.fromEntries(results) };
  }

  private async probe(probe: ReadinessProbe): Promise<boolean> {
    let timer: { cancel(): void } | null = null;
    const late = new Promise<boolean>((resolve) => {
      timer = this.ctx.clock.setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([Promise.resolve().then(() => probe.check()).catch(() => false), late]);
    } finally {
      (timer as { cancel(): void } | null)?.cancel();
    }
  }
}
