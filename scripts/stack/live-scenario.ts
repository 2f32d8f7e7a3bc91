import { type Client } from '@libsql/client';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { decodeFormResult, FORM_RESULT_COOKIE, FORM_RESULT_PARAM } from '../../lib/form-result';
import { multipart, multipartHeaders, stateFields } from '../server-actions';
import { percentile, pollingReadersLua, runWrk, type WrkResult } from './wrk';

// The live scenario of `npm run bench -- --stack` (issue 18, item 7): a live article, thousands of
// readers polling its poll route (GET /api/articles/{id}/live?u=N&c=0) at the island's interval, and an
// editor posting an update every 10 s. It measures how long after "Post update" a reader's poll first
// answers with the update, how many of the polls reached the app instances, and errors.

export type LiveArticle = { id: number; slug: string; latestAtStart: number };

/** "Post update": resolves to the number the update took (per article: 1, 2, 3 …). */
export type PostUpdate = (article: LiveArticle) => Promise<number>;

/** The poll route's answer (the "poll" helper's contract). */
export type PollAnswer = { updates: { latest: number; count: number }; comments: { latest: number; count: number } };

export const pollPath = (articleId: number, u: number) => `/api/articles/${articleId}/live?u=${u}&c=0`;

/** Turns the newest published article live (the page a breaking story would be) and returns it. */
export async function makeArticleLive(db: Client): Promise<LiveArticle> {
  const { rows } = await db.execute({
    sql: "SELECT id, slug FROM articles WHERE status = 'published' AND published_at <= ? AND comments_open = 1 ORDER BY published_at DESC LIMIT 1",
    args: [Date.now()],
  });
  if (!rows[0]) throw new Error('the stack database has no published article');
  const id = Number(rows[0].id);
  await db.execute({ sql: 'UPDATE articles SET live_started_at = ?, live_ended_at = NULL WHERE id = ?', args: [Date.now(), id] });
  const latest = await db.execute({ sql: 'SELECT coalesce(max(number), 0) AS n FROM live_updates WHERE article_id = ?', args: [id] });
  return { id, slug: String(rows[0].slug), latestAtStart: Number(latest.rows[0].n) };
}

/** The composer's action (app/admin/articles/[id]/live/actions.ts) and the composer's address. */
export const POST_ACTION = { file: 'app/admin/articles/[id]/live/actions.ts', name: 'postLiveUpdateAction' } as const;
export const composerPath = (articleId: number) => `/admin/articles/${articleId}/live`;

/** The number in the composer's answer "Update N posted." (null: not posted). */
export function postedNumber(message: string | undefined): number | null {
  const m = /^Update (\d+) posted\.$/.exec(message ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * The composer's answer to a post without JavaScript: the action keeps its state in the form-result
 * cookie and answers 303 back to the composer with the answer's mark (lib/form-result.ts reads both).
 */
export function composerAnswer(response: Response): { status?: string; message?: string } {
  const raw = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${FORM_RESULT_COOKIE}=`));
  const location = response.headers.get('location');
  const mark = location ? (new URL(location, 'http://site').searchParams.get(FORM_RESULT_PARAM) ?? undefined) : undefined;
  return decodeFormResult(raw?.slice(FORM_RESULT_COOKIE.length + 1), mark)?.state ?? {};
}

/**
 * "Post update" as the composer posts it: its server action (postLiveUpdateAction) as a form without
 * JavaScript, signed in as an editor (`cookie`), at `baseUrl`, with the Origin server actions check. The
 * action numbers the update itself (the next one); the number comes back in its answer.
 */
export function postThroughAction({ baseUrl, cookie, actionId }: { baseUrl: string; cookie: string; actionId: string }): PostUpdate {
  let posts = 0;
  return async (article) => {
    const response = await fetch(`${baseUrl}${composerPath(article.id)}`, {
      method: 'POST',
      headers: { ...multipartHeaders(baseUrl), cookie },
      body: multipart({
        ...stateFields(actionId),
        articleId: String(article.id),
        body: `Bench update: what happened at ${new Date().toISOString()}.`,
        imageAlt: '',
        ...(++posts % 3 === 0 ? { keyEvent: 'on' } : {}), // every third a key event
      }),
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    const answer = composerAnswer(response);
    const number = postedNumber(answer.message);
    if (response.status !== 303 || number === null)
      throw new Error(`the composer's action answered ${response.status}${answer.message ? `: ${answer.message}` : ' without an answer'}`);
    return number;
  };
}

export type ProbeDelays = { samples: number; p50: number; p95: number; max: number; missed: number };

/** Seconds from each post to each probe's first answer with it; `missed`: posts a probe never saw. */
export function delaysFrom(posts: ReadonlyMap<number, number>, seen: readonly ReadonlyMap<number, number>[]): ProbeDelays {
  const delays: number[] = [];
  let missed = 0;
  for (const [number, postedAt] of posts) {
    for (const probe of seen) {
      const at = probe.get(number);
      if (at === undefined) missed++;
      else delays.push((at - postedAt) / 1000);
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return { samples: delays.length, p50: round(percentile(delays, 50)), p95: round(percentile(delays, 95)), max: round(Math.max(...delays)), missed };
}

/**
 * One poller: asks every `intervalMs` from `phaseMs` on until `signal`, and notes when an answer first
 * carried each update number (an answer with latest = 7 carries 1 … 7 that it had not seen yet).
 */
async function probe(url: string, intervalMs: number, phaseMs: number, signal: AbortSignal, seen: Map<number, number>, errors: { n: number }) {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await sleep(phaseMs);
  let known: number | null = null;
  while (!signal.aborted) {
    const started = Date.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      const answer = (await response.json()) as PollAnswer;
      if (!response.ok) errors.n++;
      const latest = answer.updates?.latest ?? 0;
      known ??= latest; // what the page had when this reader opened it
      for (let n = known + 1; n <= latest; n++) if (!seen.has(n)) seen.set(n, Date.now());
      known = Math.max(known, latest);
    } catch {
      errors.n++;
    }
    await sleep(Math.max(0, intervalMs - (Date.now() - started)));
  }
}

/** The lines a log gained since byte `from` (a log of a long-running stack can outgrow a string). */
export function linesSince(file: string, from: number): string[] {
  if (!existsSync(file)) return [];
  const length = Math.max(0, statSync(file).size - from);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, from + read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8').split('\n');
  } finally {
    closeSync(fd);
  }
}

/** Requests for `pathname` an app instance logged (scripts/server.mjs logs one JSON line a request) since byte `from`. */
export function requestsInAppLog(logFile: string, from: number, pathname: string): number {
  let n = 0;
  for (const line of linesSince(logFile, from)) if (line.includes(`"route":"${pathname}"`)) n++;
  return n;
}

/** Requests for `pathPrefix` in nginx's access log since byte `from`, by upstream address and by cache status. */
export function pollsInAccessLog(
  logFile: string,
  from: number,
  pathPrefix: string,
): { byUpstream: Record<string, number>; byCache: Record<string, number>; total: number } {
  const byUpstream: Record<string, number> = {};
  const byCache: Record<string, number> = {};
  let total = 0;
  for (const line of linesSince(logFile, from)) {
    if (!line.includes(`"GET ${pathPrefix}`)) continue;
    total++;
    const cache = /cache=(\S*)/.exec(line)?.[1] || '-';
    byCache[cache] = (byCache[cache] ?? 0) + 1;
    // "a, b" when nginx tried a second instance; each was asked.
    for (const addr of (/upstream=(.*?) \d+\.\d+$/.exec(line)?.[1] ?? '-').split(/,\s*/)) {
      if (addr === '-' || addr === '') continue;
      byUpstream[addr] = (byUpstream[addr] ?? 0) + 1;
    }
  }
  return { byUpstream, byCache, total };
}

export type LiveRun = {
  target: string;
  readers: number;
  intervalSeconds: number;
  postEverySeconds: number;
  durationSeconds: number;
  updatesPosted: number;
  postMs: { p50: number; max: number };
  /** Posts that failed (no "Update N posted." in the answer); the next post tries again. */
  postErrors: number;
  /** Probe pollers at the readers' interval, phase-shifted across it. */
  reader: ProbeDelays & { probes: number };
  /** One poller asking every 250 ms: how fast an update can show at all. */
  tight: ProbeDelays;
  load: WrkResult;
  /** Poll requests per second that reached each app instance (counted in its log). */
  appRequestsPerSecond: Record<string, number>;
  nginxCache?: Record<string, number>;
  probeErrors: number;
};

/**
 * Runs readers (wrk, one connection per reader) and probes against `baseUrl` for `durationSeconds`
 * while `post` adds an update every `postEveryMs`; the probes keep polling one interval after the
 * last post so every update can be seen.
 */
export async function runLiveScenario(o: {
  target: string;
  baseUrl: string;
  article: LiveArticle;
  post: PostUpdate;
  readers: number;
  intervalMs: number;
  postEveryMs: number;
  durationSeconds: number;
  probes: number;
  /** nginx's access log, for its cache statuses (absent: no nginx in front). */
  accessLog?: string;
  /** The app instances' logs, to count the polls that reached each one. */
  appLogs: { name: string; file: string }[];
  log: (line: string) => void;
}): Promise<LiveRun> {
  const { article } = o;
  const url = `${o.baseUrl}${pollPath(article.id, article.latestAtStart)}`;
  const first = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!first.ok) throw new Error(`${url} answered ${first.status}: is the poll route (app/api/articles/[id]/live) in this build?`);
  await first.arrayBuffer();
  const logFrom = o.accessLog && existsSync(o.accessLog) ? statSync(o.accessLog).size : 0;
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const appLogFrom = o.appLogs.map((a) => size(a.file));
  const windowStart = Date.now();

  const threads = 2;
  // Through nginx readers keep their connection (nginx keeps idle ones 75 s); a Node server closes an
  // idle one after 5 s, which wrk counts as a read error, so there each poll opens its own, as a
  // browser's would after 12 s.
  const readers = runWrk({
    url,
    connections: o.readers,
    threads,
    durationSeconds: o.durationSeconds,
    lua: pollingReadersLua(o.intervalMs, Math.ceil(o.readers / threads)),
    headers: o.accessLog ? {} : { connection: 'close' },
  });

  const stop = new AbortController();
  const seen = Array.from({ length: o.probes }, () => new Map<number, number>());
  const tightSeen = new Map<number, number>();
  const errors = { n: 0 };
  const probes = [
    ...seen.map((s, i) => probe(url, o.intervalMs, (i * o.intervalMs) / o.probes, stop.signal, s, errors)),
    probe(url, 250, 0, stop.signal, tightSeen, errors),
  ];

  // Posts from one interval in (every reader has asked once) until one interval before the end.
  const posts = new Map<number, number>();
  const postMs: number[] = [];
  let postErrors = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const started = Date.now();
  await sleep(o.intervalMs);
  let number = article.latestAtStart;
  while (Date.now() - started < o.durationSeconds * 1000 - o.intervalMs - 3000) {
    const at = Date.now();
    try {
      const posted = await o.post(article);
      // The action takes the next number itself; one that an earlier, failed-looking post took is skipped.
      if (posted !== number + 1) o.log(`the action numbered this update ${posted}, not ${number + 1}`);
      number = posted;
      posts.set(number, at);
      postMs.push(Date.now() - at);
      o.log(`posted update ${number} (${Date.now() - at} ms)`);
    } catch (err) {
      // An overloaded instance may refuse the editor too: counted, and the next post tries again.
      postErrors++;
      o.log(
        `posting failed after ${Date.now() - at} ms: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`,
      );
    }
    await sleep(Math.max(0, o.postEveryMs - (Date.now() - at)));
  }
  article.latestAtStart = number; // the next run starts from here
  const load = await readers;
  const windowSeconds = (Date.now() - windowStart) / 1000;
  stop.abort();
  await Promise.all(probes);

  await sleep(1500); // nginx flushes its log buffer every second
  const pollPrefix = `/api/articles/${article.id}/live`;
  const appRequestsPerSecond = Object.fromEntries(
    o.appLogs.map((a, i) => [a.name, Math.round((requestsInAppLog(a.file, appLogFrom[i], pollPrefix) / windowSeconds) * 100) / 100]),
  );
  const nginxCache = o.accessLog ? pollsInAccessLog(o.accessLog, logFrom, pollPrefix).byCache : undefined;
  return {
    target: o.target,
    readers: o.readers,
    intervalSeconds: o.intervalMs / 1000,
    postEverySeconds: o.postEveryMs / 1000,
    durationSeconds: o.durationSeconds,
    updatesPosted: posts.size,
    postMs: { p50: percentile(postMs, 50), max: Math.max(...postMs) },
    postErrors,
    reader: { ...delaysFrom(posts, seen), probes: o.probes },
    tight: delaysFrom(posts, [tightSeen]),
    load,
    appRequestsPerSecond,
    nginxCache,
    probeErrors: errors.n,
  };
}
