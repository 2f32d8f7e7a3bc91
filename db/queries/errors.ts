import 'server-only';

// Refusals the data layer throws with a message that is safe to show beside a form field.

export type SlugOwner = 'article' | 'section' | 'tag' | 'page';

/** The slug asked for already belongs to another article, section or tag (or is an old address that leads to one). */
export class SlugTakenError extends Error {
  constructor(
    readonly kind: SlugOwner,
    readonly slug: string,
    readonly oldAddress = false,
  ) {
    super(
      oldAddress
        ? `The slug “${slug}” is an old address of another article and still leads there.`
        : kind === 'article'
          ? `The slug “${slug}” is already used by another article.`
          : `Another ${kind} already uses the slug "${slug}".`,
    );
  }
}

/** A save based on an older version of the article than the current one: it changed nothing. */
export class StaleSaveError extends Error {
  constructor(
    readonly articleId: number,
    readonly currentVersion: number,
  ) {
    super('Someone else saved this article since it was opened.');
  }
}

/** The section chosen for an article does not exist (any more). */
export class UnknownSectionError extends Error {
  constructor() {
    super('Choose a section from the list.');
  }
}
