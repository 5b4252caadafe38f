/**
 * Characters an OCR reader confuses on plates, both ways (issue 10: 0/O, 1/I, 8/B, 5/S, 2/Z).
 * A near match is exactly one such substitution; more would flood officers with false hits.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [['0', 'O'], ['1', 'I'], ['8', 'B'], ['5', 'S'], ['2', 'Z']];

const ALTERNATIVE = new Map<string, string>();
for (const [a, b] of PAIRS) {
  ALTERNATIVE.set(a, b);
  ALTERNATIVE.set(b, a);
}

/** Every plate one look-alike substitution away from `plate` (at most one per position). */
export function lookalikeVariants(plate: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < plate.length; i++) {
    const alt = ALTERNATIVE.get(plate[i]!);
    if (alt !== undefined) variants.push(plate.slice(0, i) + alt + plate.slice(i + 1));
  }
  return variants;
}
