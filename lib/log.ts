import { randomUUID } from 'node:crypto';
import { pino, stdSerializers, type DestinationStream, type Level, type Logger } from 'pino';

// The one logger (server only: it writes to the process's stdout). JSON lines, one per event, for a log
// collector; `pino-pretty` makes them readable under `next dev`. LOG_LEVEL sets how much (default info).
// scripts/server.mjs loads this file with Node's own type stripping (hence plain TypeScript, imports
// with their extension); Next bundles its own copy for the app. Both write whole lines to stdout.
//
// Never logged, whatever a caller passes: emails, client addresses, passwords, secrets and cookies,
// and the text of a reply. The names below are blanked at any depth (redact()), and an error's message
// and stack lose the parameters a failed query prints (drizzle's "params: …") and any email.

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Field names whose value never reaches a log line. */
export const REDACTED_KEYS = [
  'email',
  'emails',
  'to',
  'from',
  'replyTo',
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'secret',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
  'ip',
  'address',
  'clientAddress',
  'remoteAddress',
  'x-forwarded-for',
  'x-real-ip',
  'body',
  'text',
  'html',
  'replyText',
  'params',
] as const;

const CENSOR = '[redacted]';
const REDACTED = new Set<string>(REDACTED_KEYS.map((k) => k.toLowerCase()));
const MAX_DEPTH = 6;

/**
 * A copy of a log call's object with every REDACTED_KEYS field blanked, at any depth (up to six plain
 * objects or arrays down). pino's own `redact` was measured at 120 µs a line with wildcard paths this
 * deep; walking the (small) object by hand costs well under a microsecond. Errors are left to the err
 * serializer; class instances other than plain objects and arrays are kept as they are.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = REDACTED.has(key.toLowerCase()) ? CENSOR : redact(v, depth + 1);
  return out;
}

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;

/** An error's own words, minus what a failed query appends (its parameters: emails, reply texts). */
export function scrubErrorText(text: string): string {
  return text.replace(/\n?params: .*$/gm, '').replace(EMAIL, CENSOR);
}

function errSerializer(err: unknown) {
  if (!(err instanceof Error)) return err;
  const out = stdSerializers.err(err) as unknown as Record<string, unknown>;
  if (typeof out.message === 'string') out.message = scrubErrorText(out.message);
  if (typeof out.stack === 'string') out.stack = scrubErrorText(out.stack);
  // A driver error's copy of the statement and its values.
  delete out.params;
  delete out.query;
  if (out.cause && typeof out.cause === 'object') out.cause = errSerializer(out.cause);
  return out;
}

function levelFromEnv(value: string | undefined): Level | 'silent' {
  const wanted = (value ?? '').trim().toLowerCase();
  return (LEVELS as readonly string[]).includes(wanted) ? (wanted as Level | 'silent') : 'info';
}

export type LoggerOptions = { level?: string; destination?: DestinationStream; pretty?: boolean };

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = levelFromEnv(options.level ?? process.env.LOG_LEVEL);
  const pretty = options.pretty ?? (process.env.NODE_ENV === 'development' && !options.destination);
  const base = {
    level,
    base: { pid: process.pid },
    serializers: { err: errSerializer, error: errSerializer },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (object: Record<string, unknown>) => redact(object) as Record<string, unknown>,
    },
  };
  if (pretty) {
    // pino-pretty is a development dependency: without it, plain JSON.
    try {
      return withRedactedChildren(
        pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid' } } }),
      );
    } catch {
      // fall through
    }
  }
  return withRedactedChildren(options.destination ? pino(base, options.destination) : pino(base));
}

/** A child's bindings skip formatters.log: blank them too (children inherit this `child` through their prototype). */
function withRedactedChildren(logger: Logger): Logger {
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, redact(bindings) as typeof bindings, childOptions);
  } as Logger['child'];
  return logger;
}

// One per process (route handlers, actions and instrumentation are bundled apart).
const shared = globalThis as unknown as { __broadsheetLog?: Logger };

/** The logger. Use `log.child({ component: 'mail' })` for a part of the app. */
export const log: Logger = (shared.__broadsheetLog ??= createLogger());

/** An incoming X-Request-Id if it looks like one (letters, digits and `._:-`, at most 128), else a new one. */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

/** Health checks are polled every few seconds by load balancers: only at debug level. */
export const isHealthPath = (path: string) => path === '/api/health/live' || path === '/api/health/ready';
/** The server's own timers call these every few seconds (instrumentation.ts): at debug unless they fail. */
const TIMER_PATHS = new Set(['/api/publish-due', '/api/mail-queue', '/api/housekeeping']);

type Req = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
type Res = {
  statusCode: number;
  writableFinished: boolean;
  setHeader(name: string, value: string): unknown;
  once(event: 'close', listener: () => void): unknown;
};

/**
 * For scripts/server.mjs: gives the request its id (kept from the client when sane, sent back as
 * X-Request-Id and passed on to the app in the request's headers) and writes one line when the
 * response is done: id, method, route (the path without the query string), status and duration.
 */
export function logRequest(req: Req, res: Res, logger: Logger = log): void {
  res.once('close', startRequestLog(req, res, logger));
}

/** logRequest's work without the listener: returns what to call once the response has closed (scripts/server.mjs shares one listener). */
export function startRequestLog(req: Req, res: Res, logger: Logger = log): () => void {
  const started = process.hrtime.bigint();
  const id = requestIdFrom(req.headers['x-request-id']);
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  return () => {
    const route = (req.url ?? '/').split('?', 1)[0];
    const level = isHealthPath(route) ? 'debug' : res.statusCode >= 500 ? 'error' : TIMER_PATHS.has(route) ? 'debug' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    const line: Record<string, unknown> = { requestId: id, method: req.method, route, status: res.statusCode, ms };
    if (!res.writableFinished) line.aborted = true;
    logger[level](line, 'request');
  };
}
