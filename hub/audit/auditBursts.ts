import type { Clock, TimerHandle } from '../../core/index.js';
import type { AuditEntry, AuditLog } from './auditLog.js';

export interface BurstOptions {
  /** How long after a burst's first event its further events are counted into one record. */
  windowMs: number;
  /** Anonymous sources' bursts open at once; beyond this, new ones share one overflow burst per action. */
  maxOpen: number;
}

export const DEFAULT_BURSTS: BurstOptions = { windowMs: 60_000, maxOpen: 1000 };

interface Burst {
  entry: AuditEntry;
  firstAt: number;
  lastAt: number;
  /** Events after the first, not yet written. */
  more: number;
  timer: TimerHandle;
}

/**
 * Refusals are audited without letting a flood fill the chain: the first event from a source
 * (for example one IP sending bad tokens to one route) is written at once, and the rest within
 * the window are counted into one record when it closes. Nothing is dropped; a flood costs at
 * most two records per source per window, and at most `maxOpen` anonymous sources plus one
 * overflow burst per action are open at once. A signed-in member's refusals never share the
 * overflow: anyone can make up addresses, but not accounts, and the overflow record names no one,
 * so a flood of made-up addresses would otherwise hide whose refused attempts fell in its window
 * (VII.H: a suspended member's further attempts must be visible). Counts not yet written are lost
 * if the process dies.
 */
export class AuditBursts {
  private readonly open = new Map<string, Burst>();
  /** How many of `open` are anonymous sources' own bursts (the ones `maxOpen` bounds). */
  private anonymousOpen = 0;

  constructor(private readonly ctx: { audit: AuditLog; clock: Clock; options: BurstOptions; onError: (err: unknown) => void }) {}

  /** Records one event of the burst `key` (which must identify its source and kind). */
  async note(key: string, entry: AuditEntry): Promise<void> {
    const now = this.ctx.clock.now();
    let burstKey = key;
    let burstEntry = entry;
    if (entry.actor === 'anonymous' && !this.open.has(key) && this.anonymousOpen >= this.ctx.options.maxOpen) {
      burstKey = `overflow|${entry.action}`;
      burstEntry = { actor: 'anonymous', action: entry.action, outcome: entry.outcome, detail: { overflow: true, note: 'more sources at once than bursts are kept for; counted together' } };
    }
    const burst = this.open.get(burstKey);
    if (burst) {
      burst.more++;
      burst.lastAt = now;
      return;
    }
    const timer = this.ctx.clock.setTimeout(() => void this.close(burstKey).catch(this.ctx.onError), this.ctx.options.windowMs);
    this.open.set(burstKey, { entry: burstEntry, firstAt: now, lastAt: now, more: 0, timer });
    if (burstEntry === entry && entry.actor === 'anonymous') this.anonymousOpen++;
    await this.ctx.audit.append({ ...burstEntry, detail: { ...burstEntry.detail, count: 1 } });
  }

  /** Writes every open burst's count now (at stop). */
  async flush(): Promise<void> {
    for (const key of [...this.open.keys()]) await this.close(key);
  }

  private async close(key: string): Promise<void> {
    const burst = this.open.get(key);
    if (!burst) return;
    this.open.delete(key);
    if (burst.entry.actor === 'anonymous' && burst.entry.detail?.overflow !== true) this.anonymousOpen--;
    burst.timer.cancel();
    if (burst.more === 0) return;
    await this.ctx.audit.append({
      ...burst.entry,
      detail: { ...burst.entry.detail, count: burst.more, burstOf: 'the same refusal again', firstAt: burst.firstAt, lastAt: burst.lastAt },
    });
  }
}
