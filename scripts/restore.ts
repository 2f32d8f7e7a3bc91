// npm run restore -- DIR [--force]
// Restores a backup folder made by `npm run backup` into DATABASE_URL (an empty file unless --force), then
// migrates it to the current schema (lib/ops/restore.ts). Stop the site first.
import { drizzle } from 'drizzle-orm/libsql';
import { parseArgs } from 'node:util';
import { migrateDatabase } from '@/db/migrate';
import * as schema from '@/db/schema';
import { refuseNonFileDatabase } from '@/lib/ops/backup-plan';
import { restoreBackup, RestoreRefused } from '@/lib/ops/restore';
import { env } from '@/lib/env';
import { uploadsDir } from '@/lib/uploads';

const USAGE = 'Usage: npm run restore -- DIR [--force]   (DIR: a backup folder, broadsheet-YYYYMMDD-HHMMSS)';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const refusal = refuseNonFileDatabase(env.DATABASE_URL, env.DATABASE_SYNC_URL, 'restore');
  if (refusal) {
    console.error(refusal);
    return 1;
  }
  const started = Date.now();
  try {
    const result = await restoreBackup({
      from: positionals[0],
      databaseUrl: env.DATABASE_URL,
      uploadsDir: uploadsDir(),
      force: values.force,
      migrate: (client) => migrateDatabase(drizzle(client, { schema })),
      log: (line) => console.log(`[restore] ${line}`),
    });
    const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
    console.log(`[restore] ${env.DATABASE_URL} is ready: ${rows} rows, migrated to the current schema, in ${Date.now() - started} ms.`);
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`[restore] ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('[restore] failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
