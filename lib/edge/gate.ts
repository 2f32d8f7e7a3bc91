// What scripts/server.mjs refuses before Next sees a request: addresses Next cannot read and bodies
// larger than the address may take. Pure, and loaded by Node itself for the server (type stripping):
// only erasable TypeScript here.

/** A reader's form (reply, report, sign-in) and anything else anonymous: a few pages of text. */
export const SMALL_BODY_LIMIT = 64 * 1024;
/** The token-protected routes the command-line tools call (/api/revalidate takes up to 1,000 tags). */
export const API_BODY_LIMIT = 1024 * 1024;
/** A staff form with an image (lib/media/process-image.ts takes 10 MB) and the fields around it. */
export const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024;

// Paths only: a long query (a pasted search) is the page's to judge; Node caps the whole request line
// with its header limit (16 KB, answered 431).
const MAX_PATH_LENGTH = 4096;
// A path segment becomes a file name in Next's page cache: longer ones cannot be stored.
const MAX_SEGMENT_LENGTH = 255;

export type Refusal = { status: 400 | 411 | 413 | 414; message: string };

/**
 * Whether the request target (`req.url`) is an address Next can read. Next answers a path whose
 * percent-escapes are not UTF-8 with a 500 (it looks for a pages-router /400 page this app does not
 * have), and a NUL or a very long segment fails when the page cache writes its file. The query is
 * left alone: pages read it through URLSearchParams, which never throws.
 */
export function targetProblem(target: string): Refusal | null {
  // Absolute-form targets (through a forward proxy) are Next's to judge; origin-form ones are ours.
  if (!target.startsWith('/')) return null;
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (path.length > MAX_PATH_LENGTH) return { status: 414, message: 'This address is too long.' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400, message: 'This address is not valid: it has a broken percent-escape.' };
  }
  // Control characters and backslashes never belong in our paths; a backslash is a slash to a browser,
  // so "/\evil.example" would otherwise be one redirect away from another site.
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return { status: 400, message: 'This address is not valid.' };
  if (path.split('/').some((segment) => segment.length > MAX_SEGMENT_LENGTH)) return { status: 414, message: 'This address is too long.' };
  return null;
}

/** How large a body a request to `path` may send, and whether more than the small limit needs a staff session. */
export function bodyAllowance(path: string): { limit: number; staffOnly: boolean } {
  if (path === '/admin' || path.startsWith('/admin/')) return { limit: UPLOAD_BODY_LIMIT, staffOnly: true };
  if (path.startsWith('/api/') && !path.startsWith('/api/auth/')) return { limit: API_BODY_LIMIT, staffOnly: false };
  return { limit: SMALL_BODY_LIMIT, staffOnly: false };
}

/**
 * Refuses a body larger than the address takes, judged by Content-Length before a byte of it is read.
 * A body of unknown length (chunked) is refused where the small limit applies, since its size could
 * only be learnt by reading it; browsers, nginx and the CLI tools always send a length. `isStaff` is
 * asked only when the answer depends on it.
 */
export async function bodyProblem(
  request: { path: string; contentLength: string | undefined; transferEncoding: string | undefined },
  isStaff: () => Promise<boolean>,
): Promise<Refusal | null> {
  const { path, contentLength, transferEncoding } = request;
  const chunked = transferEncoding !== undefined && transferEncoding.toLowerCase() !== 'identity';
  if (!chunked && (contentLength === undefined || contentLength === '0')) return null;
  const { limit, staffOnly } = bodyAllowance(path);
  const tooLarge: Refusal = { status: 413, message: 'What you sent is too large for this address.' };
  if (chunked) return limit === SMALL_BODY_LIMIT ? { status: 411, message: 'Please send this form with a Content-Length.' } : null;
  if (!/^\d{1,15}$/.test(contentLength!)) return { status: 400, message: 'This request has an invalid Content-Length.' };
  const length = Number(contentLength);
  if (length <= SMALL_BODY_LIMIT) return null;
  if (length > limit) return tooLarge;
  if (staffOnly && !(await isStaff())) return tooLarge;
  return null;
}
