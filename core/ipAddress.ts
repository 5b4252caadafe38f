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
