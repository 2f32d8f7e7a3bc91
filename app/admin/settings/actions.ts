'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { getReplySettings, saveReplySettings } from '@/db/queries/settings';
import { listRepliesForTrial } from '@/db/queries/settings-dry-run';
import type { StaffMember } from '@/db/queries/staff';
import { can } from '@/lib/auth/permissions';
import { NotAllowedError, requireStaff } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { describeTrial, tryReplyRules, type TrialExample } from '@/lib/replies/dry-run';
import { REPLY_SETTINGS_FIELDS, ReplySettingsSchema, replySettingsFormValues, type ReplySettingsValues } from '@/lib/replies/settings-schema';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';

// Reply rules and settings (admin only). Both actions: session → can('settings.manage') → safeParse →
// the work. `at` tells the form which of its two actions answered last.

export type ReplySettingsFormState = ActionState<ReplySettingsValues> & {
  at?: number;
  examples?: TrialExample[];
};

type Allowed = { staff: StaffMember; refused?: undefined } | { staff?: undefined; refused: ReplySettingsFormState };

async function authorize(values: ReplySettingsValues): Promise<Allowed> {
  try {
    const staff = await requireStaff();
    if (!can(staff, { do: 'settings.manage' })) throw new NotAllowedError();
    return { staff };
  } catch (e) {
    if (e instanceof NotAllowedError) return { refused: { status: 'error', message: e.message, values, at: Date.now() } };
    throw e;
  }
}

export async function saveReplySettingsAction(_prev: ReplySettingsFormState, formData: FormData): Promise<ReplySettingsFormState> {
  const values = formValues(formData, REPLY_SETTINGS_FIELDS);
  const { staff, refused } = await authorize(values);
  if (refused) return refused;
  const parsed = ReplySettingsSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'The settings were not saved. Please correct the marked fields.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
      at: Date.now(),
    };
  }
  // Settings this form does not show keep their stored values.
  await saveReplySettings({ ...(await getReplySettings()), ...parsed.data }, staff.id);
  // Article pages read the thread depth and closing age under this tag.
  updateTag(cacheTags.replySettings);
  revalidateAgainShortly([cacheTags.replySettings]);
  revalidatePath('/admin/settings');
  return {
    status: 'success',
    message: 'Saved. New replies follow these rules from now on.',
    values: replySettingsFormValues(parsed.data),
    at: Date.now(),
  };
}

export async function tryReplySettingsAction(_prev: ReplySettingsFormState, formData: FormData): Promise<ReplySettingsFormState> {
  const values = formValues(formData, REPLY_SETTINGS_FIELDS);
  const { refused } = await authorize(values);
  if (refused) return refused;
  const parsed = ReplySettingsSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'The rules were not tried. Please correct the marked fields.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
      at: Date.now(),
    };
  }
  const [stored, saved] = await Promise.all([listRepliesForTrial(), getReplySettings()]);
  const trial = tryReplyRules(stored, parsed.data, saved);
  return { status: 'success', message: describeTrial(trial), examples: trial.examples, values, at: Date.now() };
}
