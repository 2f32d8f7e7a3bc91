import { createClient, type InValue } from '@libsql/client';
import { E2E_DATABASE_URL } from './paths';

/** Reads the test server's database directly: for checks the page cannot show (what was stored, and how). */
export async function queryRows<T = Record<string, unknown>>(sql: string, args: InValue[] = []): Promise<T[]> {
  const db = createClient({ url: E2E_DATABASE_URL, timeout: 5000 } as Parameters<typeof createClient>[0]);
  try {
    const result = await db.execute({ sql, args });
    return result.rows as unknown as T[];
  } finally {
    db.close();
  }
}

export type StoredReply = { id: number; status: string; parent_id: number | null; article_slug: string };

export function storedRepliesByEmail(email: string): Promise<StoredReply[]> {
  return queryRows<StoredReply>(
    `select r.id, r.status, r.parent_id, a.slug as article_slug
       from replies r join articles a on a.id = r.article_id
      where r.author_email = ? order by r.id`,
    [email.toLowerCase()],
  );
}

export function storedRepliesByName(name: string): Promise<StoredReply[]> {
  return queryRows<StoredReply>(
    `select r.id, r.status, r.parent_id, a.slug as article_slug
       from replies r join articles a on a.id = r.article_id
      where r.author_name = ? order by r.id`,
    [name],
  );
}
