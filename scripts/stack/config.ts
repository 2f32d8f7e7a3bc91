import path from 'node:path';

// Where `npm run stack` puts everything and which loopback ports it takes. Every port follows
// STACK_BASE_PORT (default 3600) unless set on its own.

export type StackConfig = {
  /** Absolute folder for the stack's data, logs and configuration (STACK_DIR, default data/stack). */
  dir: string;
  nginxPort: number;
  /** nginx's second server: a saved copy of a page as a plain file (the bench's yardstick). */
  staticPort: number;
  appPorts: number[];
  redisPort: number;
  sqldPort: number;
};

function port(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a port number, not ${JSON.stringify(raw)}`);
  return n;
}

export function stackConfig(env: Record<string, string | undefined> = process.env, root = process.cwd()): StackConfig {
  const base = port(env, 'STACK_BASE_PORT', 3600);
  const appPorts = env.STACK_APP_PORTS ? env.STACK_APP_PORTS.split(',').map((p, i) => port({ p: p.trim() }, 'p', base + 10 + i)) : [base + 10, base + 11];
  if (appPorts.length < 1) throw new Error('STACK_APP_PORTS needs at least one port');
  const config: StackConfig = {
    dir: path.resolve(root, env.STACK_DIR || 'data/stack'),
    nginxPort: port(env, 'STACK_NGINX_PORT', base),
    staticPort: port(env, 'STACK_STATIC_PORT', base + 1),
    appPorts,
    redisPort: port(env, 'STACK_REDIS_PORT', base + 20),
    sqldPort: port(env, 'STACK_SQLD_PORT', base + 30),
  };
  const all = [config.nginxPort, config.staticPort, ...config.appPorts, config.redisPort, config.sqldPort];
  if (new Set(all).size !== all.length) throw new Error(`the stack's ports must differ: ${all.join(', ')}`);
  return config;
}

/** Instance names: a, b, c … */
export const instanceName = (i: number) => String.fromCharCode(97 + i);
