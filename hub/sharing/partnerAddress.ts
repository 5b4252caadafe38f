import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AlprError, ipv6Bytes } from '../../core/index.js';

/**
 * Addresses no partner hub has: link-local (a cloud's instance metadata service answers on
 * 169.254.169.254, or fd00:ec2::254 on AWS over IPv6, with the machine's credentials) and
 * unspecified (0.0.0.0 and :: reach this machine itself). Loopback and private networks stay
 * allowed: partner hubs are often reached over a VPN or a CJIS network.
 */
const NEVER_PARTNERS = (() => {
  const list = new BlockList();
  list.addSubnet('169.254.0.0', 16, 'ipv4');
  list.addSubnet('0.0.0.0', 8, 'ipv4');
  // Alibaba Cloud's metadata service (inside 100.64.0.0/10, which VPNs such as Tailscale use: only this address).
  list.addAddress('100.100.100.200', 'ipv4');
  list.addSubnet('fe80::', 10, 'ipv6');
  list.addAddress('::', 'ipv6');
  list.addAddress('fd00:ec2::254', 'ipv6');
  return list;
})();

/**
 * The IPv4 address an IPv6 address carries to the same host, or null: IPv4-mapped (::ffff:a.b.c.d,
 * which a dual-stack socket connects to as IPv4), IPv4-translated (::ffff:0:a.b.c.d, SIIT),
 * IPv4-compatible (::a.b.c.d, deprecated), the NAT64 well-known prefix (64:ff9b::a.b.c.d) and
 * its local-use prefix (64:ff9b:1::/48, RFC 8215: the IPv4 address in the last 32 bits of a /96
 * taken from it, or around the u octet of the /48 layout of RFC 6052, so both are read), which a
 * translator forwards to IPv4. A network-specific NAT64 prefix is the site's own and cannot be
 * listed here.
 */
function embeddedIpv4s(address: string): string[] {
  const bytes = ipv6Bytes(address.replace(/%.*$/, ''));
  if (!bytes) return [];
  const zero = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
  const mapped = zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff;
  // ::1 (loopback) and :: are not IPv4-compatible addresses, nor is anything else in ::/104.
  const compatible = zero(0, 12) && bytes[12] !== 0;
  const translated = zero(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zero(10, 12);
  const nat64 = bytes.readUInt32BE(0) === 0x0064ff9b && zero(4, 12);
  const nat64Local = bytes.readUInt32BE(0) === 0x0064ff9b && bytes.readUInt16BE(4) === 0x0001;
  const last32 = [...bytes.subarray(12, 16)].join('.');
  if (nat64Local) return [last32, [bytes[6], bytes[7], bytes[9], bytes[10]].join('.')];
  return mapped || translated || compatible || nat64 ? [last32] : [];
}

/** Whether an IP address (either family, with or without brackets or a zone) is one no partner hub has. */
export function neverPartner(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare.replace(/%.*$/, ''));
  if (family === 4) return NEVER_PARTNERS.check(bare, 'ipv4');
  if (family !== 6) return false;
  if (embeddedIpv4s(bare).some((v4) => NEVER_PARTNERS.check(v4, 'ipv4'))) return true;
  return NEVER_PARTNERS.check(bare.replace(/%.*$/, ''), 'ipv6');
}

function refused(host: string, address: string): AlprError {
  return new AlprError('ALPR_ERR_PARTNER_ADDRESS', `the partner hub's address ${host}${host === address ? '' : ` resolves to ${address}, which`} is a link-local, metadata-service or unspecified address, never a partner hub's: nothing was sent`, { details: { host, address } });
}

/** Refuses an IP literal no partner hub has (a host name is checked when it is resolved, at send time). */
export function checkPartnerLiteral(host: string): void {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 && neverPartner(bare)) throw refused(host, bare);
}

/** What a host name resolves to: every address, as `dns.lookup(name, { all: true })` gives them. */
export type PartnerResolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolver: PartnerResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The `lookup` a request to a partner hub connects through: the name is resolved once, here, at
 * send time, and refused if ANY address it resolves to is one no partner has (else a resolver
 * answering a good address and a bad one could get the bad one tried). The socket connects to the
 * addresses checked here and never asks DNS again, so a name re-pointed between a check and the
 * connection (DNS rebinding) cannot swap the address. TLS still checks the certificate against
 * the host name, since the request's `host` stays the name.
 */
export function guardedLookup(resolve: PartnerResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then((found) => {
      if (found.length === 0) throw new AlprError('ALPR_ERR_PARTNER_HUB', `the partner hub's name ${hostname} resolves to no address`);
      const bad = found.find((a) => neverPartner(a.address));
      if (bad) throw refused(hostname, bad.address);
      const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
      if (wanted.length === 0) throw new AlprError('ALPR_ERR_PARTNER_HUB', `the partner hub's name ${hostname} has no IPv${String(options.family)} address`);
      // net asks for every address (all: true) when it tries them in turn (autoSelectFamily), else for one.
      if (options.all) (callback as unknown as (err: null, all: typeof wanted) => void)(null, wanted);
      else callback(null, wanted[0]!.address, wanted[0]!.family);
    }).catch((err: unknown) => callback(err as NodeJS.ErrnoException, '', 4));
  };
}
