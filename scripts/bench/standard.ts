// The standard article (issue 19): ../shared/bench/article.wxr (591 words, 50 threaded replies), the
// article every system is compared on, imported into a fresh database as a reader would import it
// (scripts/db-prepare.ts with SEED_DEMO=false, then `npm run import:wxr -- FILE --no-media`).
import autocannon from 'autocannon';
import { createClient } from '@libsql/client';
import { existsSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { which } from '../stack/processes';
import { runWrk } from '../stack/wrk';
import { inlineRscPayload, median, pageScripts } from './page-weight';
import { runScript } from './server';

/** Imports the standard article into a new database in `dir`; returns its URL and data folder. */
export function prepareStandardDb(wxr: string, dir: string, port: number): { db: string; dataDir: string } {
  if (!existsSync(wxr)) throw new Error(`${wxr}: the standard article is missing (--wxr FILE)`);
  mkdirSync(dir, { recursive: true });
  const db = `file:${path.join(dir, 'site.db')}`;
  const dataDir = path.join(dir, 'data');
  // PORT: the address the importer tells to refresh; nothing listens there yet, which it accepts.
  const env = { ...process.env, DATABASE_URL: db, DATA_DIR: dataDir, SEED_DEMO: 'false', PORT: String(port) } as NodeJS.ProcessEnv;
  delete env.QUERY_LOG_FILE;
  runScript('scripts/db-prepare.ts', [], env);
  runScript('scripts/import-wxr.ts', [path.resolve(wxr), '--no-media'], env);
  return { db, dataDir };
}

/** The address of the one published article in the standard database. */
export async function standardArticlePath(db: string): Promise<{ path: string; replies: number }> {
  const c = createClient({ url: db });
  try {
    const row = (
      await c.execute(
        `SELECT a.slug, (SELECT count(*) FROM replies r WHERE r.article_id = a.id AND r.status = 'approved') AS n
         FROM articles a WHERE a.status = 'published' ORDER BY n DESC, a.id LIMIT 1`,
      )
    ).rows[0];
    if (!row) throw new Error(`${db}: no published article after the import`);
    return { path: `/articles/${row.slug}`, replies: Number(row.n) };
  } finally {
    c.close();
  }
}

/** One GET with `Accept-Encoding: gzip`, as a browser asks: the bytes on the wire and the decoded body. */
export function getGzip(url: string): Promise<{ status: number; wire: number; body: Buffer; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = (res.headers['content-encoding'] as string | undefined) ?? null;
        resolve({ status: res.statusCode ?? 0, wire: raw.length, body: encoding === 'gzip' ? gunzipSync(raw) : raw, encoding });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export type PageWeight = {
  status: number;
  htmlBytes: number;
  /** What the server sent with Accept-Encoding: gzip (its own compression level); raw if it did not compress. */
  htmlWire: number;
  htmlEncoding: string | null;
  /** gzip -9 of the HTML (zlib level 9), comparable across servers whatever they send. */
  htmlGzip9: number;
  rscBytes: number;
  rscScripts: number;
  /** The RSC payload's share of the raw HTML, 0–1. */
  rscShare: number;
  /** Scripts a current browser fetches (noModule ones apart): count, raw bytes, bytes on the wire, gzip -9. */
  scripts: number;
  jsBytes: number;
  jsWire: number;
  jsGzip9: number;
  scriptList: { src: string; bytes: number; wire: number; gzip9: number }[];
  noModuleScripts: number;
  noModuleGzip9: number;
};

export async function pageWeight(base: string, pagePath: string): Promise<PageWeight> {
  const page = await getGzip(new URL(pagePath, base).href);
  const html = page.body.toString('utf8');
  const rsc = inlineRscPayload(html);
  const { loaded, noModule } = pageScripts(html);
  const scriptList: PageWeight['scriptList'] = [];
  for (const src of loaded) {
    const r = await getGzip(new URL(src, base).href);
    scriptList.push({ src, bytes: r.body.length, wire: r.wire, gzip9: gzipSync(r.body, { level: 9 }).length });
  }
  let noModuleGzip9 = 0;
  for (const src of noModule) noModuleGzip9 += gzipSync((await getGzip(new URL(src, base).href)).body, { level: 9 }).length;
  const sum = (k: 'bytes' | 'wire' | 'gzip9') => scriptList.reduce((n, s) => n + s[k], 0);
  return {
    status: page.status,
    htmlBytes: page.body.length,
    htmlWire: page.wire,
    htmlEncoding: page.encoding,
    htmlGzip9: gzipSync(page.body, { level: 9 }).length,
    rscBytes: rsc.bytes,
    rscScripts: rsc.scripts,
    rscShare: page.body.length ? rsc.bytes / page.body.length : 0,
    scripts: scriptList.length,
    jsBytes: sum('bytes'),
    jsWire: sum('wire'),
    jsGzip9: sum('gzip9'),
    scriptList,
    noModuleScripts: noModule.length,
    noModuleGzip9,
  };
}

export type LoadRound = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** `connections` readers asking for `url` for `seconds`: Debian's wrk (2 threads), or autocannon when wrk is missing. */
export async function load(url: string, connections: number, seconds: number): Promise<LoadRound & { tool: 'wrk' | 'autocannon' }> {
  if (which('wrk')) {
    const r = await runWrk({ url, connections, threads: 2, durationSeconds: seconds, timeoutSeconds: 30 });
    return { tool: 'wrk', rps: r.rps, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
  }
  const r = await autocannon({ url, connections, duration: seconds, timeout: 30 });
  return { tool: 'autocannon', rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** Medians of the rounds, each figure on its own (as the table reports them). */
export function medianRound(rounds: LoadRound[]): LoadRound {
  const m = (k: keyof LoadRound) => median(rounds.map((r) => r[k])) ?? NaN;
  return { rps: m('rps'), p50: m('p50'), p99: m('p99'), errors: rounds.reduce((n, r) => n + r.errors, 0), non2xx: rounds.reduce((n, r) => n + r.non2xx, 0) };
}
