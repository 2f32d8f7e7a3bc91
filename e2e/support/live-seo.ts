import { queryRows } from './db';
import { internalKey } from './internal-api';
import { SERVER_URL } from './paths';

// Helpers for the reply-mode and live-SEO specs: they change an article straight in the database
// (the editor's switches are another part's), then expire its pages as a command-line tool does.

/** Expires an article's page, address and the home page (the sitemap's tag) on the test server. */
export async function expireArticle(article: { id: number; slug: string }): Promise<void> {
  const response = await fetch(`${SERVER_URL}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${internalKey()}` },
    body: JSON.stringify({ tags: [`article:${article.id}`, `article-slug:${article.slug}`, 'home'] }),
  });
  if (!response.ok) throw new Error(`expiring the article failed: ${response.status} ${await response.text()}`);
}

export async function setReplyMode(article: { id: number; slug: string }, mode: 'normal' | 'hold' | 'slow', slowSeconds = 60): Promise<void> {
  await queryRows('update articles set reply_mode = ?, reply_slow_seconds = ? where id = ?', [mode, slowSeconds, article.id]);
  await expireArticle(article);
}
