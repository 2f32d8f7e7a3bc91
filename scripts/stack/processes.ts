import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

// Child processes of the stack: started with a marker in their environment, so that leftovers of a
// stack that was killed outright can be found (and the tests can prove none are left).

export const MARKER = 'BROADSHEET_STACK';

export type Child = { name: string; process: ChildProcess; exited: Promise<void> };

/** Starts `command`, its output appended to `logFile`, marked as belonging to the stack in `dir`. */
export function startChild(name: string, command: string, args: string[], options: { dir: string; logFile: string; env?: NodeJS.ProcessEnv }): Child {
  const out = openSync(options.logFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', out, out], env: { ...(options.env ?? process.env), [MARKER]: options.dir } });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A command that cannot start at all surfaces as 'error', with no 'exit' after it.
    child.once('error', (err) => {
      console.error(`[stack] ${name} could not start: ${err.message}`);
      resolve();
    });
  });
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL if it is still running after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null || child.process.pid === undefined) return;
  child.process.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error(`[stack] ${child.name} did not stop within ${graceMs / 1000} s: killing it`);
      child.process.kill('SIGKILL');
      resolve();
    }, graceMs);
  });
  await Promise.race([child.exited, killed]);
  clearTimeout(timer);
  await child.exited;
}

/** Live processes carrying the marker of the stack in `dir` (zombies have no environment left). */
export function stackProcesses(dir: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (!environ.includes(`${MARKER}=${dir}`)) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      found.push({ pid: Number(entry), command });
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` every 200 ms until it returns true; fails after `timeoutMs`, when `child` exits or on `signal`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: Child, signal?: AbortSignal): Promise<void> {
  const until = Date.now() + timeoutMs;
  let exited = false;
  void child?.exited.then(() => (exited = true));
  while (Date.now() < until) {
    if (signal?.aborted) throw new Error(`stopped while waiting for ${what}`);
    if (exited) throw new Error(`${what}: the process exited while starting`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.ok;
}

/** Sends PING to a Redis server and expects +PONG. */
export function redisPong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => (socket.destroy(), resolve(data.toString().startsWith('+PONG'))));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/** The path of a system command, or null. */
export function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin'])) {
    if (dir && existsSync(`${dir}/${command}`)) return `${dir}/${command}`;
  }
  return null;
}

/**
 * nginx and redis-server from Debian's packages, installed when missing (as CI does for Chromium).
 * Needs root; otherwise says what to install.
 */
export function ensureDebianPackages(): { nginx: string; redis: string } {
  const missing = [
    ['nginx', 'nginx'],
    ['redis-server', 'redis-server'],
  ].filter(([command]) => !which(command));
  if (missing.length) {
    const packages = missing.map(([, pkg]) => pkg);
    if (process.getuid?.() !== 0) throw new Error(`missing ${packages.join(' and ')}: run  sudo apt-get install -y ${packages.join(' ')}`);
    console.log(`[stack] installing Debian's ${packages.join(' and ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', ...packages],
    ]) {
      const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
    }
  }
  return { nginx: which('nginx')!, redis: which('redis-server')! };
}
