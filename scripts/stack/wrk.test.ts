import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composerAnswer, composerPath, delaysFrom, pollPath, pollsInAccessLog, postedNumber, requestsInAppLog } from './live-scenario';
import { DONE_LUA, parseWrkOutput, percentile, pollingReadersLua } from './wrk';

const report = `Running 10s test @ http://127.0.0.1:3600/articles/x
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   712.00us  301.55us  14.20ms   90.12%
  482113 requests in 10.00s, 20.31GB read
Requests/sec:  48211.30
Transfer/sec:      2.03GB
WRK_JSON {"requests":482113,"duration_us":10000482,"bytes":21807143210,"connect":0,"read":2,"write":0,"status":5,"timeout":1,"p50":655,"p90":1012,"p99":1890,"max":14203,"mean":712.4}
`;

describe('wrk output', () => {
  it('reads the JSON line its done() prints, in milliseconds and requests per second', () => {
    expect(parseWrkOutput(report)).toEqual({
      requests: 482113,
      durationSeconds: 10.000482,
      rps: 48209,
      bytes: 21807143210,
      latency: { p50: 0.66, p90: 1.01, p99: 1.89, max: 14.2, mean: 0.71 },
      errors: 3,
      timeouts: 1,
      non2xx: 5,
    });
  });

  it('fails loudly when the line is missing (a script without done())', () => {
    expect(() => parseWrkOutput('Running 10s test @ http://x\n')).toThrow(/WRK_JSON/);
  });

  it('gives every script the done() that prints it, and readers a phase within one interval', () => {
    expect(DONE_LUA).toContain('done = function(summary, latency, requests)');
    const lua = pollingReadersLua(12000, 2500);
    expect(lua).toContain('if started <= 2500 then return math.random(0, 11999) end');
    expect(lua).toContain('return 12000');
    expect(lua).toContain(DONE_LUA);
  });
});

describe('percentile (nearest rank)', () => {
  it('picks the value at the rank, whatever the order', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([4], 95)).toBe(4);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('live scenario figures', () => {
  it('measures each probe from the post to its first answer with the update, and counts what it never saw', () => {
    const posts = new Map([
      [5, 10_000],
      [6, 20_000],
    ]);
    const probes = [
      new Map([
        [5, 12_500],
        [6, 21_000],
      ]),
      new Map([[5, 19_000]]),
    ];
    expect(delaysFrom(posts, probes)).toEqual({ samples: 3, p50: 2.5, p95: 9, max: 9, missed: 1 });
  });

  it('counts the poll requests nginx sent to each instance, background refreshes included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'live-log-'));
    const file = path.join(dir, 'access.log');
    const lines = [
      '1.1.1.1 [x] "GET /articles/a HTTP/1.1" 200 10 cache=MISS upstream=127.0.0.1:3610 0.010',
      '1.1.1.1 [x] "GET /api/articles/7/live?u=3&c=0 HTTP/1.1" 200 10 cache=HIT upstream=- 0.000',
      '1.1.1.1 [x] "GET /api/articles/7/live?u=3&c=0 HTTP/1.1" 200 10 cache=EXPIRED upstream=127.0.0.1:3610 0.004',
      '1.1.1.1 [x] "GET /api/articles/7/live?u=3&c=0 HTTP/1.1" 200 10 cache=UPDATING upstream=- 0.000',
      '1.1.1.1 [x] "GET /api/articles/7/live?u=3&c=0 HTTP/1.1" 200 10 cache=- upstream=127.0.0.1:3611 0.003',
      '1.1.1.1 [x] "GET /api/articles/7/live?u=3&c=0 HTTP/1.1" 200 10 cache=MISS upstream=127.0.0.1:3610, 127.0.0.1:3611 0.020',
    ];
    writeFileSync(file, 'earlier line\n' + lines.join('\n') + '\n');
    expect(pollsInAccessLog(file, 'earlier line\n'.length, '/api/articles/7/live')).toEqual({
      byUpstream: { '127.0.0.1:3610': 2, '127.0.0.1:3611': 2 },
      byCache: { HIT: 1, EXPIRED: 1, UPDATING: 1, '-': 1, MISS: 1 },
      total: 5,
    });
  });

  it('counts the poll requests an app instance logged', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'app-log-')), 'app-a.log');
    const line = (route: string) => JSON.stringify({ level: 'info', method: 'GET', route, status: 200, msg: 'request' });
    const before = line('/api/articles/7/live') + '\n';
    writeFileSync(file, before + [line('/api/articles/7/live'), line('/articles/a'), line('/api/articles/70/live'), line('/api/articles/7/live')].join('\n'));
    expect(requestsInAppLog(file, before.length, '/api/articles/7/live')).toBe(2);
  });

  it('asks the poll route as the island does, and posts where the composer posts', () => {
    expect(pollPath(7, 3)).toBe('/api/articles/7/live?u=3&c=0');
    expect(composerPath(7)).toBe('/admin/articles/7/live');
  });

  it("reads the update's number from the composer's answer to a post without JavaScript", () => {
    const cookie = (state: object) =>
      `bs-form-result=${Buffer.from(JSON.stringify({ form: 'live-post', mark: 'm', state })).toString('base64url')}; Path=/admin/articles/7/live; HttpOnly`;
    const answer = (...setCookies: string[]) => {
      const headers = new Headers({ location: '/admin/articles/7/live?result=m' });
      for (const c of setCookies) headers.append('set-cookie', c);
      return new Response(null, { status: 303, headers });
    };
    const posted = composerAnswer(answer('other=1; Path=/', cookie({ status: 'success', message: 'Update 12 posted.' })));
    expect(posted).toEqual({ status: 'success', message: 'Update 12 posted.' });
    expect(postedNumber(posted.message)).toBe(12);
    const refused = composerAnswer(answer(cookie({ status: 'error', message: 'Live coverage of this article is not running.' })));
    expect(postedNumber(refused.message)).toBeNull();
    expect(composerAnswer(answer())).toEqual({});
    expect(composerAnswer(answer('bs-form-result=%%%; Path=/'))).toEqual({});
    expect(postedNumber('Update 3 posted. Really')).toBeNull();
    const elsewhere = new Headers({ location: '/admin/articles/7/live?result=other' });
    elsewhere.append('set-cookie', cookie({ status: 'success', message: 'Update 12 posted.' }));
    expect(composerAnswer(new Response(null, { status: 303, headers: elsewhere }))).toEqual({}); // not this answer's mark
  });
});
