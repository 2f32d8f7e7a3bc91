import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { firstValue, type SearchParams } from '@/components/admin/desk/search-params';
import { Field } from '@/components/ui/field';
import { dangerButton, inputClass, smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { NotAllowed } from '@/components/admin/not-allowed';
import { Time } from '@/components/ui/time';
import { SanctionLabel } from '@/components/admin/desk/sanction-label';
import { historyByEmail } from '@/db/queries/moderation-queue';
import { sanctionsByEmail } from '@/db/queries/sanctions';
import { can } from '@/lib/auth/permissions';
import { CommenterParamsSchema, deskReturn, queueHref } from '@/lib/replies/moderation-schema';
import { eraseCommenterAction, liftSanctionAction, removeRepliesAction, sanctionCommenterAction } from '../actions';

export const metadata: Metadata = { title: 'Commenter tools', robots: { index: false } };
export const instant = false;

/**
 * One commenter's tools: sanctions, removing all their replies, and their personal data. Kept off
 * the desk rows so a desk page stays light; every action here returns to the desk page it came from.
 */
export default async function CommenterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/login?callbackUrl=/admin/comments');
  if (!can(staff, { do: 'reply.moderate' })) return <NotAllowed />;
  const raw = await searchParams;
  const parsed = CommenterParamsSchema.safeParse({ email: firstValue(raw.email), back: firstValue(raw.back) });
  if (!parsed.success) notFound();
  const { email } = parsed.data;
  const back = deskReturn(parsed.data.back);
  const [history, sanctions] = await Promise.all([historyByEmail([email]), sanctionsByEmail([email])]);
  const counts = history.get(email) ?? { pending: 0, approved: 0, spam: 0, trash: 0 };
  const list = sanctions.get(email) ?? [];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back} className="underline underline-offset-4">
          ← Back to the desk
        </Link>
      </p>
      <h1 className="mb-1 font-serif text-3xl font-bold">Commenter tools</h1>
      <p className="mb-6 break-all text-current/80">{email}</p>

      <div className="flex max-w-3xl flex-col gap-8 text-sm">
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-2 font-serif text-lg font-bold">
            Replies from this email
          </h2>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {(['approved', 'pending', 'spam', 'trash'] as const).map((status) => (
              <li key={status}>
                <Link href={queueHref({ status, email })} className="underline underline-offset-4">
                  {counts[status].toLocaleString('en-GB')} {status}
                </Link>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="sanctions-heading" className="flex flex-col gap-3">
          <h2 id="sanctions-heading" className="font-serif text-lg font-bold">
            Sanctions
          </h2>
          {list.length === 0 ? (
            <p className="text-current/70">None.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {list.map((x) => (
                <li key={x.id} className="flex flex-wrap items-center gap-2">
                  <span className={x.liftedAt ? 'text-current/60 line-through' : 'font-semibold'}>
                    <SanctionLabel sanction={x} />
                  </span>
                  <span>
                    “{x.reason}” · {x.byName ?? 'someone'}, <Time date={x.createdAt} />
                  </span>
                  {!x.liftedAt && (
                    <form action={liftSanctionAction}>
                      <input type="hidden" name="id" value={x.id} />
                      <input type="hidden" name="returnTo" value={back} />
                      <SubmitButton className={smallButton}>Lift</SubmitButton>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
          <form action={sanctionCommenterAction} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="email" value={email} />
            <input type="hidden" name="returnTo" value={back} />
            <Field id="sanction-kind" label="Sanction" labelClassName="font-semibold">
              <select name="kind" className={inputClass} defaultValue="ban">
                <option value="ban">Ban</option>
                <option value="suspend">Suspend until…</option>
                <option value="hold">Always hold</option>
              </select>
            </Field>
            <Field id="sanction-until" label="Until" labelClassName="font-semibold">
              <input type="date" name="until" className={inputClass} />
            </Field>
            <Field id="sanction-reason" label="Reason" labelClassName="font-semibold" className="flex grow flex-col gap-1">
              <input name="reason" maxLength={300} className={inputClass} />
            </Field>
            <label className="flex items-center gap-1">
              <input type="checkbox" name="includeAddress" /> their address too
            </label>
            <SubmitButton className={smallButton}>Apply sanction</SubmitButton>
          </form>
        </section>

        <section aria-labelledby="remove-heading" className="flex flex-col gap-3">
          <h2 id="remove-heading" className="font-serif text-lg font-bold">
            Replies and personal data
          </h2>
          <div className="flex flex-wrap gap-2">
            <form action={removeRepliesAction}>
              <input type="hidden" name="scope" value="commenter" />
              <input type="hidden" name="email" value={email} />
              <input type="hidden" name="returnTo" value={back} />
              <SubmitButton className={smallButton}>Remove this commenter’s replies</SubmitButton>
            </form>
            <a href={`/admin/comments/export?email=${encodeURIComponent(email)}`} className={smallButton} download>
              Export replies (JSON)
            </a>
          </div>
          <form action={eraseCommenterAction} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="email" value={email} />
            <input type="hidden" name="returnTo" value={back} />
            <label className="flex items-center gap-1">
              <input type="checkbox" name="confirm" value="yes" /> I understand erasing cannot be undone
            </label>
            <SubmitButton className={dangerButton}>Erase this commenter’s data</SubmitButton>
          </form>
        </section>
      </div>
    </>
  );
}
