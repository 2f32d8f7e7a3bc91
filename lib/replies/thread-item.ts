/**
 * The compact form of a discussion that the client thread renders (lib/replies/thread-data.ts makes it).
 * Kept apart, with no imports, so the browser's bundle gets these few lines and not the text parser.
 */

/** rel attribute for links in replies. */
export const REPLY_LINK_REL = 'nofollow ugc noopener';

/** One line of a reply: text, and links as [href, text]. */
export type ThreadLine = (string | [href: string, text: string])[];

/** Bit flags of a reply, so each costs one number in the payload. */
export const REPLY_FLAG = { staff: 1, held: 2, canReply: 4 } as const;

/** A reply and its answers, as a tuple: the payload carries no key names. */
export type ThreadItem = [
  id: number,
  authorName: string,
  authorUrl: string | null,
  flags: number,
  /** When it was posted (ms since the epoch) and that time in words, in the site's zone. */
  createdAt: number,
  createdAtText: string,
  /** Paragraphs of lines. */
  body: ThreadLine[][],
  children: ThreadItem[],
];
