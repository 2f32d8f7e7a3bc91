'use server';

import { randomBytes } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { saveBreakingBanner } from '@/db/queries/breaking';
import { staffAction } from '@/lib/auth/staff-action';
import { BREAKING_FIELDS, BreakingSchema, publicAnswer, type BreakingValues } from '@/lib/breaking/banner';
import { rememberBanner } from '@/lib/breaking/snapshot';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import { expireTags } from '@/lib/revalidate/expire';

// The breaking-news banner (editors and admins). A change expires only the banner's own tag: reader
// pages do not carry it (their island polls /api/breaking), so no page is re-rendered.

export type BreakingFormState = ActionState<BreakingValues>;

async function expireBanner() {
  await expireTags([cacheTags.breaking]);
  revalidatePath('/admin/breaking');
}

export const showBreakingAction = staffAction(
  {
    allow: 'breaking.manage',
    schema: BreakingSchema,
    fields: BREAKING_FIELDS,
    invalid: 'The banner was not shown.',
    plainPost: { form: () => 'breaking-show', page: '/admin/breaking' },
  },
  async (input, { staff }): Promise<BreakingFormState> => {
    const setAt = new Date();
    const id = `${setAt.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
    const banner = { id, headline: input.headline, link: input.link, live: input.live, setById: staff.id, setAt: setAt.toISOString() };
    await saveBreakingBanner(banner, staff.id);
    rememberBanner(publicAnswer(banner).banner);
    await expireBanner();
    return { status: 'success', message: 'The banner is showing. Readers see it within 15 seconds.' };
  },
);

export const removeBreakingAction = staffAction(
  { allow: 'breaking.manage', schema: z.object({}), fields: [], plainPost: { form: () => 'breaking-remove', page: '/admin/breaking' } },
  async (_input, { staff }): Promise<ActionState> => {
    await saveBreakingBanner(null, staff.id);
    rememberBanner(null);
    await expireBanner();
    return { status: 'success', message: 'The banner is removed. Readers stop seeing it within 15 seconds.' };
  },
);
