import type { DiffPart } from '@/lib/text/word-diff';

/** Long unchanged stretches shortened to their ends (`collapse` characters each side), so the changes stand out. */
function shorten(text: string, collapse: number | undefined, first: boolean, last: boolean): string {
  if (!collapse || text.length <= collapse * 2 + 20) return text;
  const head = first ? '' : text.slice(0, collapse);
  const tail = last ? '' : text.slice(-collapse);
  return `${head} … ${tail}`;
}

/** Removed words struck through in red, added words underlined in green; whitespace kept. */
export function DiffView({ parts, field, collapse }: { parts: DiffPart[]; field: string; collapse?: number }) {
  return (
    <div data-diff-field={field} className="whitespace-pre-wrap rounded-sm border border-current/20 p-3 font-serif leading-relaxed">
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{shorten(p.text, collapse, i === 0, i === parts.length - 1)}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline dark:bg-green-950 dark:text-green-200">
            {p.text}
          </ins>
        ) : (
          <del key={i} className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">
            {p.text}
          </del>
        ),
      )}
    </div>
  );
}
