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

/** A machine-readable time with a fixed, cache-safe human rendering (no "3 hours ago" in cached HTML). */
export function Time({ date, withTime = false, className }: { date: Date; withTime?: boolean; className?: string }) {
  return (
    <time dateTime={date.toISOString()} className={className}>
      {(withTime ? dateTimeFormat : dateFormat).format(date)}
    </time>
  );
}
