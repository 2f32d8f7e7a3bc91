'use client';

import { useActionState } from 'react';
import { removeBreakingAction, showBreakingAction, type BreakingFormState } from '@/app/admin/breaking/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { dangerSecondaryButton, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { HEADLINE_MAX, type BreakingValues } from '@/lib/breaking/banner';
import type { ActionState } from '@/lib/forms';

/** Shows a banner (replacing the one up). `initial`: the banner up now; `answer`: a post made without JavaScript. */
export function ShowBannerForm({ initial, answer }: { initial: BreakingValues; answer?: BreakingFormState }) {
  const [state, show] = useActionState<BreakingFormState, FormData>(showBreakingAction, answer ?? { status: 'idle' });
  // A refusal keeps what was typed; a success shows what is up now (the page's values).
  const values = state.status === 'error' && state.values ? state.values : initial;
  const key = `${state.at ?? 0}`;
  return (
    <form action={show} noValidate className="flex max-w-2xl flex-col gap-4">
      <Field id="breaking-headline" label="Headline" hint={`Up to ${HEADLINE_MAX} characters.`} error={state.fieldErrors?.headline}>
        <input name="headline" type="text" defaultValue={values.headline} key={`h-${key}`} maxLength={HEADLINE_MAX * 2} className={wideInputClass} />
      </Field>
      <Field
        id="breaking-link"
        label="Link"
        hint="A path on this site, such as /articles/harbour-fire, or an https:// address."
        error={state.fieldErrors?.link}
      >
        <input name="link" type="text" inputMode="url" defaultValue={values.link} key={`l-${key}`} className={wideInputClass} />
      </Field>
      <label className="flex items-center gap-2 text-sm font-semibold">
        <input name="live" type="checkbox" defaultChecked={values.live === 'on'} key={`v-${key}`} className="size-4" />
        Live
      </label>
      <div>
        <SubmitButton>Show banner</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Takes the banner down. Stays mounted once it is gone (`showing` false), so its answer stays in view. */
export function RemoveBannerForm({ showing, answer }: { showing: boolean; answer?: ActionState }) {
  const [state, remove] = useActionState<ActionState, FormData>(removeBreakingAction, answer ?? { status: 'idle' });
  return (
    <form action={remove} className="flex flex-col gap-3">
      {showing && (
        <div>
          <SubmitButton className={dangerSecondaryButton}>Remove banner</SubmitButton>
        </div>
      )}
      <FormMessage state={state} />
    </form>
  );
}
