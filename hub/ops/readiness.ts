import type { Clock } from '../../core/index.js';

/** A probe's answer with why it fails, for those whose failure an operator must act on (a broken audit chain). */
export interface ProbeResult {
  ok: boolean;
  reason?: string;
}

/** One condition a hub process needs to take work: the store, the broker, an audit chain that verifies. */
export interface ReadinessProbe {
  name: string;
  check(): Promise<boolean | ProbeResult> | boolean | ProbeResult;
}

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  checks: Record<string, boolean>;
  /** Why a failing check fails, where its probe says (absent when none does). */
  reasons?: Record<string, string>;
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
    const reasons = Object.fromEntries(results.filter(([, r]) => !r.ok && r.reason).map(([name, r]) => [name, r.reason!]));
    return {
      ready: !this.isDraining && results.every(([, r]) => r.ok), draining: this.isDraining, checks: Object.fromEntries(results.map(([name, r]) => [name, r.ok])),
      ...(Object.keys(reasons).length > 0 ? { reasons } : {}),
    };
  }

  private async probe(probe: ReadinessProbe): Promise<ProbeResult> {
    let timer: { cancel(): void } | null = null;
    const late = new Promise<ProbeResult>((resolve) => {
      timer = this.ctx.clock.setTimeout(() => resolve({ ok: false }), PROBE_TIMEOUT_MS);
    });
    const asked = Promise.resolve().then(() => probe.check()).then((r) => (typeof r === 'boolean' ? { ok: r } : r), () => ({ ok: false }));
    try {
      return await Promise.race([asked, late]);
    } finally {
      (timer as { cancel(): void } | null)?.cancel();
    }
  }
}
