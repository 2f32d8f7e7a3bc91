import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { IncomingMessage, ServerResponse } from 'node:http';

// The one Prometheus registry of this process (served by /api/metrics). Server code only: it is loaded
// twice, by scripts/server.mjs (Node, type stripping) and by Next's own bundles of the route handlers,
// so the registry lives on globalThis and every copy of this module counts into the same one.
// Counts are per instance, since the process started: Prometheus adds instances up and sees restarts.

/** The jobs the server runs on its own timers (instrumentation.ts). */
export type Job = 'scheduler' | 'housekeeping' | 'mail';
export type JobOutcome = 'ok' | 'error';

type Metrics = {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  cache: Counter<'result'>;
  replies: Counter<'status'>;
  mail: Counter<'outcome'>;
  mailQueued: Gauge;
  mailOldestQueued: Gauge;
  queuePending: Gauge;
  queueOldest: Gauge;
  jobRuns: Counter<'job' | 'outcome'>;
  jobLastRun: Gauge<'job'>;
  /** When each job last ran in this process, and how (for /admin/system). */
  lastRuns: Map<Job, { at: Date; outcome: JobOutcome }>;
};

const KEY = Symbol.for('broadsheet.metrics');

function create(): Metrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_seconds, memory, CPU, handles and GC.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'broadsheet_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'broadsheet_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer finishing, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    cache: new Counter({
      name: 'broadsheet_cache_requests_total',
      help: "Pages answered from Next's page cache (hit, stale) or rendered for it (miss), as its x-nextjs-cache header says.",
      labelNames: ['result'],
      registers,
    }),
    replies: new Counter({
      name: 'broadsheet_replies_posted_total',
      help: 'Reader replies posted, by the status they got.',
      labelNames: ['status'],
      registers,
    }),
    mail: new Counter({
      name: 'broadsheet_mail_total',
      help: 'Mail send attempts by this instance, by outcome (sent, failed).',
      labelNames: ['outcome'],
      registers,
    }),
    mailQueued: new Gauge({ name: 'broadsheet_mail_queued', help: 'Mail waiting to be sent (read at scrape time).', registers }),
    mailOldestQueued: new Gauge({
      name: 'broadsheet_mail_oldest_queued_seconds',
      help: 'Age of the oldest mail still waiting to be sent, 0 when none (read at scrape time).',
      registers,
    }),
    queuePending: new Gauge({ name: 'broadsheet_moderation_queue_size', help: 'Replies waiting for a moderator (read at scrape time).', registers }),
    queueOldest: new Gauge({
      name: 'broadsheet_moderation_queue_oldest_seconds',
      help: 'Age of the oldest reply waiting for a moderator, 0 when none (read at scrape time).',
      registers,
    }),
    jobRuns: new Counter({
      name: 'broadsheet_job_runs_total',
      help: 'Runs of the scheduler, housekeeping and mail jobs on this instance, by outcome.',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    jobLastRun: new Gauge({
      name: 'broadsheet_job_last_run_timestamp_seconds',
      help: 'When each job last ran on this instance.',
      labelNames: ['job'],
      registers,
    }),
    lastRuns: new Map(),
  };
}

export function metrics(): Metrics {
  const global = globalThis as { [KEY]?: Metrics };
  return (global[KEY] ??= create());
}

/** The Prometheus content type of metricsText(). */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function metricsText(): Promise<string> {
  return metrics().registry.metrics();
}

// Route templates, most specific first: every address maps onto one of these or 'other', so a
// crawler that tries a million addresses adds no label values.
const SEGMENT = '[^/]+';
const TEMPLATES: [RegExp, string][] = [
  ['/', '/'],
  ['/_next/static/*', '/_next/static'],
  ['/_next/image', '/_next/image'],
  ['/_next/*', '/_next/other'],
  ['/api/auth/*', '/api/auth/[...nextauth]'],
  ['/api/health/live', '/api/health/live'],
  ['/api/health/ready', '/api/health/ready'],
  ['/api/housekeeping', '/api/housekeeping'],
  ['/api/mail-queue', '/api/mail-queue'],
  ['/api/metrics', '/api/metrics'],
  ['/api/publish-due', '/api/publish-due'],
  ['/api/revalidate', '/api/revalidate'],
  ['/media/*', '/media/[...path]'],
  ['/brand/*', '/brand/[file]'],
  ['/articles/[slug]', '/articles/[slug]'],
  ['/articles/[slug]/card.png', '/articles/[slug]/card.png'],
  ['/articles/[slug]/opengraph-image', '/articles/[slug]/opengraph-image'],
  ['/articles/[slug]/comments/[page]', '/articles/[slug]/comments/[page]'],
  ['/articles/[slug]/held', '/articles/[slug]/held'],
  ['/articles/[slug]/reply/[parentId]', '/articles/[slug]/reply/[parentId]'],
  ['/articles/[slug]/report/[replyId]', '/articles/[slug]/report/[replyId]'],
  ...['sections', 'tags', 'authors'].flatMap((kind): [string, string][] => [
    [`/${kind}/[slug]`, `/${kind}/[slug]`],
    [`/${kind}/[slug]/page/[page]`, `/${kind}/[slug]/page/[page]`],
    [`/${kind}/[slug]/feed.xml`, `/${kind}/[slug]/feed.xml`],
  ]),
  ['/front/[page]', '/front/[page]'],
  ['/search', '/search'],
  ['/login', '/login'],
  ['/unsubscribe', '/unsubscribe'],
  ['/feed.xml', '/feed.xml'],
  ['/corrections/feed.xml', '/corrections/feed.xml'],
  ['/sitemap.xml', '/sitemap.xml'],
  ['/news-sitemap.xml', '/news-sitemap.xml'],
  ['/sitemaps/[file]', '/sitemaps/[file]'],
  ['/robots.txt', '/robots.txt'],
  ['/favicon.ico', '/favicon.ico'],
  ['/admin', '/admin'],
  ['/admin/articles', '/admin/articles'],
  ['/admin/articles/new', '/admin/articles/new'],
  ['/admin/articles/[id]', '/admin/articles/[id]'],
  ['/admin/articles/[id]/revisions/compare', '/admin/articles/[id]/revisions/compare'],
  ['/admin/articles/[id]/revisions/[revisionId]', '/admin/articles/[id]/revisions/[revisionId]'],
  ['/admin/comments', '/admin/comments'],
  ['/admin/comments/commenter', '/admin/comments/commenter'],
  ['/admin/comments/export', '/admin/comments/export'],
  ['/admin/profile', '/admin/profile'],
  ['/admin/sections', '/admin/sections'],
  ['/admin/settings', '/admin/settings'],
  ['/admin/system', '/admin/system'],
  ['/admin/users', '/admin/users'],
].map(([pattern, template]) => {
  const source = pattern
    .split('/')
    .map((part) => (part === '*' ? '.+' : part.startsWith('[') ? SEGMENT : part.replace(/[.]/g, '\\.')))
    .join('/');
  return [new RegExp(`^${source}$`), template];
});

/** The bounded route label of a request target ('other' for anything no route answers). */
export function routeTemplate(target: string): string {
  let path = target.split('?', 1)[0].split('#', 1)[0];
  if (path.length > 1) path = path.replace(/\/+$/, '');
  // /articles/old-slug and /articles/new-slug both land here; an old WordPress permalink is 'other'.
  for (const [pattern, template] of TEMPLATES) if (pattern.test(path)) return template;
  return 'other';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Counts one answered request; the status is read when the response closes. */
export function recordRequest(method: string | undefined, target: string, status: number, seconds: number, cacheHeader?: unknown) {
  const m = metrics();
  const labels = { method: method && METHODS.has(method) ? method : 'other', route: routeTemplate(target), status: String(status) };
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
  const result = typeof cacheHeader === 'string' ? cacheHeader.toLowerCase() : '';
  if (result === 'hit' || result === 'stale' || result === 'miss' || result === 'revalidated') m.cache.inc({ result });
}

/**
 * scripts/server.mjs's hook: times a request from arrival until its answer is written (or the client
 * went away) and counts it by route template and status.
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse) {
  res.once('close', startRequestMetrics(req, res));
}

/** observeRequest's work without the listener: returns what to call once the response has closed (scripts/server.mjs shares one listener). */
export function startRequestMetrics(req: IncomingMessage, res: ServerResponse): () => void {
  const start = process.hrtime.bigint();
  return () => {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    recordRequest(req.method, req.url ?? '/', res.statusCode, seconds, res.getHeader('x-nextjs-cache'));
  };
}

export function countReply(status: 'approved' | 'pending' | 'spam' | string) {
  metrics().replies.inc({ status });
}

export function countMail(outcome: 'sent' | 'failed', n = 1) {
  if (n > 0) metrics().mail.inc({ outcome }, n);
}

/** Records one run of a timer job (the route handlers call this). */
export function recordJobRun(job: Job, outcome: JobOutcome, at = new Date()) {
  const m = metrics();
  m.jobRuns.inc({ job, outcome });
  m.jobLastRun.set({ job }, at.getTime() / 1000);
  m.lastRuns.set(job, { at, outcome });
}

/** Runs a job's work and records the run, whichever way it ends. */
export async function withJobRun<T>(job: Job, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    recordJobRun(job, 'ok');
    return result;
  } catch (err) {
    recordJobRun(job, 'error');
    throw err;
  }
}

export function lastJobRuns(): ReadonlyMap<Job, { at: Date; outcome: JobOutcome }> {
  return metrics().lastRuns;
}

/** Sets the gauges read from the database at scrape time. Ages in seconds, 0 when nothing waits. */
export function setQueueGauges(q: { pending: number; oldestPendingAt: Date | null; mailQueued: number; oldestMailAt: Date | null }, now = Date.now()) {
  const m = metrics();
  const age = (at: Date | null) => (at ? Math.max(0, (now - at.getTime()) / 1000) : 0);
  m.queuePending.set(q.pending);
  m.queueOldest.set(age(q.oldestPendingAt));
  m.mailQueued.set(q.mailQueued);
  m.mailOldestQueued.set(age(q.oldestMailAt));
}
