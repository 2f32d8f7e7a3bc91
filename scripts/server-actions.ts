import { readFileSync } from 'node:fs';

// Server actions posted from outside, as a browser without JavaScript posts a form: shared by the
// benches (scripts/bench.ts, scripts/bench-stack.ts). Ids come from the build's manifest, so a renamed
// or moved action fails loudly.

/** The id of `name` exported by `file` (a path from the repository root) in the current build. */
export function actionId(file: string, name: string, distDir = process.env.NEXT_DIST_DIR ?? '.next'): string {
  const manifest = JSON.parse(readFileSync(`${distDir}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!entry) throw new Error(`No server action ${name} in ${file}`);
  return entry[0];
}

/** The fields that name an action used through useActionState (its first argument, the previous state, idle). */
export const stateFields = (id: string): Record<string, string> => ({
  $ACTION_REF_1: '',
  '$ACTION_1:0': JSON.stringify({ id, bound: '$@1' }),
  '$ACTION_1:1': JSON.stringify([{ status: 'idle' }]),
});

const BOUNDARY = '----broadsheetbench';

export function multipart(fields: Record<string, string>): string {
  return (
    Object.entries(fields)
      .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') + `--${BOUNDARY}--\r\n`
  );
}

/** Headers of a form post to `baseUrl`: server actions refuse a post whose Origin is not the host's. */
export const multipartHeaders = (baseUrl: string): Record<string, string> => ({
  'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
  origin: new URL(baseUrl).origin,
});

/** Name=value pairs of a response's Set-Cookie headers, joined as a Cookie header. */
export const cookiesOf = (r: Response): string =>
  r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Signs in through the sign-in form's action at `baseUrl`; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, loginActionId: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const r = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    headers: { ...multipartHeaders(baseUrl), ...headers },
    body: multipart({ ...stateFields(loginActionId), email, password, callbackUrl: '/admin' }),
    redirect: 'manual',
  });
  const cookie = cookiesOf(r);
  if (!cookie.split('; ').some((c) => c.startsWith('authjs.session-token='))) throw new Error(`sign-in as ${email} failed (${r.status})`);
  return cookie;
}
