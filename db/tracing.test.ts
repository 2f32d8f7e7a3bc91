import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '@libsql/client';
import { traceQueries } from './tracing';

const fakeClient = () => {
  const execute = vi.fn(async () => ({ rows: [] }));
  const batch = vi.fn(async () => []);
  return { client: { execute, batch } as unknown as Client, execute, batch };
};

afterEach(() => {
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
});

describe('traceQueries', () => {
  it('leaves the client alone without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const { client, execute } = fakeClient();
    expect(traceQueries(client).execute).toBe(execute);
  });

  it('with it, still runs every statement and passes its answer and its errors through', async () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:4318';
    const { client, execute, batch } = fakeClient();
    const traced = traceQueries(client);
    await expect(traced.execute({ sql: 'select 1 where x = ?', args: [1] })).resolves.toEqual({ rows: [] });
    expect(execute).toHaveBeenCalledWith({ sql: 'select 1 where x = ?', args: [1] });
    await traced.batch(['delete from a', { sql: 'insert into b values (?)', args: [2] }]);
    expect(batch).toHaveBeenCalledTimes(1);
    execute.mockRejectedValueOnce(new Error('SQLITE_BUSY'));
    await expect(traced.execute('select 2')).rejects.toThrow('SQLITE_BUSY');
  });
});
