/**
 * Plates as traffic has them: drawn from a pool of `pool` (two letters, five digits), some seen
 * often and most rarely, so that the store's distinct-plate index does the work it does in service.
 */
export function trafficPlate(pool: number): string {
  const n = Math.floor(Math.random() * Math.random() * pool);
  return `${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n / 26) | 0) % 26)}${String(n % 100000).padStart(5, '0')}`;
}
