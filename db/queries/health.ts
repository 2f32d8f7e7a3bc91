import 'server-only';
import type { Client } from '@libsql/client';
import { client as appClient } from '../index';
import journal from '../migrations/meta/_journal.json';

// The readiness check's two questions for the database (app/api/health/ready). Each may be given another
// client than the app's, so a test can point it at a database that is not there.

/** The newest migration this build ships (drizzle records its `when` as created_at once applied). */
export const NEWEST_MIGRATION_AT = Math.max(...journal.entries.map((e) => e.when));

/** Resolves when the database answers a trivial query; rejects otherwise. */
export async function databaseAnswers(client: Client = appClient): Promise<void> {
  await client.execute('select 1');
}

/** Whether the newest migration of this build has been applied (false for an older schema or none). */
export async function migrationsCurrent(client: Client = appClient): Promise<boolean> {
  const { rows } = await client.execute('select max(created_at) as latest from __drizzle_migrations');
  return Number(rows[0]?.latest ?? 0) >= NEWEST_MIGRATION_AT;
}
