import type { Clock } from '../../core/index.js';

/** Wall-clock readings before this are an unset real-time clock, not a time. */
export const EARLIEST_SANE_WALL_MS = Date.UTC(2024, 0, 1);
/** No elapsed-time clock runs a century: a larger reading was written by hand (and would swallow milliseconds). */
export const MAX_ELAPSED_MS = 100 * 365 * 86_400_000;

export const isSaneWall = (ms: number) => Number.isFinite(ms) && ms >= EARLIEST_SANE_WALL_MS;
export const isElapsed = (ms: number) => Number.isFinite(ms) && ms >= 0 && ms <= MAX_ELAPSED_MS;

/** What an elapsed-time clock saves, so that it goes on from there after a restart. */
export interface SavedClock {
  elapsed: number;
  /** The last real wall-clock time seen (0: none yet). */
  lastWall: number;
}

/** A saved clock as read back (parsed JSON), or null when it holds no reading of one. */
export function parseSavedClock(value: unknown): SavedClock | null {
  if (typeof value !== 'object' || value === null) return null;
  const { elapsed, lastWall } = value as { elapsed?: unknown; lastWall?: unknown };
  return typeof elapsed === 'number' && isElapsed(elapsed) && typeof lastWall === 'number' && Number.isFinite(lastWall) ? { elapsed, lastWall } : null;
}

/**
 * Time the box was off, as far as it may count: the wall-clock gap only when both readings are
 * real times and moved forward. An unset RTC or a clock set back adds nothing (what it ages can
 * only be kept too short, never too long); one set forward while the box was off only ages early.
 */
export function downtimeMs(lastWall: number, wall: number): number {
  return isSaneWall(wall) && isSaneWall(lastWall) && wall > lastWall ? wall - lastWall : 0;
}

/**
 * An elapsed-time clock for ageing what is stored (the read buffer's reads, the hot-list spool's
 * hits): monotonic while the process runs, plus the downtime across a restart (downtimeMs). The
 * owner keeps its saved reading where its other state lives, and never lets the clock read less
 * than the newest stamp it holds: a saved reading lost or set back would otherwise make everything
 * look younger than it is.
 */
export class ElapsedClock {
  private elapsedAtOpen = 0;
  private monoAtOpen = 0;
  private lastWall = 0;

  constructor(private readonly clock: Clock) {}

  /** Starts from the saved reading (null: none), plus the downtime, and no lower than `floor`. */
  open(saved: SavedClock | null, floor = 0): void {
    const wall = this.clock.now();
    this.lastWall = saved?.lastWall ?? 0;
    this.elapsedAtOpen = Math.max((saved?.elapsed ?? 0) + (saved ? downtimeMs(saved.lastWall, wall) : 0), floor);
    this.monoAtOpen = this.clock.monotonic();
  }

  /** A floor found after opening (the newest stamp, read later): the reading at open is at least that. */
  raiseAtOpen(floor: number): void {
    this.elapsedAtOpen = Math.max(this.elapsedAtOpen, floor);
  }

  /** Moves the clock forward by `ms` (never back). */
  advance(ms: number): void {
    this.elapsedAtOpen += Math.max(0, ms);
  }

  now(): number {
    return this.elapsedAtOpen + (this.clock.monotonic() - this.monoAtOpen);
  }

  /** The reading to save now; the wall time is kept only when it is a real time. */
  toSave(): SavedClock {
    const wall = this.clock.now();
    if (isSaneWall(wall)) this.lastWall = wall;
    return { elapsed: this.now(), lastWall: this.lastWall };
  }
}
