import { cache } from 'react';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { formatInZone } from '@/lib/time/zone';

// One read of the site's zone per render, however many times a page shows.
export const siteTimeZone = cache(getSiteTimeZone);

type TimeProps = {
  date: Date;
  withTime?: boolean;
  /** Implies withTime: tells apart saves made within one minute, as revisions are. */
  withSeconds?: boolean;
  className?: string;
};

/**
 * A machine-readable time (UTC in `datetime`) with a fixed, cache-safe human rendering in the site's
 * time zone (no "3 hours ago" in cached HTML); with `withTime` the zone's abbreviation follows the time.
 * `timeZone` skips the lookup when the caller already has it.
 */
export async function Time({ timeZone, ...props }: TimeProps & { timeZone?: string }) {
  return <ZonedTime {...props} timeZone={timeZone ?? (await siteTimeZone())} />;
}

/** Time in a zone the caller already read: renders in place, where an async component is a separate row of the RSC payload. */
export function ZonedTime({ date, withTime = false, withSeconds = false, className, timeZone }: TimeProps & { timeZone: string }) {
  return (
    <time dateTime={date.toISOString()} {...(className ? { className } : {})}>
      {formatInZone(date, timeZone, withSeconds ? 'seconds' : withTime)}
    </time>
  );
}
