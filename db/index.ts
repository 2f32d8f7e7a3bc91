import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dataDir, env, isLocalFileDatabase } from '@/lib/env';
import * as schema from './schema';

export type Database = LibSQLDatabase<typeof schema>;

// The same code for every kind of DATABASE_URL: a local file, a libSQL server (libsql://, ws(s)://,
// http(s):// with DATABASE_AUTH_TOKEN), or a local file kept as an embedded replica of a server
// (DATABASE_SYNC_URL): reads are local, writes go to the server and are read back at once by this
// process; other processes' writes arrive every DATABASE_SYNC_INTERVAL seconds.
function openClient(): Client {
  // libSQL creates a missing file but not a missing folder.
  if (env.DATABASE_URL.startsWith('file:')) mkdirSync(dataDir(), { recursive: true });
  const client = createClient({
    url: env.DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN,
    ...(env.DATABASE_SYNC_URL ? { syncUrl: env.DATABASE_SYNC_URL, syncInterval: env.DATABASE_SYNC_INTERVAL } : {}),
    // Busy timeout for every pooled connection; 0 would mean instant SQLITE_BUSY under concurrent writers.
    timeout: 5000,
  } as Parameters<typeof createClient>[0]);
  if (isLocalFileDatabase()) {
    // File-only pragmas: a libSQL server (sqld, Turso) and an embedded replica refuse journal_mode, and
    // keep foreign keys on already. Statements on one client run in order, so these take effect before
    // the first query.
    void client.execute('PRAGMA journal_mode = WAL').catch(() => {});
    void client.execute('PRAGMA synchronous = NORMAL').catch(() => {});
    void client.execute('PRAGMA foreign_keys = ON').catch(() => {});
  }
  return client;
}

const queryLogger = env.QUERY_LOG_FILE
  ? {
      logQuery(query: string) {
        appendFileSync(env.QUERY_LOG_FILE!, query.replace(/\s+/g, ' ') + '\n');
      },
    }
  : undefined;

// Kept on globalThis so `next dev` hot reloads reuse one client.
const globalForDb = globalThis as unknown as { broadsheetClient?: Client; broadsheetDb?: Database };

export const client: Client = globalForDb.broadsheetClient ?? openClient();
export const db: Database = globalForDb.broadsheetDb ?? drizzle(client, { schema, logger: queryLogger ?? false });

if (process.env.NODE_ENV !== 'production') {
  globalForDb.broadsheetClient = client;
  globalForDb.broadsheetDb = db;
}

export { schema };
