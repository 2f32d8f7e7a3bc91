import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, newNonce, PER_REQUEST_PAGES, strictPolicy } from './security-headers';

describe('security headers', () => {
  it('every response: no framing, no plugins, no foreign base or form target, nosniff, a strict referrer policy', () => {
    const headers = Object.fromEntries(baseSecurityHeaders('http://localhost:3000'));
    expect(headers['Content-Security-Policy']).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Strict-Transport-Security']).toBeUndefined();
  });

  it('HSTS only when the site is https', () => {
    expect(Object.fromEntries(baseSecurityHeaders('https://news.example'))['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
  });

  it('the per-request policy allows scripts by nonce only, and keeps the base directives', () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const policy = strictPolicy(nonce);
    expect(policy).toContain(`script-src 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toContain('unsafe');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(strictPolicy(nonce, { dev: true })).toContain("'unsafe-eval'");
  });

  it('knows the pages rendered per request', () => {
    for (const path of ['/admin', '/admin/users', '/login', '/search']) expect(PER_REQUEST_PAGES.test(path), path).toBe(true);
    for (const path of ['/', '/articles/x', '/administrator', '/searching']) expect(PER_REQUEST_PAGES.test(path), path).toBe(false);
  });
});
