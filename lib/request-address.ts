import { createHmac } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

// Who is asking. scripts/server.mjs, where each request arrives, works the client's address out once
// (resolveClientAddress) and replaces X-Forwarded-For with it; everything after it (auth.ts, the
// actions) reads that one value (clientAddress). Node loads this file itself for the server (type
// stripping): only erasable TypeScript and node: imports here.

/** Loopback: a proxy on the same machine (nginx in the stack). */
export const DEFAULT_TRUSTED_PROXIES = '127.0.0.0/8, ::1';

// Named ranges, as Express's `trust proxy` has them.
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const MAX_ADDRESS_LENGTH = 64;

/**
 * A bare address from what a socket or a proxy wrote, or null when it is not one: spaces, brackets,
 * a port and an IPv6 zone are dropped, an IPv4-mapped IPv6 address becomes IPv4, and IPv6 takes its
 * one canonical spelling, so that one client never counts as several.
 */
export function normalizeAddress(raw: string): string | null {
  let s = raw.trim();
  if (!s || s.length > MAX_ADDRESS_LENGTH) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  s = s.replace(/%[\w.-]*$/, '');
  const family = isIP(s);
  if (family === 4) return s;
  if (family !== 6) return null;
  const canonical = new URL(`http://[${s}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [hi, lo] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** The proxies whose X-Forwarded-For entries are believed. */
export type TrustedProxies = { has: (address: string) => boolean; list: readonly string[] };

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges (IPv4 or IPv6) separated by commas or spaces, plus the
 * names `loopback` and `private`. Throws on an entry that is none of these.
 */
export function parseTrustedProxies(value: string): TrustedProxies {
  const blocks = new BlockList();
  const list: string[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    for (const item of NAMED_RANGES[entry.toLowerCase()] ?? [entry]) {
      const [addressPart, prefixPart, extra] = item.split('/');
      const address = normalizeAddress(addressPart);
      const family = address ? isIP(address) : 0;
      const max = family === 4 ? 32 : 128;
      const prefix = prefixPart === undefined ? max : /^\d{1,3}$/.test(prefixPart) ? Number(prefixPart) : NaN;
      // An IPv4-mapped range (::ffff:10.0.0.0/104) became IPv4 above: its prefix counts the IPv4 bits.
      const fixed = family === 4 && addressPart.includes(':') && prefixPart !== undefined ? prefix - 96 : prefix;
      if (!address || extra !== undefined || !(fixed >= 0 && fixed <= max)) {
        throw new Error(`"${item}" is not an address, a CIDR range, loopback or private`);
      }
      blocks.addSubnet(address, fixed, family === 4 ? 'ipv4' : 'ipv6');
      list.push(`${address}/${fixed}`);
    }
  }
  return { has: (address) => blocks.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6'), list };
}

/**
 * The client's address for a request that arrived from `socketAddress` with this X-Forwarded-For.
 * Without `trusted` (TRUST_PROXY off) it is the socket's, and forwarded headers count for nothing.
 * With it, the chain is walked from the socket leftwards while the hop in hand is a trusted proxy:
 * the answer is the right-most address that is not one (all trusted: the left-most), as Express's
 * `trust proxy` and nginx's `real_ip_recursive on` do. Taking the first entry would believe whatever
 * the client wrote before any proxy appended to it. An entry that is not an address stops the walk at
 * the last hop that could be believed.
 */
export function resolveClientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies | null,
): string | null {
  let address = socketAddress ? normalizeAddress(socketAddress) : null;
  if (!address || !trusted || !forwardedFor) return address;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0 && trusted.has(address); i--) {
    if (!hops[i].trim()) continue;
    const hop = normalizeAddress(hops[i]);
    if (!hop) break;
    address = hop;
  }
  return address;
}

/**
 * The client's address as the server resolved it (scripts/server.mjs leaves exactly one address in
 * X-Forwarded-For). Outside that server (`next dev`), the last entry: the one Next wrote from the
 * socket when the client sent none.
 */
export function clientAddress(headers: Headers): string | null;
/** @deprecated The second argument is ignored: the server applied TRUST_PROXY already. */
export function clientAddress(headers: Headers, trustProxy: boolean): string | null;
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  return forwarded ? normalizeAddress(forwarded.split(',').at(-1)!) : null;
}

/** Addresses are stored only as keyed hashes: enough for flood control and spam rules. */
export function hashAddress(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`ip:${address}`).digest('base64url').slice(0, 22);
}
