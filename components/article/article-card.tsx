import Link from 'next/link';
import type { ArticleCard as Card } from '@/db/queries/articles';
import { mediaUrl } from '@/lib/uploads';
import { Time } from '@/components/ui/time';
import { ResponsiveImage } from '@/components/ui/responsive-image';
import { LiveBadge } from '@/components/live/live-badge';

type Variant = 'lead' | 'standard' | 'compact';

export function ArticleCard({ article, variant = 'standard', headingLevel = 3 }: { article: Card; variant?: Variant; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = `/articles/${article.slug}`;
  const headingSize = variant === 'lead' ? 'text-3xl sm:text-4xl' : variant === 'compact' ? 'text-lg' : 'text-xl';
  return (
    <article className={variant === 'lead' && article.coverImagePath ? 'grid gap-5 md:grid-cols-5' : 'flex flex-col gap-2'}>
      {variant !== 'compact' && article.coverImagePath && (
        <Link href={href} className={variant === 'lead' ? 'md:col-span-3' : ''} tabIndex={-1} aria-hidden="true">
          <ResponsiveImage
            src={mediaUrl(article.coverImagePath)}
            alt=""
            width={1600}
            height={900}
            sizes={variant === 'lead' ? '(min-width: 768px) 60vw, 100vw' : '(min-width: 768px) 33vw, 100vw'}
            className="aspect-[16/9] w-full object-cover"
            eager={variant === 'lead'}
          />
        </Link>
      )}
      <div className={variant === 'lead' ? 'md:col-span-2 flex max-w-3xl flex-col gap-3' : 'flex flex-col gap-1.5'}>
        {article.live && variant === 'compact' && <LiveBadge className="self-start" />}
        {article.section && variant !== 'compact' ? (
          <p className="flex flex-wrap items-center gap-2">
            {article.live && <LiveBadge />}
            <Link href={`/sections/${article.section.slug}`} className="text-xs font-bold uppercase tracking-widest text-[var(--color-accent)]">
              {article.section.name}
            </Link>
          </p>
        ) : (
          article.live && variant !== 'compact' && <LiveBadge className="self-start" />
        )}
        <Heading className={`font-serif font-bold leading-tight [overflow-wrap:anywhere] ${headingSize}`}>
          <Link href={href} className="hover:underline underline-offset-4 decoration-1">
            {article.title}
          </Link>
        </Heading>
        {variant !== 'compact' && article.standfirst && (
          <p className={`font-serif text-current/80 ${variant === 'lead' ? 'text-lg' : 'text-base'}`}>{article.standfirst}</p>
        )}
        <p className="text-xs text-current/70">
          {article.authors.map((a) => a.name).join(', ')}
          {article.authors.length > 0 && ' · '}
          <Time date={article.publishedAt} />
        </p>
      </div>
    </article>
  );
}
