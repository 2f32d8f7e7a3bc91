// npm run bench -- --stack [--duration 10 --connections 32 --only static,live --live-readers 5000 --live-duration 90]
//
// static: the cached article through nginx's micro-cache next to the same page saved as a plain file
// and served by the same nginx, in one run, with the same connections, threads and duration; also the
// article straight from one app instance (Next's own cache, no nginx) for scale. Measured with Debian's
// wrk (scripts/stack/wrk.ts): autocannon topped out near 10,000 req/s here, below both.
// live: readers polling a live article's poll route while an editor posts (scripts/stack/live-scenario.ts),
// through nginx and then straight at one instance.
// Uses the stack that `npm run stack` is running, or starts one (and stops it afterwards). Prints the
// figures and adds them to bench/results.json under `stack` and `stackLive`.
import { createClient } from '@libsql/client';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { stackConfig } from './stack/config';
import { actionId, signIn } from './server-actions';
import { linesSince, makeArticleLive, POST_ACTION, postThroughAction, runLiveScenario, type LiveRun } from './stack/live-scenario';
import { startStack, type Stack, type StackInfo, type StackSecrets } from './stack/stack';
import { percentile, runWrk, wrkPath } from './stack/wrk';

const log = (msg: string) => console.log(`[bench:stack] ${msg}`);

type Row = {
  name: string;
  url: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
  bytesPerResponse: number;
  nginxCache?: Record<string, number>;
  /** CPU time nginx's workers spent per answer (µs): steadier than req/s on a machine others share. */
  nginxCpuUsPerRequest?: number;
};

/** utime + stime of nginx's worker processes (the master's children), in clock ticks (1/100 s). */
function nginxWorkerTicks(masterPid: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command name (which may hold spaces) start at "state": ppid is 2nd, utime 12th, stime 13th.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) === masterPid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return ticks;
}

async function runningStack(dir: string): Promise<{ info: StackInfo; secrets: StackSecrets } | null> {
  const file = path.join(dir, 'stack.json');
  if (!existsSync(file)) return null;
  const info = JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
  try {
    if (!(await fetch(`${info.url}/robots.txt`)).ok) return null;
  } catch {
    return null;
  }
  return { info, secrets: JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as StackSecrets };
}

/** The newest published article with its comments open: the page a breaking story would be. */
async function pickArticle(info: StackInfo, secrets: StackSecrets): Promise<string> {
  const db = createClient({ url: info.databaseUrl, authToken: secrets.databaseAuthToken });
  try {
    const { rows } = await db.execute({
      sql: "SELECT slug FROM articles WHERE status = 'published' AND published_at <= ? AND comments_open = 1 ORDER BY published_at DESC LIMIT 1",
      args: [Date.now()],
    });
    if (!rows[0]) throw new Error('the stack database has no published article');
    return String(rows[0].slug);
  } finally {
    db.close();
  }
}

/** Counts of nginx's cache statuses in the access log lines written since `from` (a byte offset). */
function cacheStatuses(logFile: string, from: number, pathname: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of linesSince(logFile, from)) {
    if (!line.includes(`"GET ${pathname} `)) continue;
    const status = /cache=(\S*)/.exec(line)?.[1] || 'none';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

type Options = { duration: number; connections: number; only: Set<string> | null; liveReaders: number; liveDuration: number };

export async function benchStack(options: Options): Promise<void> {
  wrkPath(); // says how to install it before anything starts
  const config = stackConfig();
  let started: Stack | null = null;
  let running = await runningStack(config.dir);
  if (running) log(`using the stack already running in ${path.relative(process.cwd(), config.dir)}`);
  else {
    log('starting the stack (npm run stack)');
    started = await startStack(config, { log: (l) => log(l) });
    running = { info: started.info, secrets: started.secrets };
  }
  const { info, secrets } = running;
  try {
    const resultsFile = 'bench/results.json';
    const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
    const machine = () => ({ cpus: cpus().length, node: process.version, loadAverageAtEnd: readFileSync('/proc/loadavg', 'utf8').trim() });
    const save = (key: string) => (writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n'), log(`added to ${resultsFile} under "${key}"`));
    if (!options.only || options.only.has('static')) {
      results.stack = { ...(await benchStatic(info, secrets, options)), machine: machine() };
      save('stack');
    }
    if ((!options.only || options.only.has('live')) && options.liveReaders > 0) {
      results.stackLive = { ...(await benchLive(info, secrets, options)), machine: machine() };
      save('stackLive');
    }
  } finally {
    if (started) {
      log('stopping the stack it started');
      await started.stop();
    }
  }
}

async function benchStatic(info: StackInfo, secrets: StackSecrets, { duration, connections }: Options) {
  const slug = await pickArticle(info, secrets);
  const pathname = `/articles/${slug}`;
  // Warm every cache on the way, then keep the page exactly as nginx serves it to a client that asks
  // for no compression (as wrk does: it sends no Accept-Encoding) as the static copy.
  for (let i = 0; i < 5; i++) await fetch(`${info.url}${pathname}`).then((r) => r.arrayBuffer());
  const page = await fetch(`${info.url}${pathname}`, { headers: { 'accept-encoding': 'identity' } });
  if (!page.ok) throw new Error(`${pathname} answered ${page.status} through nginx`);
  const html = Buffer.from(await page.arrayBuffer());
  writeFileSync(path.join(info.staticRoot, 'article.html'), html);
  const staticCopy = await fetch(`${info.staticUrl}/article.html`);
  if (!staticCopy.ok || (await staticCopy.arrayBuffer()).byteLength !== html.length) throw new Error('nginx does not serve the saved copy');
  log(`article ${pathname}: ${html.length} bytes of HTML, saved to ${path.relative(process.cwd(), info.staticRoot)}/article.html`);

  const accessLog = path.join(info.logs, 'nginx-access.log');
  const targets = [
    { name: 'article through nginx (micro-cache)', url: `${info.url}${pathname}`, path: pathname, logged: true, nginx: true },
    { name: 'same page as a static file (nginx)', url: `${info.staticUrl}/article.html`, path: '/article.html', logged: false, nginx: true },
    { name: `article from app instance ${info.apps[0].name} (Next cache)`, url: `${info.apps[0].url}${pathname}`, path: pathname, logged: false, nginx: false },
  ];
  await runWrk({ url: targets[0].url, connections: 8, durationSeconds: 2 });
  // The cached page and the static copy take turns, ROUNDS times: on a machine others share, the
  // load drifts within seconds, and alternating windows give both the same drift.
  type Sample = { requests: number; seconds: number; p50: number; p99: number; errors: number; non2xx: number; bytes: number; ticks: number };
  const samples: Sample[][] = targets.map(() => []);
  const caches: Record<string, number> = {};
  const measure = async (i: number) => {
    const t = targets[i];
    await new Promise((r) => setTimeout(r, 1000)); // let the machine settle between runs
    const logFrom = existsSync(accessLog) ? statSync(accessLog).size : 0;
    const ticksBefore = nginxWorkerTicks(info.pids.nginx);
    const r = await runWrk({ url: t.url, connections, threads: 2, durationSeconds: duration, timeoutSeconds: 30 });
    const ticks = nginxWorkerTicks(info.pids.nginx) - ticksBefore;
    samples[i].push({
      requests: r.requests,
      seconds: r.durationSeconds,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors,
      non2xx: r.non2xx,
      bytes: r.bytes,
      ticks,
    });
    if (t.logged) {
      await new Promise((res) => setTimeout(res, 1500)); // nginx flushes its log buffer every second
      for (const [k, v] of Object.entries(cacheStatuses(accessLog, logFrom, t.path))) caches[k] = (caches[k] ?? 0) + v;
    }
    log(
      `${t.name.padEnd(40)} ${String(r.rps).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms${t.nginx ? `  nginx CPU ${Math.round((ticks * 100_000) / Math.max(1, r.requests)) / 10} µs/answer` : ''}`,
    );
  };
  for (let round = 0; round < ROUNDS; round++) for (const i of [0, 1]) await measure(i);
  await measure(2);
  const sum = (xs: Sample[], k: keyof Sample) => xs.reduce((n, x) => n + x[k], 0);
  const rows: Row[] = targets.map((t, i) => {
    const xs = samples[i];
    const requests = sum(xs, 'requests');
    const row: Row = {
      name: t.name,
      url: t.url,
      rps: Math.round(requests / sum(xs, 'seconds')),
      p50: percentile(
        xs.map((x) => x.p50),
        50,
      ),
      p99: percentile(
        xs.map((x) => x.p99),
        50,
      ),
      errors: sum(xs, 'errors'),
      non2xx: sum(xs, 'non2xx'),
      requests,
      bytesPerResponse: Math.round(sum(xs, 'bytes') / Math.max(1, requests)),
    };
    if (t.nginx) row.nginxCpuUsPerRequest = Math.round((sum(xs, 'ticks') * 100_000) / Math.max(1, requests)) / 10;
    if (t.logged) row.nginxCache = caches;
    log(
      `${t.name.padEnd(40)} ${String(row.rps).padStart(6)} req/s over ${xs.length} run(s)  errors ${row.errors}  non-2xx ${row.non2xx}${row.nginxCpuUsPerRequest ? `  nginx CPU ${row.nginxCpuUsPerRequest} µs/answer` : ''}${row.nginxCache ? `  ${JSON.stringify(row.nginxCache)}` : ''}`,
    );
    return row;
  });
  const ratio = rows[0].rps / rows[1].rps;
  const cpuRatio = rows[1].nginxCpuUsPerRequest! / rows[0].nginxCpuUsPerRequest!;
  console.log(
    `\n| what (wrk, 2 threads, ${connections} connections, ${ROUNDS} × ${duration} s alternating; p50/p99: median of the runs) | req/s | p50 ms | p99 ms | errors | non-2xx |\n|---|---:|---:|---:|---:|---:|\n` +
      rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`).join('\n') +
      `\n\nthrough the cache / static copy: ${ratio.toFixed(2)} by req/s, ${cpuRatio.toFixed(2)} by nginx's CPU per answer\n`,
  );
  return {
    when: new Date().toISOString(),
    generator: 'wrk (Debian), 2 threads',
    settings: { connections, duration, rounds: ROUNDS, article: pathname, htmlBytes: html.length, database: info.databaseUrl, instances: info.apps.length },
    rows,
    ratioThroughCacheToStatic: Number(ratio.toFixed(3)),
    ratioByNginxCpu: Number(cpuRatio.toFixed(3)),
  };
}

/** Alternating runs of the cached page and the static copy. */
const ROUNDS = 3;
const POLL_INTERVAL_MS = 12_000; // the reader island's interval (components/site/breaking-banner.tsx polls the same)
const POST_EVERY_MS = 10_000;
const PROBES = 24;

async function benchLive(info: StackInfo, secrets: StackSecrets, { liveReaders, liveDuration }: Options) {
  const db = createClient({ url: info.databaseUrl, authToken: secrets.databaseAuthToken });
  try {
    const article = await makeArticleLive(db);
    log(`live article ${article.id} (/articles/${article.slug}), ${article.latestAtStart} updates so far`);
    // The editor posts as the composer does: signed in (through nginx), its server action posted to the
    // site's address the readers use (nginx; instance a in the run without nginx).
    const postAction = actionId(POST_ACTION.file, POST_ACTION.name);
    const cookie = await signIn(info.url, actionId('app/(auth)/login/actions.ts', 'signInAction'), 'editor@example.com', 'broadsheet-demo');
    const runs: LiveRun[] = [];
    for (const t of [
      { target: 'through nginx (micro-cache) → 2 instances', baseUrl: info.url, accessLog: path.join(info.logs, 'nginx-access.log') },
      { target: `one instance (${info.apps[0].name}), no nginx`, baseUrl: info.apps[0].url },
    ]) {
      log(`live: ${liveReaders} readers polling every ${POLL_INTERVAL_MS / 1000} s ${t.target}, an update every ${POST_EVERY_MS / 1000} s, ${liveDuration} s`);
      const run = await runLiveScenario({
        ...t,
        article,
        post: postThroughAction({ baseUrl: t.baseUrl, cookie, actionId: postAction }),
        readers: liveReaders,
        intervalMs: POLL_INTERVAL_MS,
        postEveryMs: POST_EVERY_MS,
        durationSeconds: liveDuration,
        probes: PROBES,
        appLogs: info.apps.map((a) => ({ name: a.name, file: a.log })),
        log: (l) => log(`  ${l}`),
      });
      runs.push(run);
      log(
        `  ${run.updatesPosted} updates; post → reader's poll p50 ${run.reader.p50} s, p95 ${run.reader.p95} s, max ${run.reader.max} s (${run.reader.samples} samples, ${run.reader.missed} missed); ` +
          `250 ms poller p50 ${run.tight.p50} s, max ${run.tight.max} s; load ${run.load.rps} req/s, p99 ${run.load.latency.p99} ms, errors ${run.load.errors}, non-2xx ${run.load.non2xx}; ` +
          `reached the app ${JSON.stringify(run.appRequestsPerSecond)} req/s${run.nginxCache ? `; nginx ${JSON.stringify(run.nginxCache)}` : ''}; probe errors ${run.probeErrors}; failed posts ${run.postErrors}`,
      );
    }
    await db.execute({ sql: 'UPDATE articles SET live_ended_at = ? WHERE id = ?', args: [Date.now(), article.id] });
    return {
      when: new Date().toISOString(),
      article: { id: article.id, slug: article.slug },
      posting: "the composer's postLiveUpdateAction (form post without JavaScript, signed in as the demo editor), to the run's base URL",
      runs,
    };
  } finally {
    db.close();
  }
}
