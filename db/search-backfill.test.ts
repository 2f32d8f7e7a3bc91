import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, it } from 'vitest';

// Migration 0004 must index the articles that exist when it runs.
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-backfill-'));
const client = createClient({ url: `file:${join(dir, 'test.db')}` });
const db = drizzle(client);

afterAll(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const folder = join(dir, `migrations-${count}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const source = new URL('./migrations/', import.meta.url).pathname;
  const journal = JSON.parse(readFileSync(join(source, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) cpSync(join(source, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  return folder;
}

describe('migration 0004', () => {
  it('indexes existing articles with their bylines and tags', async () => {
    await migrate(db, { migrationsFolder: migrationsUpTo(4) });
    await client.batch([
      `insert into users (email, name, slug, role) values ('a@example.com', 'Mara Okafor', 'mara', 'author')`,
      `insert into tags (slug, name) values ('estuary', 'Estuary')`,
      `insert into articles (slug, title, body, status, published_at) values ('old-story', 'Old story', 'Written *before* search', 'published', 1)`,
      `insert into article_authors (article_id, user_id) values (1, 1)`,
      `insert into article_tags (article_id, tag_id) values (1, 1)`,
    ]);
    await migrate(db, { migrationsFolder: migrationsUpTo(5) });
    for (const word of ['old', 'before', 'okafor', 'estuary']) {
      const found = await client.execute({ sql: 'select rowid from article_search where article_search match ?', args: [word] });
      expect(
        found.rows.map((r) => r.rowid),
        word,
      ).toEqual([1]);
    }
  });
});
