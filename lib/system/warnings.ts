// Settings that are fine on a laptop and unsafe in production, for /admin/system. Plain facts in,
// plain sentences out, so Vitest checks every rule without a server.

export type SystemFacts = {
  /** A demo account still signs in with the published demo password (the admin banner's check). */
  demoPasswordInUse: boolean;
  authSecretSet: boolean;
  siteUrl: string;
  databaseUrl: string;
  databaseSyncUrl?: string;
  redisUrl?: string;
  trustProxy: boolean;
  /** With TRUST_PROXY on: whether this request reached the server through a trusted proxy. */
  viaTrustedProxy: boolean;
  queryLogFile?: string;
  smtpUrl?: string;
};

export type Warning = { id: string; text: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function host(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Whether more than one instance (or process) shares this site: a shared cache, or a database server. */
export function severalInstances(f: Pick<SystemFacts, 'redisUrl' | 'databaseUrl' | 'databaseSyncUrl'>): boolean {
  return Boolean(f.redisUrl || f.databaseSyncUrl || !f.databaseUrl.startsWith('file:'));
}

export function productionWarnings(f: SystemFacts): Warning[] {
  const out: Warning[] = [];
  if (f.demoPasswordInUse)
    out.push({ id: 'demo-password', text: 'A demo account still uses the published demo password. Change it (or disable the account) before going live.' });
  if (!f.authSecretSet && severalInstances(f))
    out.push({
      id: 'auth-secret',
      text: 'AUTH_SECRET is not set, yet this site looks like it runs on several instances (Redis or a database server): each instance generates its own secret into its data folder, so a session or held-reply cookie made by one is refused by the others. Set the same AUTH_SECRET on every instance.',
    });
  if (!f.siteUrl.startsWith('https:'))
    out.push({
      id: 'site-url',
      text: `SITE_URL (${f.siteUrl}) is not on https: links in mail, feeds and sitemaps use it, and cookies are not marked Secure.`,
    });
  if (f.trustProxy && !f.viaTrustedProxy)
    out.push({
      id: 'trust-proxy',
      text: 'TRUST_PROXY is on, but this request did not come through one of TRUSTED_PROXIES: if no proxy is in front, any client can choose the address that rate limits and bans see. Turn TRUST_PROXY off, or check TRUSTED_PROXIES.',
    });
  if (f.queryLogFile)
    out.push({
      id: 'query-log',
      text: 'QUERY_LOG_FILE is set: every SQL statement, with personal data in it, is appended to a file. It is a test aid; unset it.',
    });
  // libsql:// uses TLS unless told otherwise (?tls=0); http:// and ws:// never do.
  const server = f.databaseSyncUrl ?? f.databaseUrl;
  const databaseHost = host(server);
  if ((/^(http|ws):/.test(server) || /[?&]tls=0/.test(server)) && databaseHost && !LOCAL_HOSTS.has(databaseHost))
    out.push({ id: 'database-tls', text: `The database server (${databaseHost}) is reached without TLS: use https:// or wss://.` });
  const redisHost = f.redisUrl ? host(f.redisUrl) : null;
  if (f.redisUrl?.startsWith('redis:') && redisHost && !LOCAL_HOSTS.has(redisHost) && !/^[a-z0-9-]+$/i.test(redisHost))
    out.push({ id: 'redis-tls', text: `Redis (${redisHost}) is reached without TLS: use rediss:// across a network you do not control.` });
  if (!f.smtpUrl) out.push({ id: 'mail-off', text: 'SMTP_URL is not set: no reply notifications or moderator digests are sent.' });
  return out;
}
