import type { ArticlePage } from '@/db/queries/articles';
import { ArticleCard } from './article-card';
import { Pagination } from '@/components/ui/pagination';

/** The shared shape of section, tag and author pages: a heading block, then a paginated list. */
export function ArticleListPage({
  heading,
  intro,
  basePath,
  list,
  emptyText,
}: {
  heading: React.ReactNode;
  intro?: React.ReactNode;
  basePath: string;
  list: ArticlePage;
  emptyText: string;
}) {
  return (
    <>
      <header className="mb-8 border-b border-current/15 pb-6">
        {heading}
        {intro}
      </header>
      {list.items.length === 0 ? (
        <p className="font-serif text-lg">{emptyText}</p>
      ) : (
        <div className="grid gap-10 sm:grid-cols-2 lg:grid-cols-3">
          {list.items.map((a) => (
            <ArticleCard key={a.id} article={a} headingLevel={2} />
          ))}
        </div>
      )}
      <Pagination basePath={basePath} page={list.page} hasNext={list.hasNext} label="Pages" />
    </>
  );
}
