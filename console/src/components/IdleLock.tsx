import { useEffect, useState } from 'preact/hooks';
import { api, onActivity } from '../api.js';

const fmt = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/**
 * The idle lock's countdown. The hub decides (it locks a session idle for its timeout); this shows
 * how long is left since the last call, and at zero asks the hub, which either counts the session
 * as still active (an open alert stream is activity) or answers that it has ended.
 */
export function IdleLock({ minutes, onLocked }: { minutes: number; onLocked: () => void }) {
  const [deadline, setDeadline] = useState(() => Date.now() + minutes * 60_000);
  const [now, setNow] = useState(Date.now());
  useEffect(() => onActivity(() => setDeadline(Date.now() + minutes * 60_000)), [minutes]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.min(minutes * 60, Math.max(0, Math.ceil((deadline - now) / 1000)));
  useEffect(() => {
    if (left === 0) api('GET', '/api/v1/me').catch(onLocked);
  }, [left === 0]);
  return <span class={`idle${left < 120 ? ' warn' : ''}`} role="timer" aria-live={left < 120 ? 'polite' : 'off'} aria-label={`Session locks after ${fmt(left)} without activity`}>Locks in {fmt(left)}</span>;
}
