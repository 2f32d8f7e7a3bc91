import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';
import { checkReadiness } from '@/lib/health/readiness';

const database = throwawayDatabase('health');
let queries: typeof import('./health');

beforeAll(async () => {
  await database.open();
  queries = await import('./health');
});
afterAll(() => database.close());

const never = () => new Promise<never>(() => {});

describe('checkReadiness', () => {
  it('is ready when the database answers and its migrations are current', async () => {
    const r = await checkReadiness({ database: () => queries.databaseAnswers(), migrations: () => queries.migrationsCurrent() });
    expect(r).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok' }, errors: {} });
  });

  it('is not ready when the database is unreachable, and says which check failed', async () => {
    // Nothing listens on port 9 (discard) here: the connection is refused.
    const gone = createClient({ url: 'http://127.0.0.1:9' });
    const r = await checkReadiness({ database: () => queries.databaseAnswers(gone), migrations: () => queries.migrationsCurrent(gone) });
    gone.close();
    expect(r.ready).toBe(false);
    expect(r.checks).toEqual({ database: 'failed', migrations: 'failed' });
  });

  it('is not ready when a file database has no migrations, or an older set than this build', async () => {
    const empty = createClient({ url: `file:${database.dir}/empty.db` });
    const none = await checkReadiness({ database: () => queries.databaseAnswers(empty), migrations: () => queries.migrationsCurrent(empty) });
    expect(none.checks).toEqual({ database: 'ok', migrations: 'failed' });
    await empty.execute('create table __drizzle_migrations (id integer primary key, hash text not null, created_at numeric)');
    await empty.execute({ sql: 'insert into __drizzle_migrations (hash, created_at) values (?, ?)', args: ['x', queries.NEWEST_MIGRATION_AT - 1] });
    const older = await checkReadiness({ database: () => queries.databaseAnswers(empty), migrations: () => queries.migrationsCurrent(empty) });
    empty.close();
    expect(older).toMatchObject({ ready: false, checks: { database: 'ok', migrations: 'behind' } });
  });

  it('answers within the time limit when a check hangs, and checks Redis only when given', async () => {
    const started = Date.now();
    const r = await checkReadiness({ database: never, migrations: async () => true, redis: never }, 100);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({ ready: false, checks: { database: 'timeout', migrations: 'ok', redis: 'timeout' } });
    const failedRedis = await checkReadiness({
      database: async () => {},
      migrations: async () => true,
      redis: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    expect(failedRedis).toMatchObject({ ready: false, checks: { database: 'ok', migrations: 'ok', redis: 'failed' } });
  });
});
