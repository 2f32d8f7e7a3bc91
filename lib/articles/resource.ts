import type { ArticleStatus } from '@/db/schema';
import type { ArticleResource } from '@/lib/auth/permissions';

/** What `can` needs to know about a loaded article: who made it, who writes it, where it stands. */
export function articleResource(a: { createdById: number | null; authors: { id: number }[]; status: ArticleStatus }): ArticleResource {
  return { createdById: a.createdById, authorIds: a.authors.map((x) => x.id), status: a.status };
}
