/**
 * SSRF guard: sources are URLs typed by operators or found by autodiscovery, so a URL must not
 * become a way to reach the host's own services, the LAN, or a cloud metadata endpoint.
 *
 * With the guard on (`allowPrivate: false`) a URL passes only if it is http(s), its host is not
 * `localhost`/`*.localhost`, and its address (the IP literal, or every address `resolveHost`
 * returns) is public unicast: IPv4 outside every special range ipaddr.js knows (loopback,
 * RFC 1918, link-local, CGNAT, 0/8, multicast, broadcast, reserved, documentation…), IPv6
 * inside global unicast 2000::/3 and outside its special ranges. An IPv4 address embedded in
 * IPv6 (IPv4-mapped, IPv4-translated, NAT64 64:ff9b::/96, 6to4) is judged as that IPv4 address.
 *
 * Without `resolveHost` (Workers, which cannot reach private networks anyway) only the host
 * name and IP literals are checked. This check and the connection resolve the name separately,
 * so a DNS answer that changes in between (rebinding) is not caught here: on Node the fetch
 * itself checks the addresses it connects to (runtime/pinned-fetch.ts, `assertPublicAddresses`).
 */
import ipaddr from 'ipaddr.js';
import { FetchError } from '../domain/errors';

export interface SsrfGuardOptions {
  allowPrivate: boolean;
  resolveHost?: (hostname: string) => Promise<string[]>;
}

/** Throws `invalid_url` for a non-http(s) URL and `blocked_address` for a non-public target. */
export async function assertPublicUrl(url: URL, options: SsrfGuardOptions): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('invalid_url', `${url.href} is not an http(s) URL`);
  }
  if (options.allowPrivate) return;

  const hostname = normaliseHostname(url.hostname);
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    throw blockedError(url.href, `${hostname} is a loopback host name`);
  }
  if (isIpLiteral(hostname)) {
    if (isPrivateAddress(hostname)) throw blockedError(url.href, describeAddress(hostname));
    return;
  }
  if (!options.resolveHost) return;

  let addresses: string[];
  try {
    addresses = await options.resolveHost(hostname);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError('network_error', `cannot resolve ${hostname}`, { cause: error });
  }
  assertPublicAddresses(hostname, addresses, url.href);
}

/**
 * Throws `blocked_address` when any of the addresses `hostname` resolved to is not public
 * (one private answer among public ones is enough: the connection may pick it), and
 * `network_error` when there are none. `target` names what was refused (default: the host).
 */
export function assertPublicAddresses(hostname: string, addresses: readonly string[], target: string = hostname): void {
  if (addresses.length === 0) {
    throw new FetchError('network_error', `cannot resolve ${hostname}: no addresses`);
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked !== undefined) {
    throw blockedError(target, `${hostname} resolves to ${describeAddress(blocked)}`);
  }
}

/**
 * True when `ip` is not a public unicast address. Fails closed: a string that is not an IP
 * address at all counts as private.
 */
export function isPrivateAddress(ip: string): boolean {
  const literal = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(literal)) return true;
  const address = ipaddr.parse(literal);
  if (address.kind() === 'ipv4') return address.range() !== 'unicast';
  return isPrivateIpv6(address as ipaddr.IPv6);
}

function isPrivateIpv6(address: ipaddr.IPv6): boolean {
  const range = address.range();
  const parts = address.parts;
  const embedded = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return embedded(parts[6] ?? 0, parts[7] ?? 0).range() !== 'unicast';
    case 'rfc6052':
      // Only the well-known NAT64 prefix embeds a routable IPv4 address; 64:ff9b:1::/48 is local use.
      if (parts[2] !== 0) return true;
      return embedded(parts[6] ?? 0, parts[7] ?? 0).range() !== 'unicast';
    case '6to4':
      return embedded(parts[1] ?? 0, parts[2] ?? 0).range() !== 'unicast';
    case 'unicast':
      // IANA has allocated only 2000::/3 for global unicast; the rest (IPv4-compatible ::a.b.c.d…) is not routable.
      return ((parts[0] ?? 0) & 0xe000) !== 0x2000;
    default:
      return true;
  }
}

function normaliseHostname(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

function isIpLiteral(hostname: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(hostname) || ipaddr.IPv6.isValid(hostname);
}

const RANGE_LABELS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (cloud metadata lives here)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private network address',
  uniqueLocal: 'a unique-local address',
  reserved: 'a reserved address',
};

function describeAddress(ip: string): string {
  const literal = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(literal)) return `${ip}, which is not an IP address`;
  const address = ipaddr.process(literal);
  const label = RANGE_LABELS[address.range()] ?? `a non-public address (${address.range()})`;
  return `${ip}, ${label}`;
}

function blockedError(target: string, reason: string): FetchError {
  return new FetchError(
    'blocked_address',
    `refused ${target}: ${reason}; private sources are off (ALLOW_PRIVATE_SOURCES=true allows them)`,
  );
}
