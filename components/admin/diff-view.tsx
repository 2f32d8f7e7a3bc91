import type { DiffPart } from '@/lib/text/word-diff';

/** Removed words struck through in red, added words underlined in green; whitespace kept. */
export function DiffView({ parts, field }: { parts: DiffPart[]; field: string }) {
  return (
    <div data-diff-field={field} className="whitespace-pre-wrap rounded-sm border border-current/20 p-3 font-serif leading-relaxed">
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
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
