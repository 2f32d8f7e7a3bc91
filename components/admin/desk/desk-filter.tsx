import Link from 'next/link';
import { Field } from '@/components/ui/field';
import { inputClass, smallButton } from '@/components/ui/styles';
import { queueHref, type QueueParams } from '@/lib/replies/moderation-schema';

/** Narrows a queue by text and commenter email (a plain GET form: the filter is in the address). */
export function DeskFilter({ params, articleTitle }: { params: QueueParams; articleTitle?: string }) {
  const filtered = Boolean(params.article || params.email || params.q);
  return (
    <form method="get" action="/admin/comments" role="search" aria-label="Filter replies" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      <input type="hidden" name="status" value={params.status} />
      {params.article && <input type="hidden" name="article" value={params.article} />}
      <Field id="desk-filter-q" label="Text">
        <input name="q" defaultValue={params.q ?? ''} className={inputClass} />
      </Field>
      <Field id="desk-filter-email" label="Commenter email">
        <input name="email" type="email" defaultValue={params.email ?? ''} className={inputClass} />
      </Field>
      <button className={smallButton}>Filter</button>
      {filtered && (
        <Link href={queueHref({ status: params.status })} className="underline underline-offset-4">
          Clear filters
        </Link>
      )}
      {articleTitle && <span className="text-current/70">Only replies on “{articleTitle}”.</span>}
    </form>
  );
}
