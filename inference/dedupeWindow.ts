import type { Clock } from '../core/index.js';
import { editDistance } from './burstVoting.js';

/**
 * Suppresses a plate read again within `windowMs` at the same site (a car waiting at a light
 * triggers the loop twice). A read within one edit of a recent one counts as the same plate, so
 * an OCR slip on the second pass does not make a second read.
 */
export class DedupeWindow {
  private recent: Array<{ text: string; at: number }> = [];

  constructor(private readonly ctx: { windowMs: number; clock: Clock }) {}

  /** True when the plate was seen recently (and refreshes it); false records it as new. */
  seenRecently(text: string): boolean {
    const now = this.ctx.clock.monotonic();
    this.recent = this.recent.filter((r) => now - r.at < this.ctx.windowMs);
    const hit = this.recent.find((r) => r.text === text || (text.length >= 5 && editDistance(r.text, text) <= 1));
    if (hit) {
      hit.at = now;
      return true;
    }
    this.recent.push({ text, at: now });
    return false;
  }
}
