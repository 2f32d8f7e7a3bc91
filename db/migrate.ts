import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataDir, env } from '@/lib/env';
import type { Database } from './index';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies every committed drizzle-kit migration that the database has not seen yet. */
export async function migrateDatabase(db: Database): Promise<void> {
  if (env.DATABASE_URL.startsWith('file:')) mkdirSync(dataDir(), { recursive: true });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
