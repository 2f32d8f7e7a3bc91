import { timingSafeEqual } from 'node:crypto';
import { appSecret } from '../secret';

/** For internal route handlers (CLI revalidation, the scheduler): `Authorization: Bearer <app secret>`. */
export function hasAppSecretBearer(request: Request): boolean {
  const given = Buffer.from(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(appSecret());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
