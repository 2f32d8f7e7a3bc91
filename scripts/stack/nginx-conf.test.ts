import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stackConfig } from './config';
import { instancesToTakeOut, renderNginxConf, trustedProxies, upstreamServers, type NginxValues } from './nginx-conf';

const template = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
const values: NginxValues = {
  RUN_DIR: '/s/run',
  LOG_DIR: '/s/logs',
  CACHE_DIR: '/s/cache',
  STATIC_ROOT: '/s/static',
  LISTEN: '127.0.0.1:3600',
  STATIC_LISTEN: '127.0.0.1:3601',
  UPSTREAM_SERVERS: upstreamServers([3610, 3611]),
  TRUSTED_PROXIES: trustedProxies(['127.0.0.1']),
};

describe('deploy/nginx.conf', () => {
  it('is filled completely by the stack', () => {
    const conf = renderNginxConf(template, values);
    expect(conf).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(conf).toContain('server 127.0.0.1:3610 max_fails=1 fail_timeout=3s;');
    expect(conf).toContain('server 127.0.0.1:3611 max_fails=1 fail_timeout=3s;');
    expect(conf).toContain('set_real_ip_from 127.0.0.1;');
    expect(conf).toContain('listen 127.0.0.1:3600;');
  });

  it('keeps what the issue asks of the micro-cache', () => {
    const conf = renderNginxConf(template, values);
    expect(conf).toContain('proxy_cache_path /s/cache levels=1:2 keys_zone=broadsheet:20m');
    // What brought a cached answer to within 10% of a static file (bench/README.md): the cache file's
    // descriptor kept open, checked every second (nginx reopens it when the entry was replaced).
    const micro = conf.slice(conf.indexOf('location / {'), conf.indexOf('location /_next/static/'));
    expect(micro).toMatch(/open_file_cache max=\d+ inactive=\d+s;/);
    expect(micro).toMatch(/open_file_cache_valid 1s;/);
    expect(conf).toMatch(/proxy_cache_valid 200 301 302 404 410 1s;/);
    expect(conf).toMatch(/proxy_ignore_headers Cache-Control Expires;/);
    expect(conf).toMatch(/proxy_cache_use_stale updating /);
    expect(conf).toMatch(/proxy_cache_background_update on;/);
    expect(conf).toMatch(/proxy_cache_lock on;/);
    expect(conf).toMatch(/"~\(\^\|;\)\\s\*bs_held=" 1;/);
    // Node closes idle keep-alive connections after 5 s; nginx must give them up first.
    const keepalive = /keepalive_timeout (\d+)s;/.exec(conf.slice(conf.indexOf('upstream broadsheet_app')));
    expect(Number(keepalive?.[1])).toBeLessThan(5);
  });

  it("caches the reader islands' poll answers, and no other API, staff or sign-in address", () => {
    const conf = renderNginxConf(template, values);
    const block = /map \$uri \$bs_path_bypass \{([^}]*)\}/.exec(conf)![1];
    // nginx tries a map's regexes in order; the first that matches wins.
    const rules = [...block.matchAll(/^\s*~(\S+) (\d);/gm)].map((m) => ({ re: new RegExp(m[1]), bypass: m[2] === '1' }));
    const bypass = (uri: string) => rules.find((r) => r.re.test(uri))?.bypass ?? false;
    expect(bypass('/api/articles/12/live')).toBe(false);
    expect(bypass('/api/breaking')).toBe(false);
    expect(bypass('/articles/some-story')).toBe(false);
    for (const uri of ['/api/articles/12/live/x', '/api/articles/x/live', '/api/revalidate', '/api/health/ready', '/admin', '/admin/articles/1/live', '/login'])
      expect(bypass(uri), uri).toBe(true);
  });

  it('retries a read that failed on another instance, and counts the failure against the one that failed', () => {
    const conf = renderNginxConf(template, values);
    expect(conf).toMatch(/proxy_next_upstream error timeout http_500 http_502 http_503 http_504;/);
    expect(conf).not.toMatch(/proxy_next_upstream[^;]*non_idempotent/);
  });

  it('marks instances that are not ready down, but never all of them', () => {
    expect(upstreamServers([3610, 3611], new Set([3611]))).toBe(
      '        server 127.0.0.1:3610 max_fails=1 fail_timeout=3s;\n        server 127.0.0.1:3611 max_fails=1 fail_timeout=3s down;',
    );
    expect(
      instancesToTakeOut(
        new Map([
          [3610, true],
          [3611, false],
        ]),
      ),
    ).toEqual(new Set([3611]));
    expect(
      instancesToTakeOut(
        new Map([
          [3610, false],
          [3611, false],
        ]),
      ),
    ).toEqual(new Set());
    expect(instancesToTakeOut(new Map([[3610, true]]))).toEqual(new Set());
  });

  it('refuses a placeholder it does not know, and a value the template no longer uses', () => {
    expect(() => renderNginxConf(`${template}\n# {{SURPRISE}}`, values)).toThrow(/SURPRISE/);
    expect(() => renderNginxConf(template.replace('{{STATIC_ROOT}}', '/x'), values)).toThrow(/STATIC_ROOT/);
  });
});

describe('stackConfig', () => {
  it('derives every port from STACK_BASE_PORT unless one is set on its own', () => {
    expect(stackConfig({ STACK_BASE_PORT: '3660' }, '/r')).toEqual({
      dir: '/r/data/stack',
      nginxPort: 3660,
      staticPort: 3661,
      appPorts: [3670, 3671],
      redisPort: 3680,
      sqldPort: 3690,
    });
    expect(stackConfig({ STACK_DIR: 'x', STACK_REDIS_PORT: '3699', STACK_APP_PORTS: '3650,3651,3652' }, '/r')).toMatchObject({
      dir: '/r/x',
      redisPort: 3699,
      appPorts: [3650, 3651, 3652],
    });
  });

  it('refuses a bad or repeated port', () => {
    expect(() => stackConfig({ STACK_SQLD_PORT: 'abc' })).toThrow(/STACK_SQLD_PORT/);
    expect(() => stackConfig({ STACK_REDIS_PORT: '3600' })).toThrow(/must differ/);
  });
});
