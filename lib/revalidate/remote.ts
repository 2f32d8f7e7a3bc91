import { internalAuthorization } from '../auth/secret-bearer';

export type RemoteRevalidation = { ok: true; revalidated: string[] } | { ok: false; notRunning: true } | { ok: false; notRunning: false; error: string };

/** The running server's address for command-line tools (not the public SITE_URL, which may be a CDN). */
export function serverUrl(): string {
  return process.env.SERVER_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
}

/**
 * Asks the running server to revalidate `tags`, and with `redirects` to reload its table of old
 * addresses (and tell the other instances to). A server that is not running has no cache to refresh;
 * any other failure is reported so the caller can fail loudly.
 */
export async function revalidateOnServer(tags: string[], options: { secondPass?: boolean; redirects?: boolean } = {}): Promise<RemoteRevalidation> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl()}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: internalAuthorization() },
      body: JSON.stringify({ tags, ...(options.secondPass ? { secondPass: true } : {}), ...(options.redirects ? { redirects: true } : {}) }),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED') return { ok: false, notRunning: true };
    return { ok: false, notRunning: false, error: err instanceof Error ? err.message : String(err) };
  }
  if (!response.ok) return { ok: false, notRunning: false, error: `${response.status} ${await response.text().catch(() => '')}`.trim() };
  return { ok: true, revalidated: tags };
}
