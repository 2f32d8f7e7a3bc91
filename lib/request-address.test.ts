import { describe, expect, it } from 'vitest';
import { clientAddress, DEFAULT_TRUSTED_PROXIES, normalizeAddress, parseTrustedProxies, resolveClientAddress } from './request-address';

const loopback = parseTrustedProxies(DEFAULT_TRUSTED_PROXIES);

describe('normalizeAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['  203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:CB00:7107', '203.0.113.7'],
    ['[::ffff:203.0.113.7]:443', '203.0.113.7'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:8080', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::1', '::1'],
  ])('%j is %j', (raw, expected) => expect(normalizeAddress(raw)).toBe(expected));

  it.each([
    '',
    ' ',
    'unknown',
    '203.0.113',
    '203.0.113.256',
    '01.2.3.4',
    '203.0.113.7:port',
    '2001:db8::g',
    '[2001:db8::1',
    'a'.repeat(100),
    '<script>',
    '1.2.3.4, 5.6.7.8',
  ])('%j is not an address', (raw) => expect(normalizeAddress(raw)).toBeNull());
});

describe('parseTrustedProxies', () => {
  it('takes addresses and CIDR ranges of both families, by comma or space', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 192.0.2.5 2001:db8::/32,::ffff:198.51.100.0/120');
    expect(trusted.list).toEqual(['10.0.0.0/8', '192.0.2.5/32', '2001:db8::/32', '198.51.100.0/24']);
    for (const yes of ['10.1.2.3', '192.0.2.5', '2001:db8:1::9', '198.51.100.200']) expect(trusted.has(yes), yes).toBe(true);
    for (const no of ['11.0.0.1', '192.0.2.6', '2001:db9::1', '198.51.101.1', '127.0.0.1']) expect(trusted.has(no), no).toBe(false);
  });

  it('knows loopback and private by name; the default is loopback', () => {
    expect(loopback.has('127.8.9.10')).toBe(true);
    expect(loopback.has('::1')).toBe(true);
    expect(loopback.has('10.0.0.1')).toBe(false);
    const named = parseTrustedProxies('loopback private');
    for (const yes of ['127.0.0.1', '::1', '10.9.9.9', '172.31.0.1', '192.168.1.1', 'fd12::1']) expect(named.has(yes), yes).toBe(true);
    expect(named.has('172.32.0.1')).toBe(false);
  });

  it('an empty list trusts nobody', () => expect(parseTrustedProxies('  ').has('127.0.0.1')).toBe(false));

  it.each(['10.0.0.0/33', '2001:db8::/129', 'nginx', '10.0.0.0/8/8', '10.0.0.0/', '10.0.0.0/-1', '*'])('refuses %j', (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/not an address/);
  });
});

describe('resolveClientAddress', () => {
  const resolve = (socket: string | undefined, xff: string | null, trusted = loopback as typeof loopback | null) => resolveClientAddress(socket, xff, trusted);

  it('without TRUST_PROXY: the socket, whatever the headers say', () => {
    expect(resolve('203.0.113.7', null, null)).toBe('203.0.113.7');
    expect(resolve('203.0.113.7', '198.51.100.1', null)).toBe('203.0.113.7');
    expect(resolve('127.0.0.1', '198.51.100.1, 198.51.100.2', null)).toBe('127.0.0.1');
    expect(resolve('::ffff:203.0.113.7', '10.0.0.1', null)).toBe('203.0.113.7');
  });

  it('no socket address: none', () => {
    expect(resolve(undefined, '198.51.100.1')).toBeNull();
    expect(resolve(undefined, '198.51.100.1', null)).toBeNull();
  });

  it('with TRUST_PROXY, a request not from a trusted proxy: the socket, its header ignored', () => {
    expect(resolve('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
  });

  it('from a trusted proxy with no header: the proxy', () => {
    expect(resolve('127.0.0.1', null)).toBe('127.0.0.1');
    expect(resolve('127.0.0.1', '')).toBe('127.0.0.1');
  });

  it('from a trusted proxy: the entry it appended', () => {
    expect(resolve('127.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('::ffff:127.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('::1', '2001:DB8::7')).toBe('2001:db8::7');
  });

  it('the right-most entry that is not a trusted proxy, never what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1, 2.2.2.2"; the proxy appended the real address.
    expect(resolve('127.0.0.1', '1.1.1.1, 2.2.2.2, 198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('127.0.0.1', '1.1.1.1,2.2.2.2,198.51.100.1')).toBe('198.51.100.1');
  });

  it('walks through a chain of trusted proxies (TRUSTED_PROXIES ranges)', () => {
    const trusted = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');
    expect(resolve('127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.1.1, 10.2.2.2', trusted)).toBe('198.51.100.1');
    expect(resolve('127.0.0.1', '6.6.6.6, 2001:db8::5, fd00::1', trusted)).toBe('2001:db8::5');
    expect(resolve('10.3.3.3', '198.51.100.1:4711', trusted)).toBe('198.51.100.1');
    expect(resolve('10.3.3.3', '[2001:db8::5]:443', trusted)).toBe('2001:db8::5');
  });

  it('an all-trusted chain: the left-most entry', () => {
    expect(resolve('127.0.0.1', '127.0.0.2, ::1, 127.0.0.3')).toBe('127.0.0.2');
  });

  it('empty entries are skipped; an entry that is not an address stops at the last believable hop', () => {
    expect(resolve('127.0.0.1', '198.51.100.1, , ')).toBe('198.51.100.1');
    expect(resolve('127.0.0.1', 'unknown')).toBe('127.0.0.1');
    expect(resolve('127.0.0.1', '198.51.100.1, garbage, 127.0.0.2')).toBe('127.0.0.2');
    expect(resolve('127.0.0.1', '<script>alert(1)</script>')).toBe('127.0.0.1');
  });

  it('a trusted-proxy setting never makes the client able to pick an arbitrary address from outside', () => {
    // From outside, any header at all: always the socket.
    for (const xff of ['127.0.0.1', '10.0.0.1', '1.1.1.1, 127.0.0.1', '::1']) expect(resolve('203.0.113.9', xff)).toBe('203.0.113.9');
  });
});

describe('clientAddress', () => {
  it('reads the one address the server left in X-Forwarded-For', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '2001:DB8::1' }))).toBe('2001:db8::1');
    expect(clientAddress(new Headers())).toBeNull();
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'garbage' }))).toBeNull();
  });

  it('outside the server (next dev), the last entry: the socket Next appended', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.1.1.1, 198.51.100.1' }))).toBe('198.51.100.1');
  });
});
