import { parseCompareParams } from '@/lib/revisions/compare-params';
import { can, type Action, type Actor, type ArticleResource } from './permissions';

// Who may open which admin page, decided before the page renders (the proxy asks adminPageAccess), so a
// refusal is a real 403 and a missing record a real 404 with or without JavaScript: a per-request page
// starts its answer (status 200) before its own checks run. Each page checks again as it renders.
// Every page.tsx under app/admin has a line here; a test keeps the two lists the same.

export type PageAccess = 'ok' | 'forbidden' | 'not-found';

/** Actions decided without a record (the same as staff-action.ts's Allow). */
type Allow = Extract<Action, { do: string; article?: never }>['do'];

/** Reads the records a page is about (null when there is none). */
export type PageRecords = {
  article(id: number): Promise<ArticleResource | null>;
  revisionExists(articleId: number, revisionId: number): Promise<boolean>;
  pageExists(id: number): Promise<boolean>;
};

type Rule = {
  /** The page's file under app/admin, for the test that compares this list with the folder. */
  page: string;
  pattern: RegExp;
  allow: Allow;
  /** Checks on the record the address names (its path, or its query for the compare page), once `allow` passed. */
  record?: (match: RegExpExecArray, actor: NonNullable<Actor>, records: PageRecords, search: URLSearchParams) => Promise<PageAccess>;
};

const ID = '([1-9][0-9]{0,15})';

/** Someone who wrote or made the article sees its editor page, which says when they can no longer change it. */
export const isOwnArticle = (actorId: number, article: ArticleResource) => article.createdById === actorId || article.authorIds.includes(actorId);

export const ADMIN_PAGES: Rule[] = [
  { page: 'page.tsx', pattern: /^\/admin$/, allow: 'admin.enter' },
  { page: 'profile/page.tsx', pattern: /^\/admin\/profile$/, allow: 'admin.enter' },
  { page: 'articles/page.tsx', pattern: /^\/admin\/articles$/, allow: 'article.create' },
  { page: 'articles/new/page.tsx', pattern: /^\/admin\/articles\/new$/, allow: 'article.create' },
  {
    page: 'articles/[id]/page.tsx',
    pattern: new RegExp(`^/admin/articles/${ID}$`),
    allow: 'article.create',
    async record([, id], actor, records) {
      const article = await records.article(Number(id));
      if (!article) return 'not-found';
      return can(actor, { do: 'article.edit', article }) || isOwnArticle(actor.id, article) ? 'ok' : 'forbidden';
    },
  },
  {
    // The live composer: whoever may run the article's live coverage (those who may publish it).
    page: 'articles/[id]/live/page.tsx',
    pattern: new RegExp(`^/admin/articles/${ID}/live$`),
    allow: 'article.create',
    async record([, id], actor, records) {
      const article = await records.article(Number(id));
      if (!article) return 'not-found';
      return can(actor, { do: 'article.live', article }) ? 'ok' : 'forbidden';
    },
  },
  {
    page: 'articles/[id]/revisions/[revisionId]/page.tsx',
    pattern: new RegExp(`^/admin/articles/${ID}/revisions/${ID}$`),
    allow: 'article.create',
    async record([, id, revisionId], actor, records) {
      const [article, revision] = await Promise.all([records.article(Number(id)), records.revisionExists(Number(id), Number(revisionId))]);
      if (!article || !revision) return 'not-found';
      return can(actor, { do: 'article.edit', article }) ? 'ok' : 'forbidden';
    },
  },
  {
    // Two revisions of one article, named in the query (?from=A&to=B): both must be this article's.
    page: 'articles/[id]/revisions/compare/page.tsx',
    pattern: new RegExp(`^/admin/articles/${ID}/revisions/compare$`),
    allow: 'article.create',
    async record([, id], actor, records, search) {
      const pair = parseCompareParams(search);
      if (!pair) return 'not-found';
      const [article, from, to] = await Promise.all([
        records.article(Number(id)),
        records.revisionExists(Number(id), pair.from),
        records.revisionExists(Number(id), pair.to),
      ]);
      if (!article || !from || !to) return 'not-found';
      return can(actor, { do: 'article.edit', article }) ? 'ok' : 'forbidden';
    },
  },
  { page: 'front/page.tsx', pattern: /^\/admin\/front$/, allow: 'front.manage' },
  { page: 'breaking/page.tsx', pattern: /^\/admin\/breaking$/, allow: 'breaking.manage' },
  { page: 'comments/page.tsx', pattern: /^\/admin\/comments$/, allow: 'reply.moderate' },
  { page: 'comments/commenter/page.tsx', pattern: /^\/admin\/comments\/commenter$/, allow: 'reply.moderate' },
  { page: 'pages/page.tsx', pattern: /^\/admin\/pages$/, allow: 'page.manage' },
  { page: 'pages/new/page.tsx', pattern: /^\/admin\/pages\/new$/, allow: 'page.manage' },
  {
    page: 'pages/[id]/page.tsx',
    pattern: new RegExp(`^/admin/pages/${ID}$`),
    allow: 'page.manage',
    record: async ([, id], _actor, records) => ((await records.pageExists(Number(id))) ? 'ok' : 'not-found'),
  },
  { page: 'sections/page.tsx', pattern: /^\/admin\/sections$/, allow: 'taxonomy.manage' },
  { page: 'settings/page.tsx', pattern: /^\/admin\/settings$/, allow: 'settings.manage' },
  { page: 'system/page.tsx', pattern: /^\/admin\/system$/, allow: 'settings.manage' },
  { page: 'users/page.tsx', pattern: /^\/admin\/users$/, allow: 'staff.manage' },
];

/**
 * Whether this signed-in staff member may open this admin address. An address no page answers is
 * left to Next (its 404); an article or revision address with an id no page takes is a 404 here.
 */
export async function adminPageAccess(
  pathname: string,
  actor: NonNullable<Actor>,
  records: PageRecords,
  search: URLSearchParams = new URLSearchParams(),
): Promise<PageAccess> {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const rule of ADMIN_PAGES) {
    const match = rule.pattern.exec(path);
    if (!match) continue;
    if (!can(actor, { do: rule.allow } as Action)) return 'forbidden';
    return rule.record ? rule.record(match, actor, records, search) : 'ok';
  }
  // /admin/articles/<anything else> (not a number, or out of range): no such article.
  if (/^\/admin\/articles\/(?!new$)[^/]+(\/revisions\/[^/]+|\/live)?$/.test(path)) return can(actor, { do: 'article.create' }) ? 'not-found' : 'forbidden';
  if (/^\/admin\/pages\/(?!new$)[^/]+$/.test(path)) return can(actor, { do: 'page.manage' }) ? 'not-found' : 'forbidden';
  return 'ok';
}
