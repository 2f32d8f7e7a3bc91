import { splitMarked } from '@/lib/search/highlight';

/** Text from the search index with its matched words in <mark>; everything else is plain (escaped) text. */
export function MarkedText({ text }: { text: string }) {
  return (
    <>
      {splitMarked(text).map((part, i) =>
        part.marked ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
