import { isIPv4, isIPv6 } from 'node:net';

/**
 * The 16 bytes of an IPv6 address (no zone, no brackets; a dotted IPv4 tail as in ::ffff:a.b.c.d
 * is read too), or null when it is not one. Shared by the partner-address guard and the sign-in
 * throttle, which both have to see through the many ways one IPv6 address can be written.
 */
export function ipv6Bytes(address: string): Buffer | null {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  const groups = (part = '') => (part === '' ? [] : part.split(':'));
  const [left, right] = [groups(halves[0]), groups(halves[1])];
  if (halves.length > 2 || (halves.length === 2 && left.length + right.length > 7)) return null;
  const all = halves.length === 2 ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  if (all.length !== 8 || !all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = Buffer.alloc(16);
  all.forEach((g, i) => bytes.writeUInt16BE(parseInt(g, 16), 2 * i));
  return bytes;
}

/**
 * The address a client is counted under (sign-in locks, bursts of refused requests). IPv6 is
 * counted per /64, the block one subscriber holds: counting single addresses would hand an
 * attacker 2^64 fresh counters. IPv4 written as IPv6 (`::ffff:a.b.c.d`) counts as the IPv4
 * address. Requests that come without an address (the hub host's own commands) share one.
 */
export function addressBlock(ip: unknown): string {
  if (typeof ip !== 'string' || ip === '') return 'local';
  if (isIPv4(ip)) return ip;
  const bytes = isIPv6(ip) ? ipv6Bytes(ip.replace(/%.*$/, '')) : null;
  if (!bytes) return ip.slice(0, 64);
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return [...bytes.subarray(12, 16)].join('.');
  return `${[0, 2, 4, 6].map((i) => bytes.readUInt16BE(i).toString(16)).join(':')}::/64`;
}
