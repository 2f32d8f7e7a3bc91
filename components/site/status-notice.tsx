/**
 * The reader's not-found and error pages: a heading, what happened, what to do next. `wordmark` when
 * no masthead is around it (the address matched no page, or the site's own layout failed). No
 * next/link here: the error boundaries (client components, on every reader page) render this too.
 */
export function StatusNotice({ title, wordmark = false, children }: { title: string; wordmark?: boolean; children: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-center justify-center gap-4 px-4 py-16 text-center">
      {wordmark && (
        // eslint-disable-next-line @next/next/no-html-link-for-pages -- see above
        <a href="/" className="font-serif text-3xl font-black">
          Broadsheet
        </a>
      )}
      <h1 className="font-serif text-4xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

export const noticeText = 'font-serif text-lg text-current/75';
export const noticeLink = 'font-semibold text-[var(--color-accent)] underline underline-offset-4';
