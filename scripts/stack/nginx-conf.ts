// Fills deploy/nginx.conf's {{NAME}} placeholders. Every placeholder must be given and every value
// used, so a template and its caller cannot drift apart silently.

export type NginxValues = {
  RUN_DIR: string;
  LOG_DIR: string;
  CACHE_DIR: string;
  STATIC_ROOT: string;
  LISTEN: string;
  STATIC_LISTEN: string;
  /** `server host:port …;` lines of the app instances. */
  UPSTREAM_SERVERS: string;
  /** `set_real_ip_from …;` lines: the load balancers whose X-Forwarded-For nginx believes. */
  TRUSTED_PROXIES: string;
};

export function renderNginxConf(template: string, values: NginxValues): string {
  const used = new Set<string>();
  const out = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`deploy/nginx.conf has {{${name}}}, which the stack does not fill`);
    used.add(name);
    return values[name as keyof NginxValues];
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`deploy/nginx.conf no longer has {{${unused.join('}}, {{')}}}`);
  return out;
}

/**
 * The upstream lines. Passive checks: one failure (an error, a timeout, a 500 or 502-504 on a read)
 * takes an instance out for 3 s; nginx then tries it again. `down`: instances the stack's watcher found
 * not ready (GET /api/health/ready), kept out until they are ready again.
 */
export function upstreamServers(ports: number[], down: ReadonlySet<number> = new Set()): string {
  return ports.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=3s${down.has(p) ? ' down' : ''};`).join('\n');
}

export function trustedProxies(addresses: string[]): string {
  return addresses.map((a) => `        set_real_ip_from ${a};`).join('\n');
}

/**
 * Which instances to mark `down`, from each one's last readiness answer: those not ready, unless none
 * is, when all stay in (nginx then serves what its cache still holds rather than a 502 for everything).
 */
export function instancesToTakeOut(ready: ReadonlyMap<number, boolean>): Set<number> {
  const notReady = [...ready].filter(([, ok]) => !ok).map(([port]) => port);
  return notReady.length === ready.size ? new Set() : new Set(notReady);
}
