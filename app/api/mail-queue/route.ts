import { claimMail, listDueMail, markMailFailed, markMailSent } from '@/db/queries/mail';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';
import { env } from '@/lib/env';
import { mailEnabled, mailTransport } from '@/lib/mail/transport';
import { countMail, withJobRun } from '@/lib/metrics';

const BATCH = 50;

/**
 * Sends queued mail that is due. The server calls this itself every few seconds (instrumentation.ts);
 * a failure is retried later with back-off, and the queue survives a restart because it is a table.
 */
export async function POST(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  if (!mailEnabled()) return Response.json({ sent: 0, failed: 0, disabled: true });
  return withJobRun('mail', sendDueMail);
}

async function sendDueMail() {
  let sent = 0;
  let failed = 0;
  for (const mail of await listDueMail(BATCH)) {
    if (!(await claimMail(mail.id, mail.nextAttemptAt))) continue;
    try {
      await mailTransport().sendMail({ from: env.MAIL_FROM, to: mail.toAddress, subject: mail.subject, text: mail.textBody, headers: mail.headers });
      await markMailSent(mail.id);
      countMail('sent');
      sent++;
    } catch (err) {
      await markMailFailed(mail.id, mail.attempts, err instanceof Error ? err.message : String(err));
      countMail('failed');
      failed++;
    }
  }
  return Response.json({ sent, failed });
}
