import type { Client } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataDir, env } from '@/lib/env';
import type { Database } from './index';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies every committed drizzle-kit migration that the database has not seen yet. */
export async function migrateDatabase(db: Database): Promise<void> {
  if (env.DATABASE_URL.startsWith('file:')) mkdirSync(dataDir(), { recursive: true });
  // An embedded replica pulls from its server first: a new replica file is empty, and the migrator (or
  // the seed's emptiness check after it) would take it for a database nothing has been applied to.
  if (env.DATABASE_SYNC_URL) await (db as Database & { $client: Client }).$client.sync();
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
