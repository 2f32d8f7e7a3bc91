import { timingSafeEqual } from 'node:crypto';
import { derivedKey } from '../secret';

// The internal API (/api/revalidate, /api/publish-due, /api/mail-queue, /api/housekeeping) is called by
// the server's own timers and the command-line tools with `Authorization: Bearer <key>`. The key is
// derived from the app secret, never the secret itself: a leaked log line or proxy header gives no way
// to forge a session.

const INTERNAL_API_LABEL = 'internal-api';

/** The header value every caller of the internal API sends. */
export function internalAuthorization(): string {
  return `Bearer ${derivedKey(INTERNAL_API_LABEL)}`;
}

/** Whether a request to an internal route handler carries the internal API key. */
export function hasAppSecretBearer(request: Request): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(internalAuthorization());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
