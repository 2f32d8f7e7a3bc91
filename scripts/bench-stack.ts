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
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { stackConfig } from './stack/config';
import { makeArticleLive, postThroughDatabase, runLiveScenario, type LiveRun } from './stack/live-scenario';
import { startStack, type Stack, type StackInfo, type StackSecrets } from './stack/stack';
import { runWrk, wrkPath } from './stack/wrk';

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
};

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
  for (const line of readFileSync(logFile, 'utf8').slice(from).split('\n')) {
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
    if (!options.only || options.only.has('static')) results.stack = { ...(await benchStatic(info, secrets, options)), machine: machine() };
    if ((!options.only || options.only.has('live')) && options.liveReaders > 0)
      results.stackLive = { ...(await benchLive(info, secrets, options)), machine: machine() };
    writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
    log(`added to ${resultsFile}`);
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
    { name: 'article through nginx (micro-cache)', url: `${info.url}${pathname}`, path: pathname, logged: true },
    { name: 'same page as a static file (nginx)', url: `${info.staticUrl}/article.html`, path: '/article.html', logged: false },
    { name: `article from app instance ${info.apps[0].name} (Next cache)`, url: `${info.apps[0].url}${pathname}`, path: pathname, logged: false },
  ];
  await runWrk({ url: targets[0].url, connections: 8, durationSeconds: 2 });
  const rows: Row[] = [];
  for (const t of targets) {
    await new Promise((r) => setTimeout(r, 2000)); // let the machine settle between runs
    const logFrom = existsSync(accessLog) ? statSync(accessLog).size : 0;
    const r = await runWrk({ url: t.url, connections, threads: 2, durationSeconds: duration, timeoutSeconds: 30 });
    const row: Row = {
      name: t.name,
      url: t.url,
      rps: r.rps,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors,
      non2xx: r.non2xx,
      requests: r.requests,
      bytesPerResponse: Math.round(r.bytes / Math.max(1, r.requests)),
    };
    if (t.logged) {
      await new Promise((res) => setTimeout(res, 1500)); // nginx flushes its log buffer every second
      row.nginxCache = cacheStatuses(accessLog, logFrom, t.path);
    }
    rows.push(row);
    log(
      `${t.name.padEnd(40)} ${String(row.rps).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}  non-2xx ${row.non2xx}${row.nginxCache ? `  ${JSON.stringify(row.nginxCache)}` : ''}`,
    );
  }
  const ratio = rows[0].rps / rows[1].rps;
  console.log(
    `\n| what (wrk, 2 threads, ${connections} connections, ${duration} s) | req/s | p50 ms | p99 ms | errors | non-2xx |\n|---|---:|---:|---:|---:|---:|\n` +
      rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`).join('\n') +
      `\n\nthrough the cache / static copy: ${ratio.toFixed(2)} (${(ratio * 100).toFixed(0)}%)\n`,
  );
  return {
    when: new Date().toISOString(),
    generator: 'wrk (Debian), 2 threads',
    settings: { connections, duration, article: pathname, htmlBytes: html.length, database: info.databaseUrl, instances: info.apps.length },
    rows,
    ratioThroughCacheToStatic: Number(ratio.toFixed(3)),
  };
}

const POLL_INTERVAL_MS = 12_000; // the reader island's interval (components/site/breaking-banner.tsx polls the same)
const POST_EVERY_MS = 10_000;
const PROBES = 24;

async function benchLive(info: StackInfo, secrets: StackSecrets, { liveReaders, liveDuration }: Options) {
  const db = createClient({ url: info.databaseUrl, authToken: secrets.databaseAuthToken });
  try {
    const article = await makeArticleLive(db);
    log(`live article ${article.id} (/articles/${article.slug}), ${article.latestAtStart} updates so far`);
    // The editor posts through instance a, as the composer would reach one instance through nginx.
    const post = postThroughDatabase({ db, appUrl: info.apps[0].url, appSecret: secrets.authSecret });
    const runs: LiveRun[] = [];
    for (const t of [
      { target: 'through nginx (micro-cache) → 2 instances', baseUrl: info.url, accessLog: path.join(info.logs, 'nginx-access.log') },
      { target: `one instance (${info.apps[0].name}), no nginx`, baseUrl: info.apps[0].url },
    ]) {
      log(`live: ${liveReaders} readers polling every ${POLL_INTERVAL_MS / 1000} s ${t.target}, an update every ${POST_EVERY_MS / 1000} s, ${liveDuration} s`);
      const run = await runLiveScenario({
        ...t,
        article,
        post,
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
          `reached the app ${JSON.stringify(run.appRequestsPerSecond)} req/s${run.nginxCache ? `; nginx ${JSON.stringify(run.nginxCache)}` : ''}; probe errors ${run.probeErrors}`,
      );
    }
    await db.execute({ sql: 'UPDATE articles SET live_ended_at = ? WHERE id = ?', args: [Date.now(), article.id] });
    return {
      when: new Date().toISOString(),
      article: { id: article.id, slug: article.slug },
      posting: 'live_updates row + POST /api/revalidate (article tags)',
      runs,
    };
  } finally {
    db.close();
  }
}
