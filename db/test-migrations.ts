import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// For Vitest files that need a database at an older schema: drizzle's migrator reads a folder, so this
// copies db/migrations with a journal cut after the first `count` migrations.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
export const JOURNAL_PATH = join(MIGRATIONS_FOLDER, 'meta', '_journal.json');

type Journal = { entries: { idx: number; when: number; tag: string }[] };

export function journalTags(): string[] {
  return (JSON.parse(readFileSync(JOURNAL_PATH, 'utf8')) as Journal).entries.map((e) => e.tag);
}

/** A copy of db/migrations at `into` that knows only the first `count` migrations; returns its path. */
export function migrationsUpTo(count: number, into: string): string {
  cpSync(MIGRATIONS_FOLDER, into, { recursive: true });
  const journal = JSON.parse(readFileSync(JOURNAL_PATH, 'utf8')) as Journal;
  writeFileSync(join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }, null, 2));
  return into;
}
