import 'server-only';
import { createClient, type Client } from '@libsql/client';
import { readFileSync } from 'node:fs';
import { fileSize } from '@/lib/ops/files';
import { schemaVersionOf, type SchemaVersion } from '@/lib/ops/backup-plan';

// The statements behind `npm run backup` and `npm run restore` (lib/ops/backup.ts, lib/ops/restore.ts).
// They take a client: a backup reads the live file through its own connection, a restore works on a
// file that is not the site's (yet).

/** A client on a database file by path (a backup's copy, a restore's target). */
export function openDatabaseFile(path: string): Client {
  return createClient({ url: `file:${path}`, timeout: 5000 });
}

/**
 * A consistent copy of the whole database into a new file. VACUUM INTO is a read transaction: writers
 * on other connections go on (WAL), and the copy is the state at its start, never a half-written page.
 */
export async function vacuumInto(client: Client, path: string): Promise<void> {
  await client.execute({ sql: 'VACUUM INTO ?', args: [path] });
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Row counts of every table (virtual tables and their shadow tables too; SQLite's own excepted). */
export async function countRows(client: Client): Promise<Record<string, number>> {
  const tables = await client.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    const result = await client.execute(`select count(*) as n from ${quoteIdent(name)}`);
    counts[name] = Number(result.rows[0].n);
  }
  return counts;
}

/** The last migration drizzle applied to this database, named from the journal at `journalPath`. */
export async function readSchemaVersion(client: Client, journalPath: string): Promise<SchemaVersion> {
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Parameters<typeof schemaVersionOf>[1];
  const exists = await client.execute("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'");
  if (exists.rows.length === 0) return schemaVersionOf([], journal);
  const rows = await client.execute('select hash, created_at from __drizzle_migrations');
  return schemaVersionOf(
    rows.rows.map((r) => ({ hash: String(r.hash), created_at: Number(r.created_at) })),
    journal,
  );
}

/** `PRAGMA quick_check` (or the slower, fuller integrity_check): 'ok' or the problems found. */
export async function checkIntegrity(client: Client, full = false): Promise<string> {
  const result = await client.execute(full ? 'PRAGMA integrity_check' : 'PRAGMA quick_check');
  return result.rows.map((r) => String(Object.values(r)[0])).join('; ');
}

/** The file holds tables (or writes not yet checkpointed from its WAL): restoring over it would lose them. */
export async function databaseHoldsData(path: string): Promise<boolean> {
  if (fileSize(`${path}-wal`) > 0) return true;
  if (fileSize(path) === 0) return false;
  const client = openDatabaseFile(path);
  try {
    const tables = await client.execute("select count(*) as n from sqlite_master where type = 'table'");
    return Number(tables.rows[0].n) > 0;
  } finally {
    client.close();
  }
}
