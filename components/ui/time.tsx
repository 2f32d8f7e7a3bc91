import { cache } from 'react';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { formatInZone } from '@/lib/time/zone';

// One read of the site's zone per render, however many times a page shows.
const siteTimeZone = cache(getSiteTimeZone);

/**
 * A machine-readable time (UTC in `datetime`) with a fixed, cache-safe human rendering in the site's
 * time zone (no "3 hours ago" in cached HTML); with `withTime` the zone's abbreviation follows the time.
 * `timeZone` skips the lookup when the caller already has it.
 */
export async function Time({
  date,
  withTime = false,
  withSeconds = false,
  className,
  timeZone,
}: {
  date: Date;
  withTime?: boolean;
  /** Implies withTime: tells apart saves made within one minute, as revisions are. */
  withSeconds?: boolean;
  className?: string;
  timeZone?: string;
}) {
  const zone = timeZone ?? (await siteTimeZone());
  return (
    <time dateTime={date.toISOString()} className={className}>
      {formatInZone(date, zone, withSeconds ? 'seconds' : withTime)}
    </time>
  );
}
