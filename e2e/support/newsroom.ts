import { expect, type APIRequestContext } from '@playwright/test';
import { callAction } from './actions';
import { queryRows } from './db';

// Articles made through the editor's own server action (so publishing revalidates what it does in
// real use), for tests that check what readers and crawlers see.

export const ARTICLE_ACTIONS = 'app/admin/articles/actions.ts';

export type ArticleInput = { title: string; body?: string; standfirst?: string; sectionId?: number | null; tags?: string[] };

/** Every field the editor's form posts (as a browser without JavaScript sends them), for calling saveArticleAction. */
export function articleFields(title: string, intent: string, id = '', over: Partial<Record<string, string>> = {}): Record<string, string> {
  return {
    id,
    intent,
    title,
    slug: '',
    standfirst: '',
    body: 'Body text.',
    sectionId: '',
    tags: '',
    coverAlt: '',
    coverCaption: '',
    seoTitle: '',
    seoDescription: '',
    commentsOpen: 'on',
    scheduledFor: '',
    correction: '',
    baseVersion: '',
    ...over,
  } as Record<string, string>;
}

/** The version an existing article's editor would save over (the form's hidden baseVersion). */
export async function articleVersion(id: string | number): Promise<string> {
  if (!id) return '';
  const [row] = await queryRows<{ version: number }>('select version from articles where id = ?', [Number(id)]);
  return String(row?.version ?? '');
}

async function saveArticle(editor: APIRequestContext, input: ArticleInput, intent: 'save' | 'publish' | 'unpublish', id = '') {
  const baseVersion = await articleVersion(id);
  const response = await callAction(
    editor,
    id ? `/admin/articles/${id}` : '/admin/articles/new',
    ARTICLE_ACTIONS,
    'saveArticleAction',
    articleFields(input.title, intent, id, {
      standfirst: input.standfirst ?? '',
      body: input.body ?? 'Body text.',
      sectionId: input.sectionId ? String(input.sectionId) : '',
      tags: (input.tags ?? []).join(', '),
      baseVersion,
    }),
    true,
  );
  expect(response.status(), `saving "${input.title}" (${intent}) redirects to the editor`).toBe(303);
  const [row] = await queryRows<{ id: number; slug: string; status: string; author_slug: string }>(
    `select a.id, a.slug, a.status, u.slug as author_slug
       from articles a join article_authors aa on aa.article_id = a.id join users u on u.id = aa.user_id
      where a.title = ?`,
    [input.title],
  );
  const status = { save: 'draft', publish: 'published', unpublish: 'unpublished' }[intent];
  expect(row?.status, `"${input.title}" stored as ${status}`).toBe(status);
  return { id: Number(row.id), slug: row.slug, authorSlug: row.author_slug };
}

export const saveDraft = (editor: APIRequestContext, input: ArticleInput) => saveArticle(editor, input, 'save');
export const publishArticle = (editor: APIRequestContext, input: ArticleInput) => saveArticle(editor, input, 'publish');
/** Takes an article off the site again (revalidating the pages that showed it), e.g. to leave the front page as it was. */
export const unpublishArticle = (editor: APIRequestContext, id: number, input: ArticleInput) => saveArticle(editor, input, 'unpublish', String(id));

export async function sectionId(slug: string): Promise<number> {
  const [row] = await queryRows<{ id: number }>('select id from sections where slug = ?', [slug]);
  return Number(row.id);
}
