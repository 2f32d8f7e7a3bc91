import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logRequest, requestIdFrom, scrubErrorText } from './log';

function capture(level = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination, pretty: false });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const EMAIL = 'reader.person@example.org';
const PASSWORD = 'correct horse battery staple';
const REPLY = 'I think the council is wrong about the riverside park';
const IP = '203.0.113.77';

describe('log', () => {
  it('writes JSON lines with level, time and message', () => {
    const { logger, records } = capture();
    logger.info({ component: 'scheduler', published: 2 }, 'published');
    const [r] = records();
    expect(r).toMatchObject({ level: 'info', component: 'scheduler', published: 2, msg: 'published' });
    expect(typeof r.time).toBe('string');
  });

  it('never writes an email, a password, a client address, a cookie or a reply text, at any depth', () => {
    const { logger, lines } = capture();
    logger.info({ email: EMAIL, password: PASSWORD, ip: IP, body: REPLY }, 'flat');
    logger.info({ user: { email: EMAIL, passwordHash: PASSWORD }, reply: { text: REPLY, clientAddress: IP } }, 'nested');
    logger.info({ request: { headers: { cookie: 'authjs.session-token=abc', 'x-forwarded-for': IP, authorization: 'Bearer s3cr3t' } } }, 'deep');
    logger.warn({ mail: { to: EMAIL, from: EMAIL, html: `<p>${REPLY}</p>` } }, 'mail');
    logger.info({ a: { b: { c: { d: [{ Email: EMAIL, replyText: REPLY }] } } } }, 'very deep, other case');
    logger.child({ component: 'x', clientAddress: IP }).info({ commenter: { email: EMAIL } }, 'child');
    const out = lines.join('\n');
    for (const secret of [EMAIL, PASSWORD, REPLY, IP, 'abc', 's3cr3t']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[5])).toMatchObject({ component: 'x', commenter: { email: '[redacted]' } });
  });

  it("keeps an error's message and stack but drops a failed query's parameters and any email in it", () => {
    const { logger, lines, records } = capture();
    const err = Object.assign(new Error(`Failed query: insert into "replies" ("email", "body") values (?, ?)\nparams: ${EMAIL},${REPLY}`), {
      query: 'insert into "replies" ("email", "body") values (?, ?)',
      params: [EMAIL, REPLY],
    });
    logger.error({ err }, 'saving a reply failed');
    logger.error({ err: new Error(`no mailbox ${EMAIL}`) }, 'mail failed');
    const out = lines.join('\n');
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain(REPLY);
    const [first] = records();
    expect((first.err as { message: string }).message).toContain('Failed query: insert into "replies"');
    expect((first.err as { stack: string }).stack).toContain('log.test.ts');
    expect(scrubErrorText(`a\nparams: ${EMAIL}\nb`)).toBe('a\nb');
  });

  it('obeys the level', () => {
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
    expect(createLogger({ level: 'nonsense', destination: new Writable({ write: (_c, _e, d) => d() }) }).level).toBe('info');
  });

  it('keeps a sane X-Request-Id and replaces anything else', () => {
    expect(requestIdFrom('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    for (const bad of [undefined, '', 'has space', 'x'.repeat(129), 'a\nb', '<script>']) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });

  function fakeExchange(url: string, incomingId?: string) {
    const req = { method: 'GET', url, headers: { 'x-request-id': incomingId, 'x-forwarded-for': IP } as Record<string, string | undefined> };
    const sent: Record<string, string> = {};
    const res = Object.assign(new EventEmitter(), {
      statusCode: 200,
      writableFinished: true,
      setHeader: (name: string, value: string) => (sent[name] = value),
    });
    return { req, res, sent };
  }

  it('logs a request once it is answered: id, method, route without the query, status, duration; never the client address', () => {
    const { logger, records, lines } = capture('info');
    const { req, res, sent } = fakeExchange(`/search?q=${encodeURIComponent(EMAIL)}`, 'req-1');
    logRequest(req, res, logger);
    expect(sent['X-Request-Id']).toBe('req-1');
    expect(req.headers['x-request-id']).toBe('req-1');
    res.statusCode = 404;
    res.emit('close');
    const [r] = records();
    expect(r).toMatchObject({ level: 'info', requestId: 'req-1', method: 'GET', route: '/search', status: 404, msg: 'request' });
    expect(typeof r.ms).toBe('number');
    expect(lines.join('\n')).not.toContain(IP);
    expect(lines.join('\n')).not.toContain('example.org');
  });

  it('logs health checks at debug only, and server errors at error', () => {
    const { logger, records } = capture('info');
    for (const path of ['/api/health/live', '/api/health/ready']) {
      const { req, res } = fakeExchange(path);
      logRequest(req, res, logger);
      res.emit('close');
    }
    expect(records()).toHaveLength(0);
    const timer = fakeExchange('/api/publish-due');
    logRequest(timer.req, timer.res, logger);
    timer.res.emit('close');
    expect(records(), "the server's own timers: debug while they succeed").toHaveLength(0);
    const { req, res, sent } = fakeExchange('/articles/x', 'bad id with spaces');
    logRequest(req, res, logger);
    res.statusCode = 500;
    res.emit('close');
    expect(records()[0]).toMatchObject({ level: 'error', status: 500, requestId: sent['X-Request-Id'] });
    expect(sent['X-Request-Id']).not.toBe('bad id with spaces');

    const debug = capture('debug');
    const health = fakeExchange('/api/health/ready');
    logRequest(health.req, health.res, debug.logger);
    health.res.emit('close');
    expect(debug.records()[0]).toMatchObject({ level: 'debug', route: '/api/health/ready' });
  });
});
