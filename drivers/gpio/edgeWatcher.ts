import type { Clock } from '../../core/index.js';
import type { GpioPin, Level } from './types.js';

export type Edge = 'rising' | 'falling' | 'both';

export interface EdgeWatchOptions {
  edge: Edge;
  /** A level must hold this long before it counts (contact bounce, loop-detector chatter). */
  debounceMs: number;
  clock: Clock;
}

/**
 * Debounced edge detection on top of any backend's raw level changes, so that every backend
 * debounces the same way. Returns a function that stops watching.
 */
export function watchEdges(pin: GpioPin, options: EdgeWatchOptions, listener: (level: Level) => void): () => void {
  let stable: Level | null = null;
  let raw: Level | null = null;
  let pending: { cancel(): void } | null = null;
  let stopped = false;

  const settle = () => {
    pending = null;
    if (raw === null || raw === stable) return;
    const previous = stable;
    stable = raw;
    if (previous === null) return;
    const rising = previous === 0 && stable === 1;
    if (options.edge === 'both' || (options.edge === 'rising') === rising) listener(stable);
  };

  const unsubscribe = pin.onChange((level) => {
    if (stopped) return;
    raw = level;
    pending?.cancel();
    if (options.debounceMs <= 0) settle();
    else pending = options.clock.setTimeout(settle, options.debounceMs);
  });

  // The starting level is the reference for the first edge; a change seen before the read
  // resolves wins because it is newer.
  pin.read().then(
    (level) => {
      if (stable === null && raw === null) stable = raw = level;
      else if (stable === null) stable = level;
    },
    () => undefined,
  );

  return () => {
    stopped = true;
    pending?.cancel();
    unsubscribe();
  };
}
