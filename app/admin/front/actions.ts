'use server';

import { revalidatePath } from 'next/cache';
import { findPinnableArticle, moveTopPin, pinArticle, unpin } from '@/db/queries/front-pins';
import { getSiteSettings } from '@/db/queries/settings';
import { listSections } from '@/db/queries/taxonomy';
import { ActionError, staffRedirectAction, withNotice } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import { idField, MovePinSchema, PinIdSchema, PinSchema } from '@/lib/front/schema';
import { expireTags } from '@/lib/revalidate/expire';
import { parseLocalDateTime } from '@/lib/time/zone';

// The chosen front page (issue 18, part 5): plain forms that go back to /admin/front with a notice.
// A change expires the home page (and the section whose lead changed) at once.

const BACK = '/admin/front';

/** The home page shows every pin (section leads lead their blocks there); a section page its own. */
async function refresh(sectionId: number | null) {
  const slug = sectionId === null ? null : (await listSections()).find((s) => s.id === sectionId)?.slug;
  await expireTags([cacheTags.home, ...(slug ? [cacheTags.section(slug)] : [])]);
  revalidatePath(BACK);
}

/** Pins a published article as the lead, a top story, or a section's lead, optionally until a time. */
export const pinFrontAction = staffRedirectAction(
  {
    allow: 'front.manage',
    schema: PinSchema,
    input: (fd) => ({
      slot: fd.get('slot'),
      sectionId: idField(fd.get('sectionId')),
      articleId: idField(fd.get('articleId')),
      slug: String(fd.get('slug') ?? ''),
      expires: String(fd.get('expires') ?? ''),
    }),
    back: () => BACK,
  },
  async (input, { staff }) => {
    let expiresAt: Date | null = null;
    if (input.expires) {
      const { timeZone } = await getSiteSettings();
      expiresAt = parseLocalDateTime(input.expires, timeZone);
      if (!expiresAt) throw new ActionError('Enter the expiry as a date and time.');
      if (expiresAt.getTime() <= Date.now()) throw new ActionError('The expiry must be in the future.');
    }
    // A slug typed in wins over the list: it is the more deliberate choice.
    const article = await findPinnableArticle(input.slug ? { slug: input.slug.toLowerCase() } : { id: input.articleId! });
    if (!article) throw new ActionError(input.slug ? 'No published article has that slug.' : 'That article is not published.');
    const outcome = await pinArticle({ slot: input.slot, sectionId: input.sectionId, articleId: article.id, expiresAt, by: staff.id });
    if (!outcome.ok) {
      if (outcome.reason === 'full') throw new ActionError('There are already 4 top stories: unpin one first.');
      if (outcome.reason === 'already-top') throw new ActionError('That article is already a top story.');
      throw new ActionError('That section is gone.');
    }
    await refresh(outcome.sectionId);
    return withNotice(BACK, { notice: 'Pinned.' });
  },
);

/** Moves a top story up or down. */
export const moveFrontPinAction = staffRedirectAction(
  {
    allow: 'front.manage',
    schema: MovePinSchema,
    input: (fd) => ({ id: idField(fd.get('id')), direction: fd.get('direction') }),
    back: () => BACK,
  },
  async ({ id, direction }) => {
    const moved = await moveTopPin(id, direction);
    if (!moved) throw new ActionError('That pin is gone.');
    await refresh(moved.sectionId);
    return withNotice(BACK, { notice: 'Moved.' });
  },
);

/** Removes a pin: the story goes back to its place in the newest-first list. */
export const unpinFrontAction = staffRedirectAction(
  {
    allow: 'front.manage',
    schema: PinIdSchema,
    input: (fd) => ({ id: idField(fd.get('id')) }),
    back: () => BACK,
  },
  async ({ id }) => {
    const gone = await unpin(id);
    if (!gone) throw new ActionError('That pin is gone.');
    await refresh(gone.sectionId);
    return withNotice(BACK, { notice: 'Unpinned.' });
  },
);
