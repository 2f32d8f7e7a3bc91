import Link from 'next/link';

export function Pagination({
  basePath,
  page,
  hasNext,
  label,
  separator = '?',
  words = ['Newer', 'Older'],
}: {
  basePath: string;
  page: number;
  hasNext: boolean;
  label: string;
  /** '&' when basePath already has a query string. */
  separator?: '?' | '&';
  /** Link words for the previous and next page (lists run newest first). */
  words?: [string, string];
}) {
  if (page === 1 && !hasNext) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}${separator}page=${n}`);
  return (
    <nav aria-label={label} className="mt-10 flex items-center justify-between border-t border-current/15 pt-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="font-semibold underline-offset-4 hover:underline">
          ← {words[0]}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-current/70">Page {page}</span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next" className="font-semibold underline-offset-4 hover:underline">
          {words[1]} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
