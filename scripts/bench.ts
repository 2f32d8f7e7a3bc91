// npm run bench  [-- --db file:./data/bench.db --port 3400 --duration 10 --connections 32 --only name,name]
// npm run bench -- --only standard [--lighthouse] [--dist .next-before,.next] [--rounds 3]   the standard article alone
// npm run bench -- --stack [--only static,live --live-readers 5000 --live-duration 90]   the stack: the cached article
//   through nginx next to a static copy, and the live scenario (scripts/bench-stack.ts)
//
// First the standard article (issue 19, scripts/bench/standard.ts): ../shared/bench/article.wxr imported
// into a fresh temporary database, served by its own server, measured with wrk at 32 connections in
// rounds interleaved with the fixture's cached article (medians), its HTML, inline RSC payload and
// first-load JavaScript, its server's peak RSS, and with --lighthouse Lighthouse's mobile preset 3×.
// --dist A,B serves the standard article from each build folder (NEXT_DIST_DIR) side by side,
// interleaved: a kept "before" build next to the current one. --compare URL,URL measures other systems
// serving the same article (WordPress…) in the same rounds and Lighthouse runs.
// Then the fixture database (npm run fixture) with autocannon: each scenario runs at 32 connections for
// throughput and at 1 connection for the median latency. Builds first when the build folder is
// missing. Prints tables and writes bench/results.json. It reports numbers; it never fails on one.
// Not part of `npm test`.
import autocannon, { type Result } from 'autocannon';
import { createClient } from '@libsql/client';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { benchStack } from './bench-stack';
import { runLighthouse, type LighthouseFigures } from './bench/lighthouse';
import { median } from './bench/page-weight';
import { ensureBuild, startServer, statusField, type BenchServer } from './bench/server';
import { load, medianRound, pageWeight, prepareStandardDb, standardArticlePath, type LoadRound, type PageWeight } from './bench/standard';
import { actionId, multipart, multipartHeaders as formHeaders, signIn, stateFields } from './server-actions';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'file:./data/bench.db' },
    port: { type: 'string', default: '3400' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'latency-duration': { type: 'string', default: '5' },
    only: { type: 'string' },
    // The whole stack instead: scripts/bench-stack.ts.
    stack: { type: 'boolean', default: false },
    // The stack's live scenario: readers polling one live article (each one wrk connection), and for how long.
    'live-readers': { type: 'string', default: '5000' },
    'live-duration': { type: 'string', default: '90' },
    // The standard article (issue 19).
    wxr: { type: 'string', default: '../shared/bench/article.wxr' },
    // Build folders to serve it from, each its own server: `--dist .next-before,.next`. The fixture uses the first.
    dist: { type: 'string', default: '.next' },
    rounds: { type: 'string', default: '3' },
    lighthouse: { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '3' },
    // Other systems serving the same article (WordPress behind nginx…): measured in the same rounds and Lighthouse runs.
    compare: { type: 'string' },
  },
});
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const LATENCY_DURATION = Number(args['latency-duration']);
const only = args.only ? new Set(args.only.split(',')) : null;
const wantStandard = !only || only.has('standard');
const wantFixture = !only || [...only].some((n) => n !== 'standard');
const DISTS = args.dist.split(',').filter(Boolean);
const ROUNDS = Number(args.rounds);
const RUN = Date.now().toString(36);
const log = (msg: string) => console.log(`[bench] ${msg}`);
// The servers' output (a request log line per request): one file per server, kept after the run.
const LOG_DIR = path.join(tmpdir(), `broadsheet-bench-${RUN}`);

// --- What to request, read from the fixture before the server starts ---------------------------

type Targets = {
  cachedArticle: { id: number; slug: string };
  bigArticle: { id: number; slug: string; approved: number };
  postArticle: { id: number; slug: string };
  section: { slug: string; pages: number };
  sections: { slug: string; pages: number }[];
  tag: string;
  author: string;
  deskCursor: string;
};

async function findTargets(): Promise<Targets> {
  const c = createClient({ url: args.db });
  const one = async (sql: string, a: (string | number)[] = []) => (await c.execute({ sql, args: a })).rows[0];
  const now = Date.now();
  const pub = `status = 'published' AND published_at <= ${now}`;
  // Newest published articles first: the front page's, with comments open.
  const recent = (await c.execute(`SELECT id, slug FROM articles WHERE ${pub} AND comments_open = 1 ORDER BY published_at DESC LIMIT 3`)).rows;
  const big = await one(
    `SELECT a.id, a.slug, (SELECT count(*) FROM replies r WHERE r.article_id = a.id AND r.status = 'approved') AS n
     FROM articles a WHERE a.id IN (SELECT article_id FROM replies WHERE status = 'approved' GROUP BY article_id HAVING count(*) >= 1500)
       AND a.${pub.replace(/ AND /, ' AND a.')} AND a.comments_open = 1 ORDER BY n DESC LIMIT 1`,
  );
  const sectionRows = (
    await c.execute(
      `SELECT s.slug, (SELECT count(*) FROM articles a WHERE a.section_id = s.id AND a.${pub.replace(/ AND /, ' AND a.')}) AS n FROM sections s ORDER BY n DESC`,
    )
  ).rows.map((r) => ({ slug: String(r.slug), pages: Math.ceil(Number(r.n) / 20) }));
  const tag = await one(`SELECT t.slug FROM tags t JOIN article_tags x ON x.tag_id = t.id GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`);
  const author = await one(`SELECT u.slug FROM users u JOIN article_authors x ON x.user_id = u.id GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`);
  const pending = await one(`SELECT count(*) AS n FROM replies WHERE status = 'pending'`);
  const mid = await one(`SELECT created_at, id FROM replies WHERE status = 'pending' ORDER BY created_at, id LIMIT 1 OFFSET ?`, [
    Math.floor(Number(pending.n) / 2),
  ]);
  c.close();
  if (!big || recent.length < 2 || !tag || !author || !mid) throw new Error(`${args.db} does not look like a fixture: run npm run fixture first`);
  return {
    cachedArticle: { id: Number(recent[1].id), slug: String(recent[1].slug) },
    postArticle: { id: Number(recent[2].id), slug: String(recent[2].slug) },
    bigArticle: { id: Number(big.id), slug: String(big.slug), approved: Number(big.n) },
    section: sectionRows[0],
    sections: sectionRows,
    tag: String(tag.slug),
    author: String(author.slug),
    deskCursor: `${mid.created_at}:${mid.id}`,
  };
}

// --- Server actions, posted as a browser without JavaScript would -----------------------------

const multipartHeaders = formHeaders(BASE);

let addressCounter = 0;
/** A fresh client address per request (TRUST_PROXY=true believes X-Forwarded-For from loopback). */
const nextAddress = () => {
  const n = ++addressCounter + 1000;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

function replyFields(replyActionId: string, articleId: number, n: number, parentId = ''): Record<string, string> {
  return {
    ...stateFields(replyActionId),
    articleId: String(articleId),
    parentId,
    comment: `Benchmark reply ${RUN}-${n}: the ferry timetable still needs work after the rebuild.`,
    name: `Bench Reader ${n}`,
    email: `bench-${RUN}-${n}@example.net`,
    website: '',
    company: '',
    startedAt: '',
  };
}

// --- Measuring -----------------------------------------------------------------------------------

type Scenario = {
  name: string;
  /** A fixed path, or a function giving each request's path (distinct pages for cold renders). */
  path: string | (() => string);
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: () => { body: string; headers: Record<string, string> };
  /** Skip the 32-connection or the 1-connection run. */
  throughput?: boolean;
  latency?: boolean;
  note?: string;
};

type Row = {
  name: string;
  path: string;
  rps: number | null;
  p50: number | null;
  p99: number | null;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  latency1: { p50: number; p99: number; rps: number; non2xx: number; statusCodes: Record<string, number> } | null;
  note?: string;
};

async function run(s: Scenario, connections: number, duration: number): Promise<Result> {
  const request = {
    method: s.method ?? 'GET',
    headers: s.headers,
    setupRequest: (req: { path?: string; headers?: Record<string, string>; body?: string | Buffer }) => {
      const path = typeof s.path === 'string' ? s.path : s.path();
      if (!s.body) return { ...req, path };
      const { body, headers } = s.body();
      return { ...req, path, body, headers: { ...req.headers, ...headers } };
    },
  };
  return autocannon({ url: BASE, connections, duration, timeout: 30, requests: [request] });
}

/** Lets the server finish what the last run left in flight before the next one starts. */
async function settle() {
  await new Promise((r) => setTimeout(r, 1500));
  await fetch(`${BASE}/robots.txt`)
    .then((r) => r.arrayBuffer())
    .catch(() => {});
}

const codes = (r: Result) => Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));

async function measure(s: Scenario): Promise<Row> {
  const display = typeof s.path === 'string' ? s.path : `${s.path()} …`;
  const row: Row = { name: s.name, path: display, rps: null, p50: null, p99: null, errors: 0, non2xx: 0, statusCodes: {}, latency1: null, note: s.note };
  if (s.throughput !== false) {
    const r = await run(s, CONNECTIONS, DURATION);
    await settle();
    Object.assign(row, {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      statusCodes: codes(r),
    });
  }
  if (s.latency !== false) {
    const r = await run(s, 1, LATENCY_DURATION);
    await settle();
    row.latency1 = { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx, statusCodes: codes(r) };
    if (s.throughput === false) Object.assign(row, { errors: r.errors + r.timeouts, non2xx: r.non2xx, statusCodes: codes(r) });
  }
  const l1 = row.latency1 ? `1 conn p50 ${row.latency1.p50} ms` : '';
  log(
    `${s.name.padEnd(34)} ${row.rps !== null ? `${row.rps.toFixed(0)} req/s p50 ${row.p50} p99 ${row.p99} ms` : ''} ${l1} ${JSON.stringify(row.statusCodes)}`,
  );
  return row;
}

// --- The standard article (issue 19) --------------------------------------------------------------

type Lighthouse = { runs: LighthouseFigures[]; median: Record<string, number | null> } | null;
type StandardServerResult = {
  label: string;
  dist: string;
  weight: PageWeight;
  rounds: LoadRound[];
  load: LoadRound;
  peakRssBytes: number;
  lighthouse: Lighthouse;
};
type StandardResult = {
  when: string;
  article: { wxr: string; path: string; replies: number };
  tool: string;
  connections: number;
  duration: number;
  servers: StandardServerResult[];
  /** The fixture's cached article, measured in the same rounds (the full run only). */
  fixtureArticle: { path: string; weight: PageWeight; rounds: LoadRound[]; load: LoadRound } | null;
  /** --compare: the same article served by other systems. */
  compare: { url: string; weight: PageWeight; rounds: LoadRound[]; load: LoadRound; lighthouse: Lighthouse }[];
  loadAverage: { start: string; end: string };
};

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function warm(base: string, pagePath: string) {
  for (let i = 0; i < 3; i++) await fetch(new URL(pagePath, base)).then((r) => r.arrayBuffer());
  await load(new URL(pagePath, base).href, 8, 3);
}

function medianFigures(runs: LighthouseFigures[]): Record<string, number | null> {
  const keys = ['score', 'lcp', 'fcp', 'tbt', 'speedIndex', 'cls', 'scripts', 'scriptBytes', 'totalBytes'] as const;
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]).filter((v): v is number => v !== null))]));
}

/**
 * Imports the standard article into a fresh temporary database, serves it from each build folder in
 * --dist (ports PORT+1…), and measures it: page weight, then `--rounds` rounds of wrk, each round every
 * standard server and then (full run) the fixture's cached article in turn, then Lighthouse.
 */
async function benchStandard(fixturePath: string | null, fixture: BenchServer | null): Promise<StandardResult> {
  const start = loadavg();
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-standard-'));
  const servers: BenchServer[] = [];
  try {
    log(`standard article: importing ${args.wxr} into ${dir}`);
    const prepared = prepareStandardDb(args.wxr, dir, PORT + 1);
    const article = await standardArticlePath(prepared.db);
    for (const [i, dist] of DISTS.entries())
      servers.push(
        await startServer({
          label: DISTS.length > 1 ? `standard ${dist}` : 'standard',
          port: PORT + 1 + i,
          db: prepared.db,
          dist,
          env: { DATA_DIR: prepared.dataDir },
          logFile: path.join(LOG_DIR, `standard-${i}.log`),
          log,
        }),
      );
    const url = (s: BenchServer) => new URL(article.path, s.base).href;
    for (const s of servers) await warm(s.base, article.path);
    if (fixture && fixturePath) await warm(fixture.base, fixturePath);

    const weights: PageWeight[] = [];
    for (const s of servers) {
      const w = await pageWeight(s.base, article.path);
      weights.push(w);
      log(
        `${s.label} ${article.path}: ${w.status}, HTML ${w.htmlBytes} B (${w.htmlEncoding ?? 'uncompressed'} ${w.htmlWire} B, gzip -9 ${w.htmlGzip9} B), RSC ${w.rscBytes} B (${(w.rscShare * 100).toFixed(0)}%), ${w.scripts} scripts ${w.jsBytes} B (gzip -9 ${w.jsGzip9} B)`,
      );
    }
    const fixtureWeight = fixture && fixturePath ? await pageWeight(fixture.base, fixturePath) : null;
    const compareUrls = (args.compare ?? '').split(',').filter(Boolean);
    const compareWeights: PageWeight[] = [];
    for (const u of compareUrls) {
      await warm(new URL(u).origin, u);
      compareWeights.push(await pageWeight(new URL(u).origin, u));
    }
    const compareRounds: LoadRound[][] = compareUrls.map(() => []);

    const rounds: LoadRound[][] = servers.map(() => []);
    const fixtureRounds: LoadRound[] = [];
    let tool = '';
    for (let r = 1; r <= ROUNDS; r++) {
      for (const [i, s] of servers.entries()) {
        const result = await load(url(s), CONNECTIONS, DURATION);
        tool = result.tool;
        rounds[i].push(result);
        log(`round ${r} ${s.label}: ${result.rps.toFixed(0)} req/s p50 ${result.p50} p99 ${result.p99} ms (${result.tool}, load ${loadavg()})`);
        await pause(1500);
      }
      for (const [j, u] of compareUrls.entries()) {
        const result = await load(u, CONNECTIONS, DURATION);
        compareRounds[j].push(result);
        log(`round ${r} ${u}: ${result.rps.toFixed(0)} req/s p50 ${result.p50} p99 ${result.p99} ms`);
        await pause(1500);
      }
      if (fixture && fixturePath) {
        const result = await load(new URL(fixturePath, fixture.base).href, CONNECTIONS, DURATION);
        fixtureRounds.push(result);
        log(`round ${r} fixture article: ${result.rps.toFixed(0)} req/s p50 ${result.p50} p99 ${result.p99} ms`);
        await pause(1500);
      }
    }
    if (tool === 'autocannon') log('note: wrk is missing (apt-get install wrk); autocannon measured instead, which tops out lower');

    // One list over the servers and the --compare addresses, interleaved run by run.
    const lhTargets = [...servers.map((s) => ({ label: s.label, url: url(s) })), ...compareUrls.map((u) => ({ label: u, url: u }))];
    const lighthouse: LighthouseFigures[][] = lhTargets.map(() => []);
    if (args.lighthouse) {
      for (let run = 1; run <= Number(args['lighthouse-runs']); run++)
        for (const [i, t] of lhTargets.entries()) {
          const f = await runLighthouse(t.url);
          lighthouse[i].push(f);
          log(
            `lighthouse ${run} ${t.label}: score ${f.score} LCP ${f.lcp?.toFixed(0)} FCP ${f.fcp?.toFixed(0)} TBT ${f.tbt?.toFixed(0)} ms (load ${loadavg()})`,
          );
        }
    }
    const lhResult = (i: number): Lighthouse => (args.lighthouse ? { runs: lighthouse[i], median: medianFigures(lighthouse[i]) } : null);
    for (const s of servers) s.stop();
    return {
      when: new Date().toISOString(),
      article: { wxr: args.wxr, ...article },
      tool,
      connections: CONNECTIONS,
      duration: DURATION,
      servers: servers.map((s, i) => ({
        label: s.label,
        dist: s.dist,
        weight: weights[i],
        rounds: rounds[i],
        load: medianRound(rounds[i]),
        peakRssBytes: s.peakRss(),
        lighthouse: lhResult(i),
      })),
      compare: compareUrls.map((u, j) => ({
        url: u,
        weight: compareWeights[j],
        rounds: compareRounds[j],
        load: medianRound(compareRounds[j]),
        lighthouse: lhResult(servers.length + j),
      })),
      fixtureArticle:
        fixtureWeight && fixturePath ? { path: fixturePath, weight: fixtureWeight, rounds: fixtureRounds, load: medianRound(fixtureRounds) } : null,
      loadAverage: { start, end: loadavg() },
    };
  } finally {
    for (const s of servers) s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The standard article's row(s) next to the fixture article's; Lighthouse's medians when it ran. */
function printStandard(st: StandardResult, fixturePeakRss: number | null) {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const row = (name: string, l: LoadRound, w: PageWeight, rss: number | null) =>
    `| ${name} | ${l.rps.toFixed(0)} | ${l.p50.toFixed(0)} | ${l.p99.toFixed(0)} | ${kb(w.htmlBytes)} | ${kb(w.htmlGzip9)} | ${kb(w.rscBytes)} (${(w.rscShare * 100).toFixed(0)}%) | ${w.scripts} (${kb(w.jsGzip9)}) | ${rss ? `${(rss / 2 ** 20).toFixed(0)} MiB` : '—'} |`;
  const lines = [
    `Medians of ${st.servers[0]?.rounds.length ?? 0} interleaved rounds, ${st.tool} ${st.connections} connections × ${st.duration} s; gzip -9; JS: scripts a current browser loads. Load average ${st.loadAverage.start} → ${st.loadAverage.end}.`,
    '',
    `| page | req/s | p50 ms | p99 ms | HTML | HTML gzip | inline RSC | JS files (gzip) | peak RSS |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...st.servers.map((s) => row(`${s.label} article, ${st.article.replies} replies`, s.load, s.weight, s.peakRssBytes)),
    ...(st.compare ?? []).map((c) => row(c.url, c.load, c.weight, null)),
    ...(st.fixtureArticle ? [row('fixture article (cached)', st.fixtureArticle.load, st.fixtureArticle.weight, fixturePeakRss)] : []),
  ];
  const lh = [
    ...st.servers.map((s) => ({ label: `${s.label} article`, lighthouse: s.lighthouse })),
    ...(st.compare ?? []).map((c) => ({ label: c.url, lighthouse: c.lighthouse })),
  ].filter((s) => s.lighthouse);
  if (lh.length) {
    const ms = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(0));
    lines.push(
      '',
      `Lighthouse ${lh[0].lighthouse!.runs.length}× (mobile preset, medians):`,
      '',
      '| page | score | LCP ms | FCP ms | TBT ms | Speed Index ms | JS transferred |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...lh.map((s) => {
        const m = s.lighthouse!.median;
        return `| ${s.label} | ${ms(m.score)} | ${ms(m.lcp)} | ${ms(m.fcp)} | ${ms(m.tbt)} | ${ms(m.speedIndex)} | ${m.scriptBytes ? kb(m.scriptBytes) : '—'} in ${ms(m.scripts)} |`;
      }),
    );
  }
  console.log('\n' + lines.join('\n') + '\n');
}

/** Writes bench/results.json, keeping what other runs wrote that this one did not measure. */
function writeResults(results: Record<string, unknown>) {
  mkdirSync('bench', { recursive: true });
  const earlier = existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>) : {};
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version, loadAverageAtEnd: loadavg() };
  // The standard article alone (--only standard) replaces only its own part.
  const next = results.rows
    ? { ...earlier, when: new Date().toISOString(), machine, ...results }
    : { ...earlier, standard: { ...(results.standard as object), machine } };
  writeFileSync('bench/results.json', JSON.stringify(next, null, 2) + '\n');
  log('wrote bench/results.json');
}

// --- Main ----------------------------------------------------------------------------------------

async function main() {
  if (args.stack)
    return benchStack({
      duration: DURATION,
      connections: CONNECTIONS,
      only,
      liveReaders: Number(args['live-readers']),
      liveDuration: Number(args['live-duration']),
    }).then(() => process.exit(0));
  for (const dist of DISTS) ensureBuild(dist, log);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130)); // 'exit' stops the servers
  const targets = wantFixture ? await findTargets() : null;
  if (targets) log(`targets: ${JSON.stringify(targets, (k, v) => (k === 'sections' ? undefined : v))}`);

  const server = targets
    ? await startServer({
        label: 'fixture',
        port: PORT,
        // Absolute: a build of another checkout (--dist /abs/.next-x) runs there.
        db: /^file:(?!\/)/.test(args.db) ? `file:${path.resolve(args.db.slice('file:'.length))}` : args.db,
        dist: DISTS[0],
        env: { TRUST_PROXY: 'true' },
        logFile: path.join(LOG_DIR, 'fixture.log'),
        log,
      })
    : null;
  const standard = wantStandard ? await benchStandard(server && targets ? `/articles/${targets.cachedArticle.slug}` : null, server) : null;
  if (!server || !targets) {
    if (standard) printStandard(standard, null);
    writeResults({ standard });
    process.exit(0);
  }
  const pid = server.pid;
  let peakRss = 0;
  const poll = setInterval(() => (peakRss = Math.max(peakRss, statusField(pid, 'VmRSS'))), 200);

  const replyAction = actionId('app/(site)/articles/[slug]/actions.ts', 'postReplyAction', DISTS[0]);
  const loginAction = actionId('app/(auth)/login/actions.ts', 'signInAction', DISTS[0]);
  const deskCookie = await signIn(BASE, loginAction, 'moderator@example.com', 'broadsheet-demo', { 'x-forwarded-for': nextAddress() });

  // A reader with a held reply on the 2,000-reply article gets its per-request variant (proxy.ts):
  // the uncached render of that page.
  const held = await fetch(`${BASE}/articles/${targets.bigArticle.slug}`, {
    method: 'POST',
    headers: { ...multipartHeaders, 'x-forwarded-for': nextAddress() },
    body: multipart(replyFields(replyAction, targets.bigArticle.id, 0)),
    redirect: 'manual',
  });
  const heldCookie = held.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (held.status !== 303 || !heldCookie) log(`warning: the held reply was not accepted (${held.status}); the uncached article row measures the cached page`);

  // Payload of the article page: HTML and every script a current browser loads (gzip). A `noModule`
  // script (Next's legacy polyfills, ~39 KB gzip) is fetched only by browsers without ES modules, so it
  // is counted apart.
  const articleHtml = await (await fetch(`${BASE}/articles/${targets.cachedArticle.slug}`)).text();
  const scriptTags = [...articleHtml.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => ({
    src: m[1].replace(/&amp;/g, '&'),
    legacyOnly: /\snoModule/i.test(m[0]),
  }));
  let jsRaw = 0;
  let jsGzip = 0;
  let legacyJsGzip = 0;
  const scripts = new Set<string>();
  for (const { src, legacyOnly } of scriptTags) {
    if (scripts.has(src)) continue;
    const buf = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    if (legacyOnly) {
      legacyJsGzip += gzipSync(buf).length;
      continue;
    }
    scripts.add(src);
    jsRaw += buf.length;
    jsGzip += gzipSync(buf).length;
  }
  const bigHtml = await (await fetch(`${BASE}/articles/${targets.bigArticle.slug}`)).text();
  const payload = {
    articleHtmlBytes: Buffer.byteLength(articleHtml),
    articleHtmlGzip: gzipSync(articleHtml).length,
    bigArticleHtmlBytes: Buffer.byteLength(bigHtml),
    bigArticleHtmlGzip: gzipSync(bigHtml).length,
    articleScripts: scripts.size,
    articleJsBytes: jsRaw,
    articleJsGzip: jsGzip,
    legacyNoModuleJsGzip: legacyJsGzip,
  };
  log(`payload: ${JSON.stringify(payload)}`);

  // Distinct section pages never requested before: each one a cold render (page 150 onwards).
  const coldPages: string[] = [];
  for (let p = 150; p < 600; p++) for (const s of targets.sections) if (p <= s.pages) coldPages.push(`/sections/${s.slug}?page=${p}`);
  let coldIndex = 0;
  const coldSection = () => coldPages[coldIndex++ % coldPages.length];

  let replyCounter = 0;
  const replyBody = () => ({
    body: multipart(replyFields(replyAction, targets.postArticle.id, ++replyCounter)),
    headers: { ...multipartHeaders, 'x-forwarded-for': nextAddress() },
  });
  const signInBody = () => ({
    body: multipart({ ...stateFields(loginAction), email: 'moderator@example.com', password: 'broadsheet-demo', callbackUrl: '/admin' }),
    headers: { ...multipartHeaders, 'x-forwarded-for': nextAddress() },
  });

  const sec = targets.section.slug;
  const scenarios: Scenario[] = [
    { name: 'home', path: '/' },
    { name: 'article (cached)', path: `/articles/${targets.cachedArticle.slug}` },
    { name: `article, ${targets.bigArticle.approved} replies (cached)`, path: `/articles/${targets.bigArticle.slug}` },
    {
      name: `article, ${targets.bigArticle.approved} replies (uncached)`,
      path: `/articles/${targets.bigArticle.slug}`,
      headers: { cookie: heldCookie },
      note: 'rendered per request: a reader with a held reply gets the dynamic variant',
    },
    { name: 'section page 1', path: `/sections/${sec}` },
    { name: 'section page 200 (cached)', path: `/sections/${sec}?page=200` },
    { name: 'section pages 150+ (cold)', path: coldSection, note: 'a different, never requested page each time' },
    { name: 'tag page', path: `/tags/${targets.tag}` },
    { name: 'author page', path: `/authors/${targets.author}` },
    { name: 'search: rare word', path: '/search?q=zeppelinfjord' },
    { name: 'search: common word', path: '/search?q=harbour' },
    { name: 'search: no result', path: '/search?q=xylophonequux' },
    { name: 'desk: pending page 1', path: '/admin/comments?status=pending', headers: { cookie: deskCookie } },
    { name: 'desk: pending deep page', path: `/admin/comments?status=pending&after=${targets.deskCursor}`, headers: { cookie: deskCookie } },
    { name: 'reply posting', path: `/articles/${targets.postArticle.slug}`, method: 'POST', body: replyBody, note: '303 = stored' },
    { name: 'sign-in', path: '/login', method: 'POST', body: signInBody, note: '303 = signed in' },
  ].filter((s) => !only || only.has(s.name.split(' ')[0]) || only.has(s.name)) as Scenario[];

  // Warm-up: every fixed address a few times (renders and caches it), and the JIT.
  for (const s of scenarios) {
    if (s.method === 'POST' || typeof s.path !== 'string') continue;
    for (let i = 0; i < 3; i++) await fetch(`${BASE}${s.path}`, { headers: s.headers, redirect: 'manual' }).then((r) => r.arrayBuffer());
  }
  await autocannon({ url: `${BASE}/`, connections: 8, duration: 3 });

  const rows: Row[] = [];
  let landed: { posted303: number; landed: number; lost: number; perSecond: number } | null = null; // perSecond: 303s per second at full concurrency
  for (const s of scenarios) {
    const before = replyCounter;
    const row = await measure(s);
    rows.push(row);
    if (s.name === 'reply posting') {
      const c = createClient({ url: args.db });
      const n = Number((await c.execute({ sql: 'SELECT count(*) AS n FROM replies WHERE author_email LIKE ?', args: [`bench-${RUN}-%`] })).rows[0].n) - 1; // minus the held one
      c.close();
      const total303 = (row.statusCodes['303'] ?? 0) + (row.latency1?.statusCodes['303'] ?? 0);
      landed = { posted303: total303, landed: n, lost: Math.max(0, total303 - n), perSecond: (row.statusCodes['303'] ?? 0) / DURATION };
      log(`reply posting: ${replyCounter - before} sent, ${n} rows landed, ${landed.lost} answered 303 without a row`);
    }
  }
  clearInterval(poll);
  const hwm = server.peakRss();
  const rss = { pid, peakRssBytes: Math.max(peakRss, hwm), polledPeakRssBytes: peakRss, vmHwmBytes: hwm };

  // The table.
  const fmt = (n: number | null | undefined, d = 0) => (n === null || n === undefined ? '—' : n.toFixed(d));
  const lines = [
    `| scenario | req/s (${CONNECTIONS} conn) | p50 ms | p99 ms | p50 ms (1 conn) | errors | non-2xx | status codes |`,
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.latency1?.p50)} | ${r.errors} | ${r.non2xx} | ${Object.entries(r.statusCodes)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')} |`,
    ),
  ];
  console.log('\n' + lines.join('\n') + '\n');
  if (landed)
    console.log(
      `reply posting: ${landed.posted303} answered 303, ${landed.landed} rows landed, ${landed.lost} lost; ${landed.perSecond.toFixed(0)} landed/s at ${CONNECTIONS} connections`,
    );
  console.log(
    `server peak RSS ${(rss.peakRssBytes / 2 ** 20).toFixed(0)} MiB (pid ${pid}); article page JS ${(payload.articleJsGzip / 1024).toFixed(1)} KiB gzip in ${payload.articleScripts} scripts, HTML ${(payload.articleHtmlBytes / 1024).toFixed(1)} KiB`,
  );

  if (standard) printStandard(standard, rss.peakRssBytes);
  writeResults({
    settings: { connections: CONNECTIONS, duration: DURATION, latencyDuration: LATENCY_DURATION, db: args.db, dist: DISTS[0] },
    targets: { ...targets, sections: undefined },
    rows,
    replyPosting: landed,
    rss,
    payload,
    ...(standard ? { standard } : {}),
  });
  server.stop();
  process.exit(0);
}

main().catch((err) => {
  console.error('[bench] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
