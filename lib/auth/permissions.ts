import type { ArticleStatus, StaffRole } from '@/db/schema';

// The one place that decides who may do what. Admins do everything; editors every article, sections and
// tags, the site's own pages (About, policies), and replies; authors their own drafts and pieces sent back to them; moderators replies. Every
// server action, route handler and admin page asks `can`; hiding a button is never the check.

export type Actor = { id: number; role: StaffRole; disabled?: boolean } | null;

export type ArticleResource = { createdById: number | null; authorIds: number[]; status: ArticleStatus };

export type Action =
  | { do: 'article.create' }
  | { do: 'article.edit'; article: ArticleResource }
  | { do: 'article.submit'; article: ArticleResource }
  | { do: 'article.publish' }
  | { do: 'article.schedule' }
  | { do: 'article.unpublish' }
  // Live coverage of a published article (start, end, updates, reply mode): whoever may publish it.
  | { do: 'article.live'; article: ArticleResource }
  | { do: 'article.delete'; article: ArticleResource }
  | { do: 'taxonomy.manage' }
  | { do: 'page.manage' }
  | { do: 'front.manage' }
  | { do: 'breaking.manage' }
  | { do: 'reply.moderate' }
  | { do: 'reply.staffReply' }
  | { do: 'staff.manage' }
  | { do: 'settings.manage' }
  | { do: 'admin.enter' }
  | { do: 'media.upload' };

const EDITORS: readonly StaffRole[] = ['admin', 'editor'];
const WRITERS: readonly StaffRole[] = ['admin', 'editor', 'author'];
const MODERATORS: readonly StaffRole[] = ['admin', 'editor', 'moderator'];

function ownsDraft(actorId: number, article: ArticleResource): boolean {
  const mine = article.createdById === actorId || article.authorIds.includes(actorId);
  // Authors edit their own work until an editor takes it: drafts and pieces sent back to them.
  return mine && (article.status === 'draft' || article.status === 'review');
}

export function can(actor: Actor, action: Action): boolean {
  if (!actor || actor.disabled) return false;
  const role = actor.role;
  switch (action.do) {
    case 'admin.enter':
    case 'reply.staffReply':
      return true;
    case 'article.create':
    case 'media.upload':
      return WRITERS.includes(role);
    case 'article.edit':
    case 'article.submit':
      return EDITORS.includes(role) || (role === 'author' && ownsDraft(actor.id, action.article));
    case 'article.delete':
      return EDITORS.includes(role) || (role === 'author' && action.article.status === 'draft' && ownsDraft(actor.id, action.article));
    case 'article.publish':
    case 'article.live':
    case 'article.schedule':
    case 'article.unpublish':
    case 'taxonomy.manage':
    case 'page.manage':
    case 'front.manage':
    case 'breaking.manage':
      return EDITORS.includes(role);
    case 'reply.moderate':
      return MODERATORS.includes(role);
    case 'staff.manage':
    case 'settings.manage':
      return role === 'admin';
  }
}
