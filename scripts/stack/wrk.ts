import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { which } from './processes';

// Debian's wrk as the stack bench's load generator: autocannon (Node, one thread) tops out near
// 10,000 req/s on this machine, below what nginx serves a cached page at, so it measured itself.
// wrk (C, epoll, one thread per core) is driven through a small Lua script whose done() prints one
// line of JSON, so nothing depends on the layout of wrk's human-readable report.

export type WrkResult = {
  requests: number;
  durationSeconds: number;
  rps: number;
  bytes: number;
  /** Latency in milliseconds. */
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Socket errors (connect, read, write, timeout); answers with status ≥ 400 are in `non2xx`. */
  errors: number;
  timeouts: number;
  /** wrk's "status" errors: answers with a status of 400 or more (wrk does not count 3xx apart). */
  non2xx: number;
};

const MARK = 'WRK_JSON ';

/** Lua for wrk's done(): one line `WRK_JSON {...}` with the counts and latency percentiles (µs). */
export const DONE_LUA = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('${MARK}{"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`;

/**
 * Lua for readers polling at `intervalMs`: each wrk connection is one reader. wrk calls delay() before
 * every request; the first call for each of a thread's connections returns a random phase within one
 * interval, so readers are spread over it as real ones are, not all asking in the same millisecond.
 */
export function pollingReadersLua(intervalMs: number, connectionsPerThread: number): string {
  return `
local started = 0
init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):match('0x(%x+)') or '0', 16) % 100000)
end
delay = function()
  started = started + 1
  if started <= ${connectionsPerThread} then return math.random(0, ${intervalMs - 1}) end
  return ${intervalMs}
end
${DONE_LUA}`;
}

/** Reads the JSON line DONE_LUA printed from wrk's output. */
export function parseWrkOutput(stdout: string): WrkResult {
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (!line) throw new Error(`wrk printed no ${MARK.trim()} line:\n${stdout.slice(-2000)}`);
  const j = JSON.parse(line.slice(MARK.length)) as Record<string, number>;
  const seconds = j.duration_us / 1e6;
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    requests: j.requests,
    durationSeconds: seconds,
    rps: seconds > 0 ? Math.round(j.requests / seconds) : 0,
    bytes: j.bytes,
    latency: { p50: ms(j.p50), p90: ms(j.p90), p99: ms(j.p99), max: ms(j.max), mean: ms(j.mean) },
    errors: j.connect + j.read + j.write + j.timeout,
    timeouts: j.timeout,
    non2xx: j.status,
  };
}

/** The path of wrk, or an error that says how to install it. */
export function wrkPath(): string {
  const found = which('wrk');
  if (!found) throw new Error("the stack bench needs Debian's wrk as its load generator: run  sudo apt-get install -y wrk");
  return found;
}

export type WrkOptions = {
  url: string;
  connections: number;
  /** Default: 2 (one per core here); never more than connections. */
  threads?: number;
  durationSeconds: number;
  timeoutSeconds?: number;
  headers?: Record<string, string>;
  /** Lua for the run; DONE_LUA by default. It must print what DONE_LUA prints. */
  lua?: string;
};

export async function runWrk(o: WrkOptions): Promise<WrkResult> {
  const bin = wrkPath();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-wrk-'));
  const script = path.join(dir, 'script.lua');
  writeFileSync(script, o.lua ?? DONE_LUA);
  const threads = Math.max(1, Math.min(o.threads ?? 2, o.connections));
  const args = ['-t', String(threads), '-c', String(o.connections), '-d', `${o.durationSeconds}s`, '--timeout', `${o.timeoutSeconds ?? 10}s`, '-s', script];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}: ${v}`);
  args.push(o.url);
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
    if (code !== 0) throw new Error(`wrk exited with ${code}: ${stderr || stdout}`);
    return parseWrkOutput(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The p-th percentile (0–100) of `values` by the nearest-rank method; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
