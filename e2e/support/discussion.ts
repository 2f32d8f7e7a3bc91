import { queryRows } from './db';
import { uniq } from './unique';

// Articles and replies written straight into the test database, for desk tests that need a
// discussion of their own (so no count another test relies on changes). Nothing is cached for a
// new article yet, so no revalidation is needed.

/** A published article with comments open. */
export async function newArticle(label: string): Promise<{ id: number; slug: string; title: string }> {
  const id = uniq();
  const slug = `${label.toLowerCase().replace(/[^a-z]+/g, '-')}-${id}`;
  const title = `${label} ${id}`;
  const [editor] = await queryRows<{ id: number }>("select id from users where email = 'editor@example.com'");
  const now = Date.now();
  const [row] = await queryRows<{ id: number }>(
    "insert into articles (slug, title, body, status, published_at, created_by_id, updated_at) values (?, ?, 'The story.', 'published', ?, ?, ?) returning id",
    [slug, title, now - 60_000, editor.id, now],
  );
  return { id: Number(row.id), slug, title };
}

export type SeedReply = { name: string; email: string; body: string; status?: string; parentId?: number; depth?: number; reason?: object; minutesAgo?: number };

/** A reply in any status (approved by default), created `minutesAgo` (default 10) minutes ago. */
export async function insertReply(articleId: number, r: SeedReply): Promise<number> {
  const created = Date.now() - (r.minutesAgo ?? 10) * 60_000;
  const [row] = await queryRows<{ id: number }>(
    `insert into replies (article_id, parent_id, depth, author_name, author_email, body, status, status_reason, created_at, status_changed_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      articleId,
      r.parentId ?? null,
      r.depth ?? 1,
      r.name,
      r.email,
      r.body,
      r.status ?? 'approved',
      r.reason ? JSON.stringify(r.reason) : null,
      created,
      created,
    ],
  );
  return Number(row.id);
}

/**
 * A returning commenter under this very name: "previously approved" needs the same name and email, so
 * give them an approved reply of their own an hour ago, on an article of its own.
 */
export async function approvedBefore(name: string, email: string): Promise<void> {
  const article = await newArticle('Earlier discussion');
  await insertReply(article.id, { name, email, body: `Earlier words (${uniq()}).`, minutesAgo: 60 });
}

export const replyStatus = async (id: number) => (await queryRows<{ status: string }>('select status from replies where id = ?', [id]))[0]?.status;
