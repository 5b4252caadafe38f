import type { BarChart } from './reportDocument.js';

/** At most this many bars are drawn; the rest are summed into one "others" bar. */
export const MAX_BARS = 31;

export interface BarLayout {
  label: string;
  shown: string;
  /** 0..1 of the longest bar. */
  fraction: number;
}

/**
 * One horizontal bar chart's bars, scaled to the longest, for both the SVG and the PDF drawing
 * (the two formats show the same chart). Long label lists keep the largest and sum the rest.
 */
export function layoutBars(chart: BarChart): BarLayout[] {
  let bars = chart.bars;
  if (bars.length > MAX_BARS) {
    const sorted = [...bars].sort((a, b) => b.value - a.value);
    const rest = sorted.slice(MAX_BARS - 1).reduce((n, b) => n + b.value, 0);
    bars = [...sorted.slice(0, MAX_BARS - 1), { label: `${sorted.length - MAX_BARS + 1} others`, value: rest }];
  }
  const max = Math.max(1, ...bars.map((b) => b.value));
  return bars.map((b) => ({ label: b.label, shown: b.shown ?? b.value.toLocaleString('en-US'), fraction: Math.max(0, b.value) / max }));
}
