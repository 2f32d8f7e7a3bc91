import { highlightSegments } from '@/lib/replies/highlight';

/** Text with the part a reply rule matched marked, so the moderator sees why it was held. */
export function MarkedText({ text, match }: { text: string; match?: string | null }) {
  return (
    <>
      {highlightSegments(text, match).map((s, i) =>
        s.marked ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-amber-950">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** The start of a long text, cut at `max` characters. */
export function excerpt(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
