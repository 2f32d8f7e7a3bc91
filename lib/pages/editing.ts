import type { BodyFormat } from '@/db/enums';
import { markdownToPlainText } from '@/lib/markdown/render';
import { hasChanges, wordDiff, type DiffPart } from '@/lib/text/word-diff';
import type { PageIntent } from './schema';

// Rules of the page editor's safety net, free of the database so unit tests reach them: what a save
// refused because someone saved first tells the editor, and what a page says about itself to search
// engines.

export type PageText = { title: string; body: string };

/** A save refused because someone saved first (the same shape the article editor's ConflictAlert shows). */
export type PageConflict = {
  /** The version to save over on purpose ("Save my version") or after merging by hand. */
  version: number;
  by: string;
  at: number;
  intent: PageIntent;
  diffs: { field: 'title' | 'body'; label: string; parts: DiffPart[] }[];
};

/** The page as it is now: its text, version, and who saved it last (its latest revision). */
export type CurrentPage = PageText & { version: number; lastChange: { by: string | null; at: Date } | null };

/** Word diffs from the current text to the editor's, for each field that differs. */
export function pageTextDiffs(current: PageText, mine: PageText): PageConflict['diffs'] {
  return (
    [
      ['title', 'Title'],
      ['body', 'Body'],
    ] as const
  )
    .map(([field, label]) => ({ field, label, parts: wordDiff(current[field], mine[field]) }))
    .filter((d) => hasChanges(d.parts));
}

export function pageConflict(current: CurrentPage, mine: PageText, intent: PageIntent): PageConflict {
  return {
    version: current.version,
    by: current.lastChange?.by ?? 'Someone',
    at: (current.lastChange?.at ?? new Date()).getTime(),
    intent,
    diffs: pageTextDiffs(current, mine),
  };
}

/** "Ada Editor changed this page at 10:42 since you opened it." — in the site's time zone. */
export function pageConflictMessage(change: { by: string; at: number }, timeZone = 'UTC'): string {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(change.at);
  return `${change.by} changed this page at ${time} since you opened it.`;
}

/** The page's summary for search engines and link previews: its opening words, cut at a word. */
export function pageDescription(body: string, _format: BodyFormat, max = 160): string {
  // Markdown passes HTML blocks through, so one reader gives the plain text of either format.
  const text = markdownToPlainText(body);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
