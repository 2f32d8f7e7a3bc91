import { describe, expect, it } from 'vitest';
import { countMail, countReply, metrics, metricsText, recordJobRun, recordRequest, routeTemplate, setQueueGauges, lastJobRuns, withJobRun } from './metrics';

describe('routeTemplate', () => {
  it('labels addresses by their route template', () => {
    expect(routeTemplate('/')).toBe('/');
    expect(routeTemplate('/articles/harbour-plan?utm=x')).toBe('/articles/[slug]');
    expect(routeTemplate('/articles/harbour-plan/')).toBe('/articles/[slug]');
    expect(routeTemplate('/articles/harbour-plan/comments/3')).toBe('/articles/[slug]/comments/[page]');
    expect(routeTemplate('/sections/city')).toBe('/sections/[slug]');
    expect(routeTemplate('/tags/x/page/4')).toBe('/tags/[slug]/page/[page]');
    expect(routeTemplate('/authors/ann/feed.xml')).toBe('/authors/[slug]/feed.xml');
    expect(routeTemplate('/_next/static/chunks/abc.js')).toBe('/_next/static');
    expect(routeTemplate('/media/covers/a/b.webp')).toBe('/media/[...path]');
    expect(routeTemplate('/admin/articles/new')).toBe('/admin/articles/new');
    expect(routeTemplate('/admin/articles/12')).toBe('/admin/articles/[id]');
    expect(routeTemplate('/admin/articles/12/revisions/compare')).toBe('/admin/articles/[id]/revisions/compare');
    expect(routeTemplate('/admin/articles/12/revisions/9')).toBe('/admin/articles/[id]/revisions/[revisionId]');
    expect(routeTemplate('/admin/system')).toBe('/admin/system');
    expect(routeTemplate('/api/auth/callback/credentials')).toBe('/api/auth/[...nextauth]');
    expect(routeTemplate('/api/metrics')).toBe('/api/metrics');
  });

  it('keeps the label set bounded: any other address is "other"', () => {
    const labels = new Set<string>();
    for (let i = 0; i < 500; i++) {
      labels.add(routeTemplate(`/wp-login-${i}.php`));
      labels.add(routeTemplate(`/2019/05/story-${i}/`));
      labels.add(routeTemplate(`/articles/a-${i}/b/c/d`));
      labels.add(routeTemplate(`/articles/a-${i}`));
    }
    expect([...labels].sort()).toEqual(['/articles/[slug]', 'other']);
  });
});

describe('the registry', () => {
  it('is one registry per process, kept on globalThis', () => {
    expect(metrics()).toBe(metrics());
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('broadsheet.metrics')]).toBe(metrics());
  });

  it('counts requests by method, route and status, and cache results from the header', async () => {
    const before = (await metrics().httpRequests.get()).values.find((v) => v.labels.route === '/articles/[slug]' && v.labels.status === '200')?.value ?? 0;
    recordRequest('GET', '/articles/one', 200, 0.01, 'HIT');
    recordRequest('GET', '/articles/two', 200, 0.02, 'MISS');
    recordRequest('BREW', '/nowhere', 404, 0.001);
    const values = (await metrics().httpRequests.get()).values;
    expect(values.find((v) => v.labels.route === '/articles/[slug]' && v.labels.status === '200')?.value).toBe(before + 2);
    expect(values.find((v) => v.labels.route === 'other')?.labels.method).toBe('other');
    const cache = (await metrics().cache.get()).values;
    expect(cache.find((v) => v.labels.result === 'hit')?.value).toBeGreaterThanOrEqual(1);
    expect(cache.find((v) => v.labels.result === 'miss')?.value).toBeGreaterThanOrEqual(1);
  });

  it('records job runs, with their last time, whichever way they end', async () => {
    const at = new Date('2026-12-01T10:00:00Z');
    recordJobRun('housekeeping', 'ok', at);
    expect(lastJobRuns().get('housekeeping')).toEqual({ at, outcome: 'ok' });
    await expect(withJobRun('scheduler', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(lastJobRuns().get('scheduler')?.outcome).toBe('error');
    expect(await withJobRun('mail', async () => 3)).toBe(3);
    expect(lastJobRuns().get('mail')?.outcome).toBe('ok');
  });

  it('writes every metric in Prometheus text format', async () => {
    countReply('pending');
    countMail('sent', 2);
    countMail('failed');
    setQueueGauges({ pending: 4, oldestPendingAt: new Date(1000), mailQueued: 1, oldestMailAt: null }, 61_000);
    const text = await metricsText();
    for (const name of [
      'broadsheet_http_requests_total',
      'broadsheet_http_request_duration_seconds_bucket',
      'broadsheet_cache_requests_total',
      'broadsheet_replies_posted_total{status="pending"}',
      'broadsheet_mail_total{outcome="sent"} 2',
      'broadsheet_mail_total{outcome="failed"} 1',
      'broadsheet_mail_queued 1',
      'broadsheet_mail_oldest_queued_seconds 0',
      'broadsheet_moderation_queue_size 4',
      'broadsheet_moderation_queue_oldest_seconds 60',
      'broadsheet_job_runs_total{job="housekeeping",outcome="ok"}',
      'broadsheet_job_last_run_timestamp_seconds{job="housekeeping"} 1796119200',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(text).toContain(name);
  });
});
