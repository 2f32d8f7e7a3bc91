import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Client, InStatement } from '@libsql/client';

// With OTEL_EXPORTER_OTLP_ENDPOINT set (instrumentation.ts registers the exporter), every statement
// the app runs is a span inside the request's span: its SQL text with `?` placeholders, never the
// values (which hold names, addresses and reply text). Without it the client is left as it is.

const sqlOf = (stmt: InStatement | [string, unknown?]) => (typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql);

export function traceQueries(client: Client): Client {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return client;
  const tracer = trace.getTracer('broadsheet-db');
  const inSpan = <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
    return tracer.startActiveSpan(
      `db ${operation}`,
      { kind: SpanKind.CLIENT, attributes: { 'db.system': 'sqlite', 'db.operation': operation, 'db.statement': sql.replace(/\s+/g, ' ').slice(0, 1000) } },
      async (span) => {
        try {
          return await work();
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
          throw err;
        } finally {
          span.end();
        }
      },
    );
  };
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  return Object.assign(client, {
    execute: (stmt: InStatement, ...rest: unknown[]) => inSpan(sqlOf(stmt), () => execute(stmt as never, ...(rest as []))),
    batch: (...args: Parameters<Client['batch']>) => inSpan(args[0].map(sqlOf).join('; '), () => batch(...args)),
  });
}
