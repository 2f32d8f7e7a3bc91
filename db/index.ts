import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dataDir, env } from '@/lib/env';
import * as schema from './schema';

export type Database = LibSQLDatabase<typeof schema>;

const isFileDatabase = env.DATABASE_URL.startsWith('file:');

function openClient(): Client {
  // libSQL creates a missing file but not a missing folder.
  if (isFileDatabase) mkdirSync(dataDir(), { recursive: true });
  const client = createClient({
    url: env.DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN,
    syncUrl: env.DATABASE_SYNC_URL,
    // Busy timeout for every pooled connection; 0 would mean instant SQLITE_BUSY under concurrent writers.
    timeout: 5000,
  } as Parameters<typeof createClient>[0]);
  if (isFileDatabase) {
    // File-only pragmas: a libSQL server refuses journal_mode. Statements on one client run in order,
    // so these take effect before the first query.
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
export const db: Database =
  globalForDb.broadsheetDb ?? drizzle(client, { schema, logger: queryLogger ?? false });

if (process.env.NODE_ENV !== 'production') {
  globalForDb.broadsheetClient = client;
  globalForDb.broadsheetDb = db;
}

export { schema };
