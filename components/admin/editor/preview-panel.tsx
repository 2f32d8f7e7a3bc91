// The live preview beside a Markdown field (article, page and live-update editors): the rendered HTML
// the server sent back for what was typed, or a hint until there is some.
export function PreviewPanel({
  html,
  headingId,
  headingLevel = 2,
  compact = false,
}: {
  html: string | null;
  headingId: string;
  /** h2 on an editor page of its own; h3 inside a section that has its own h2 (the live composer). */
  headingLevel?: 2 | 3;
  compact?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId} className={`min-w-0 rounded-sm border border-current/15 ${compact ? 'p-3' : 'p-4'}`}>
      <Heading id={headingId} className={`${compact ? 'mb-2' : 'mb-3'} text-xs font-bold uppercase tracking-widest text-current/70`}>
        Preview
      </Heading>
      {html ? (
        <div className="prose prose-neutral max-w-none font-serif [overflow-wrap:anywhere] dark:prose-invert" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="text-sm text-current/70">The preview appears as you type.</p>
      )}
    </section>
  );
}
