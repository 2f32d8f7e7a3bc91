// The bench's production servers: `node scripts/server.mjs` on a database and a build folder, as
// `npm start` runs it (scripts/start.mjs: build if missing, scripts/db-prepare.ts, then the server),
// with the build folder chosen by NEXT_DIST_DIR (next.config.ts) so a kept build can be measured next
// to the current one. A build folder given as an absolute path belongs to another checkout (a worktree
// at an earlier commit): its server runs there, with that checkout's code, scripts/server.mjs included.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type BenchServer = {
  label: string;
  port: number;
  base: string;
  dist: string;
  pid: number;
  /** Peak resident memory of the serving process so far (VmHWM, bytes). */
  peakRss: () => number;
  stop: () => void;
};

export function statusField(pid: number, field: string): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The checkout a build folder belongs to and its name there: `.next` → (here, .next); `/w/before/.next-x` → (/w/before, .next-x). */
export function checkoutOf(dist: string): { cwd: string; distDir: string } {
  return path.isAbsolute(dist) ? { cwd: path.dirname(dist), distDir: path.basename(dist) } : { cwd: process.cwd(), distDir: dist };
}

/** Builds into `dist` when it holds no build (one build at a time: the caller awaits it). */
export function ensureBuild(dist: string, log: (m: string) => void) {
  if (existsSync(path.resolve(dist, 'BUILD_ID'))) return;
  const { cwd, distDir } = checkoutOf(dist);
  log(`no production build in ${dist}: running next build`);
  const b = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir },
  });
  if (b.status !== 0) throw new Error('next build failed');
}

/** Runs a TypeScript script of the project with the server's conditions (as npm start runs db-prepare). */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd(), quiet = true) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', script, ...args], {
    cwd,
    env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${r.status}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout ?? '';
}

export async function waitForServer(base: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/robots.txt`);
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server at ${base} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Prepares the database (migrations; SEED_DEMO=false) and starts the server on it. `env` is added to
 * the bench's own environment (DATA_DIR, TRUST_PROXY…); QUERY_LOG_FILE is always dropped.
 */
export async function startServer(o: {
  label: string;
  port: number;
  db: string;
  dist: string;
  env?: Record<string, string>;
  /** Where the server's output (one request log line per request) goes, instead of the bench's terminal. */
  logFile: string;
  log: (m: string) => void;
}): Promise<BenchServer> {
  const env = {
    ...process.env,
    ...o.env,
    PORT: String(o.port),
    DATABASE_URL: o.db,
    SEED_DEMO: 'false',
    NODE_ENV: 'production',
    NEXT_DIST_DIR: checkoutOf(o.dist).distDir,
  } as NodeJS.ProcessEnv;
  const { cwd } = checkoutOf(o.dist);
  delete env.QUERY_LOG_FILE;
  runScript('scripts/db-prepare.ts', [], env, cwd);
  mkdirSync(path.dirname(o.logFile), { recursive: true });
  // With the Node flags `npm start` gives that checkout's server (scripts/server-flags.mjs; none before issue 19).
  const flagsFile = path.join(cwd, 'scripts', 'server-flags.mjs');
  const flags: string[] = existsSync(flagsFile) ? (await import(pathToFileURL(flagsFile).href)).SERVER_NODE_FLAGS : [];
  const child = spawn(process.execPath, [...flags, 'scripts/server.mjs', '-H', '127.0.0.1', '-p', String(o.port)], {
    cwd,
    env,
    stdio: ['ignore', openSync(o.logFile, 'a'), openSync(o.logFile, 'a')],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const base = `http://127.0.0.1:${o.port}`;
  const started = Date.now();
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${o.label} server exited (${code}) while starting:\n${readFileSync(o.logFile, 'utf8').slice(-3000)}`))),
  );
  await Promise.race([waitForServer(base), exited]);
  o.log(`${o.label}: ${o.dist} on ${base} (pid ${child.pid}) answered after ${Date.now() - started} ms; its output goes to ${o.logFile}`);
  const pid = child.pid!;
  let last = 0;
  // VmHWM is the peak since the process started; the last reading survives the process's exit.
  const peakRss = () => (last = Math.max(last, statusField(pid, 'VmHWM')));
  return { label: o.label, port: o.port, base, dist: o.dist, pid, peakRss, stop: () => (peakRss(), stop()) };
}
