import { moveFrontPinAction, pinFrontAction, unpinFrontAction } from '@/app/admin/front/actions';
import { Field } from '@/components/ui/field';
import { dangerButton, inputClass, primaryButton, smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { AdminPin } from '@/db/queries/front-pins';
import { formatInZone } from '@/lib/time/zone';

// The pieces of /admin/front: plain forms (no JavaScript needed), each answered by a notice.

type Choice = { id: number; title: string };

/** Chooses an article (from the newest published, or by slug) and an optional expiry, and pins it. */
export function PinForm({
  idPrefix,
  slot,
  sectionId = null,
  choices,
  button,
  zone,
}: {
  idPrefix: string;
  slot: 'lead' | 'top';
  sectionId?: number | null;
  choices: Choice[];
  button: string;
  zone: string;
}) {
  return (
    <form
      action={pinFrontAction}
      className="mt-3 grid gap-3 rounded-sm border border-current/15 p-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-end"
    >
      <input type="hidden" name="slot" value={slot} />
      {sectionId !== null && <input type="hidden" name="sectionId" value={sectionId} />}
      <Field id={`${idPrefix}-article`} label="Article">
        <select name="articleId" className={`${inputClass} w-full min-w-0`} defaultValue="">
          <option value="">Choose a recent article…</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${idPrefix}-slug`} label="Or its slug">
        <input name="slug" className={`${inputClass} w-full min-w-0`} autoComplete="off" spellCheck={false} />
      </Field>
      <Field id={`${idPrefix}-expires`} label={`Expires (${zone}, optional)`}>
        <input type="datetime-local" name="expires" className={`${inputClass} w-full min-w-0`} />
      </Field>
      <SubmitButton className={primaryButton}>{button}</SubmitButton>
    </form>
  );
}

/** One pinned story (a list item), with its expiry and the buttons that change it. */
export function PinRow({ pin, zone, first, last, movable = false }: { pin: AdminPin; zone: string; first?: boolean; last?: boolean; movable?: boolean }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-2">
      <div className="min-w-0 [overflow-wrap:anywhere]">
        <a href={`/articles/${pin.article.slug}`} className="font-semibold underline-offset-4 hover:underline">
          {pin.article.title}
        </a>
        <p className="text-xs text-current/70">
          {pin.article.status !== 'published' ? 'Not published: readers do not see it. ' : ''}
          {pin.expiresAt ? `${pin.expired ? 'Expired' : 'Until'} ${formatInZone(pin.expiresAt, zone, true)}` : 'No expiry'}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {movable && (
          <>
            <form action={moveFrontPinAction}>
              <input type="hidden" name="id" value={pin.id} />
              <input type="hidden" name="direction" value="up" />
              <SubmitButton className={smallButton} disabled={first}>
                Move up
              </SubmitButton>
            </form>
            <form action={moveFrontPinAction}>
              <input type="hidden" name="id" value={pin.id} />
              <input type="hidden" name="direction" value="down" />
              <SubmitButton className={smallButton} disabled={last}>
                Move down
              </SubmitButton>
            </form>
          </>
        )}
        <form action={unpinFrontAction}>
          <input type="hidden" name="id" value={pin.id} />
          <SubmitButton className={dangerButton}>Unpin</SubmitButton>
        </form>
      </div>
    </li>
  );
}
