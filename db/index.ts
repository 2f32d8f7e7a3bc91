import { createClient, type Client, type InStatement, type TransactionMode } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dataDir, env, isLocalFileDatabase } from '@/lib/env';
import * as schema from './schema';
import { traceQueries } from './tracing';

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
    return oneWriterAtATime(client, 'writes');
  }
  // An embedded replica has one connection, and refuses any statement while a transaction is open on it.
  if (env.DATABASE_SYNC_URL) return oneWriterAtATime(client, 'everything');
  return client;
}

/**
 * Queues this process's writes to a local database file, one at a time; reads go straight through
 * (WAL lets them read beside a writer). libSQL's embedded driver is synchronous and opens a connection
 * per transaction: a write that meets another connection's open transaction waits inside SQLite's busy
 * handler, blocking the event loop, so the transaction it waits for can never finish, and both fail
 * after the busy timeout. Two editors saving one article at the same moment did exactly that.
 */
function oneWriterAtATime(client: Client, queued: 'writes' | 'everything'): Client {
  let tail: Promise<void> = Promise.resolve();
  const acquire = (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  // A statement that only reads (drizzle writes start with insert, update, delete or a DDL word).
  // (A `WITH … INSERT` would pass as a read; drizzle writes none.)
  const reads = (stmt: InStatement) => queued === 'writes' && /^\s*(select|with)\b/i.test(typeof stmt === 'string' ? stmt : stmt.sql);
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  const migrate = client.migrate.bind(client);
  const executeMultiple = client.executeMultiple.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    execute: (stmt: InStatement, ...rest: unknown[]) =>
      reads(stmt) ? execute(stmt as never, ...(rest as [])) : exclusive(() => execute(stmt as never, ...(rest as []))),
    batch: (...args: Parameters<Client['batch']>) => exclusive(() => batch(...args)),
    migrate: (...args: Parameters<Client['migrate']>) => exclusive(() => migrate(...args)),
    executeMultiple: (sql: string) => exclusive(() => executeMultiple(sql)),
    transaction: async (mode?: TransactionMode) => {
      if (mode === 'read') return transaction(mode);
      const release = await acquire();
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      try {
        const tx = await transaction(mode);
        // The lock is held until the transaction ends, however it ends.
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        const close = tx.close.bind(tx);
        return Object.assign(tx, {
          // A failed commit is followed by a rollback, which releases.
          commit: async () => {
            const result = await commit();
            done();
            return result;
          },
          rollback: () => rollback().finally(done),
          close: () => {
            close();
            done();
          },
        });
      } catch (error) {
        done();
        throw error;
      }
    },
  });
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

export const client: Client = globalForDb.broadsheetClient ?? traceQueries(openClient());
export const db: Database = globalForDb.broadsheetDb ?? drizzle(client, { schema, logger: queryLogger ?? false });

if (process.env.NODE_ENV !== 'production') {
  globalForDb.broadsheetClient = client;
  globalForDb.broadsheetDb = db;
}

export { schema };
