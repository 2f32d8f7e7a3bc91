import { hasChanges, wordDiff, type DiffPart } from '@/lib/text/word-diff';

// Rules of the editor's safety net, kept free of the database so unit tests reach them: which version
// of an article the editor shows, and what a refused (stale) save tells the editor.

/** The editable fields a pending revision keeps beyond title, standfirst and body, to apply later (its meta is PendingMeta in db/queries/admin-articles.ts). */
export type PendingFields = {
  slug: string;
  sectionId: number | null;
  tags: string[];
  coverImagePath: string | null;
  coverAlt: string | null;
  coverCaption: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  commentsOpen: boolean;
  correction: string | null;
};

/** The shape of an article as the editor loads it: the live fields, and pending changes if any. */
export type ArticleWithPending = {
  title: string;
  slug: string;
  standfirst: string;
  body: string;
  sectionId: number | null;
  tags: { name: string }[];
  coverImagePath: string | null;
  coverAlt: string | null;
  coverCaption: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  commentsOpen: boolean;
  version: number;
  lastChange: { by: string | null; at: Date } | null;
  pending: { title: string; standfirst: string; body: string; meta: PendingFields } | null;
};

/** What the editor shows and saves over: the pending changes when there are some, else the article. */
export function editedVersion(a: ArticleWithPending) {
  const p = a.pending;
  if (p) {
    const m = p.meta;
    return {
      title: p.title,
      slug: m.slug,
      standfirst: p.standfirst,
      body: p.body,
      sectionId: m.sectionId,
      tags: m.tags,
      coverImagePath: m.coverImagePath,
      coverAlt: m.coverAlt,
      coverCaption: m.coverCaption,
      seoTitle: m.seoTitle,
      seoDescription: m.seoDescription,
      commentsOpen: m.commentsOpen,
      correction: m.correction,
    };
  }
  return {
    title: a.title,
    slug: a.slug,
    standfirst: a.standfirst,
    body: a.body,
    sectionId: a.sectionId,
    tags: a.tags.map((t) => t.name),
    coverImagePath: a.coverImagePath,
    coverAlt: a.coverAlt,
    coverCaption: a.coverCaption,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    commentsOpen: a.commentsOpen,
    correction: null,
  };
}

export type EditedText = { title: string; standfirst: string; body: string };

const LABELS = { title: 'Title', standfirst: 'Standfirst', body: 'Body' } as const;

const TEXT_FIELDS = ['title', 'standfirst', 'body'] as const;

/** Word diffs from `before` to `after` for title, standfirst and body, changed or not (the revision pages show all three). */
export function allTextDiffs(before: EditedText, after: EditedText): { field: keyof EditedText; label: string; parts: DiffPart[] }[] {
  return TEXT_FIELDS.map((field) => ({ field, label: LABELS[field], parts: wordDiff(before[field], after[field]) }));
}

/** Word diffs from `current` to `mine`, for each text field that differs. */
export function textDiffs(current: EditedText, mine: EditedText) {
  return allTextDiffs(current, mine).filter((d) => hasChanges(d.parts));
}

/** Whether two texts differ at all: a plain comparison, no diff worked out. */
export function textChanged(a: EditedText, b: EditedText): boolean {
  return TEXT_FIELDS.some((field) => a[field] !== b[field]);
}

/** A refused save's answer: the version to save over, who saved it and when, and the difference. */
export function saveConflict<I extends string>(current: ArticleWithPending, mine: EditedText, intent: I) {
  return {
    version: current.version,
    by: current.lastChange?.by ?? 'Someone',
    at: (current.lastChange?.at ?? new Date()).getTime(),
    intent,
    diffs: textDiffs(editedVersion(current), mine),
  };
}

/** "Ada Editor changed this article at 10:42 since you opened it." — in the site's time zone. */
export function conflictMessage(change: { by: string; at: number }, timeZone = 'UTC'): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(change.at);
  return `${change.by} changed this article at ${time} since you opened it.`;
}
