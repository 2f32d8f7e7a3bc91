const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const dateTimeSecondsFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/**
 * A machine-readable time with a fixed, cache-safe human rendering (no "3 hours ago" in cached HTML).
 * `withSeconds` (implies `withTime`) tells apart saves made within one minute, as revisions are.
 */
export function Time({
  date,
  withTime = false,
  withSeconds = false,
  className,
}: {
  date: Date;
  withTime?: boolean;
  withSeconds?: boolean;
  className?: string;
}) {
  const format = withSeconds ? dateTimeSecondsFormat : withTime ? dateTimeFormat : dateFormat;
  return (
    <time dateTime={date.toISOString()} className={className}>
      {format.format(date)}
    </time>
  );
}
