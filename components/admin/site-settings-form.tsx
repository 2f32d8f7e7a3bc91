'use client';

import { useActionState } from 'react';
import { saveSiteSettingsAction, type SiteSettingsFormState } from '@/app/admin/settings/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { inputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { SiteSettingsValues } from '@/lib/site/settings';

/** The zones grouped by region ("Europe", "America"), UTC on its own first, for one long but scannable list. */
function groupZones(zones: readonly string[]) {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : '';
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups];
}

const zoneLabel = (zone: string) => zone.replaceAll('_', ' ');

/**
 * The site's time zone. `zones`: the ones the server accepts; `now`: the time now in the saved zone,
 * so an admin sees what readers see. `saved`: the answer to a post made without JavaScript.
 */
export function SiteSettingsForm({
  initial,
  zones,
  now,
  saved,
}: {
  initial: SiteSettingsValues;
  zones: readonly string[];
  now: string;
  saved?: SiteSettingsFormState;
}) {
  const [state, save] = useActionState<SiteSettingsFormState, FormData>(saveSiteSettingsAction, saved ?? { status: 'idle' });
  const values = { ...initial, ...(state.values ?? {}) };
  const known = zones.includes(values.timeZone) ? values.timeZone : initial.timeZone;
  return (
    <form action={save} noValidate className="flex flex-col gap-4">
      <Field
        id="site-settings-timeZone"
        label="Time zone"
        hint={`Every page shows dates and times in this zone, each time with its abbreviation (it is now ${now}), and the editor reads “Publish at” in it. Feeds, sitemaps and stored times stay in UTC.`}
        error={state.fieldErrors?.timeZone}
        labelClassName="font-semibold"
      >
        <select name="timeZone" defaultValue={known} key={`${known}-${state.at ?? 0}`} className={`${inputClass} w-full max-w-sm py-2`}>
          {groupZones(zones).map(([region, list]) =>
            region === '' ? (
              list.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneLabel(zone)}
                </option>
              ))
            ) : (
              <optgroup key={region} label={region}>
                {list.map((zone) => (
                  <option key={zone} value={zone}>
                    {zoneLabel(zone)}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </Field>
      <div>
        <SubmitButton>Save time zone</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
