'use server';

import { revalidatePath } from 'next/cache';
import { getReplySettings, saveReplySettings, saveSiteSettings } from '@/db/queries/settings';
import { listRepliesForTrial } from '@/db/queries/settings-dry-run';
import { staffAction } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import { describeTrial, tryReplyRules, type TrialExample } from '@/lib/replies/dry-run';
import { REPLY_SETTINGS_FIELDS, ReplySettingsSchema, replySettingsFormValues, type ReplySettingsValues } from '@/lib/replies/settings-schema';
import { expireTags } from '@/lib/revalidate/expire';
import { SITE_SETTINGS_FIELDS, SiteSettingsSchema, siteSettingsFormValues, type SiteSettingsValues } from '@/lib/site/settings';
import { formatInZone } from '@/lib/time/zone';

// Reply rules and settings (admin only). The wrapper stamps every answer with `at`, which tells the
// form which of its two actions answered last.

export type ReplySettingsFormState = ActionState<ReplySettingsValues> & { examples?: TrialExample[] };

export const saveReplySettingsAction = staffAction(
  {
    allow: 'settings.manage',
    schema: ReplySettingsSchema,
    fields: REPLY_SETTINGS_FIELDS,
    invalid: 'The settings were not saved. Please correct the marked fields.',
    plainPost: { form: () => 'reply-settings-save', page: '/admin/settings' },
  },
  async (input, { staff }): Promise<ReplySettingsFormState> => {
    // Settings this form does not show keep their stored values.
    await saveReplySettings({ ...(await getReplySettings()), ...input }, staff.id);
    // Article pages read the thread depth and closing age under this tag.
    await expireTags([cacheTags.replySettings]);
    revalidatePath('/admin/settings');
    return { status: 'success', message: 'Saved. New replies follow these rules from now on.', values: replySettingsFormValues(input) };
  },
);

export const tryReplySettingsAction = staffAction(
  {
    allow: 'settings.manage',
    schema: ReplySettingsSchema,
    fields: REPLY_SETTINGS_FIELDS,
    invalid: 'The rules were not tried. Please correct the marked fields.',
    // Without JavaScript the message comes back; the example replies do not fit the answer's cookie.
    plainPost: { form: () => 'reply-settings-try', page: '/admin/settings' },
  },
  async (input, { values }): Promise<ReplySettingsFormState> => {
    const [stored, saved] = await Promise.all([listRepliesForTrial(), getReplySettings()]);
    const trial = tryReplyRules(stored, { ...saved, ...input }, saved);
    return { status: 'success', message: describeTrial(trial), examples: trial.examples, values };
  },
);

export type SiteSettingsFormState = ActionState<SiteSettingsValues>;

/** The site's time zone: every page that shows a time reads it, so saving expires them all. */
export const saveSiteSettingsAction = staffAction(
  {
    allow: 'settings.manage',
    schema: SiteSettingsSchema,
    fields: SITE_SETTINGS_FIELDS,
    invalid: 'The time zone was not saved. Please choose one from the list.',
    plainPost: { form: () => 'site-settings-save', page: '/admin/settings' },
  },
  async (input, { staff }): Promise<SiteSettingsFormState> => {
    await saveSiteSettings(input, staff.id);
    await expireTags([cacheTags.siteSettings]);
    revalidatePath('/admin', 'layout');
    return {
      status: 'success',
      message: `Saved. Times now show in ${input.timeZone}: it is ${formatInZone(new Date(), input.timeZone, true)}.`,
      values: siteSettingsFormValues(input),
    };
  },
);
