import Link from 'next/link';
import type { AuthorRef } from '@/db/queries/articles';

export function Byline({ authors, className }: { authors: AuthorRef[]; className?: string }) {
  if (authors.length === 0) return null;
  return (
    <p className={className}>
      By{' '}
      {authors.map((a, i) => (
        <span key={a.id}>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <Link href={`/authors/${a.slug}`} className="font-semibold underline-offset-4 hover:underline" rel="author">
            {a.name}
          </Link>
        </span>
      ))}
    </p>
  );
}
