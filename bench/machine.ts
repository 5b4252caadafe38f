import { cpus, totalmem } from 'node:os';

/** The machine a figure was measured on, recorded next to it. */
export function machine(): Record<string, string | number> {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 3) => Number(n.toFixed(digits));
