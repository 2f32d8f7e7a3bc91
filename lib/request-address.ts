import { createHmac } from 'node:crypto';

/** The client's address from request headers; forwarded headers count only behind a trusted proxy. */
export function clientAddress(headers: Headers, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
    const real = headers.get('x-real-ip')?.trim();
    if (real) return real;
  }
  // next start sets x-forwarded-for itself from the socket when no proxy is configured.
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || null;
}

/** Addresses are stored only as keyed hashes: enough for flood control and spam rules. */
export function hashAddress(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`ip:${address}`).digest('base64url').slice(0, 22);
}
