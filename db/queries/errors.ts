import 'server-only';

// Refusals the data layer throws with a message that is safe to show beside a form field.

export type SlugOwner = 'article' | 'section' | 'tag';

/** The slug asked for already belongs to another article, section or tag. */
export class SlugTakenError extends Error {
  constructor(
    readonly kind: SlugOwner,
    readonly slug: string,
  ) {
    super(kind === 'article' ? `The slug “${slug}” is already used by another article.` : `Another ${kind} already uses the slug "${slug}".`);
  }
}
