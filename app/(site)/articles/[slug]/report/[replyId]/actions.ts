'use server';

import { headers } from 'next/headers';
import { reportReply, ReportRefusedError } from '@/db/queries/reports';
import { getReplySettings } from '@/db/queries/settings';
import { cacheTags } from '@/lib/cache-tags';
import { capValues, fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { clientAddress, hashAddress } from '@/lib/request-address';
import { REPORT_FIELDS, ReportSchema, REPORTS_PER_HOUR } from '@/lib/replies/report-schema';
import { expireTags } from '@/lib/revalidate/expire';
import { appSecret } from '@/lib/secret';

export type ReportFormState = ActionState<{ reason: string; note: string }>;

/** A reader reports a comment. Public: validates everything itself and works as a plain form post. */
export async function reportReplyAction(_prev: ReportFormState, formData: FormData): Promise<ReportFormState> {
  const raw = formValues(formData, REPORT_FIELDS);
  const values = capValues({ reason: raw.reason, note: raw.note }, { reason: 20, note: 500 });
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) return { status: 'error', message: 'Your report was not sent.', fieldErrors: fieldErrorsOf(parsed.error), values };
  const address = clientAddress(await headers());
  // Without an address there is nothing to limit by; such reports are refused rather than unlimited.
  if (!address) return { status: 'error', message: 'Your report could not be sent from this connection.', values };
  const settings = await getReplySettings();
  try {
    const result = await reportReply({
      replyId: parsed.data.replyId,
      reason: parsed.data.reason,
      note: parsed.data.note,
      reporterHash: hashAddress(address, appSecret()),
      threshold: settings.reportThreshold,
      perHour: REPORTS_PER_HOUR,
    });
    if (result.heldAgain) await expireTags([cacheTags.article(result.articleId)]);
  } catch (e) {
    if (e instanceof ReportRefusedError) return { status: 'error', message: e.message, values };
    throw e;
  }
  return { status: 'success', message: 'Thank you. A moderator will look at this comment.' };
}
