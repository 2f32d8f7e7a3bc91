// The site's time zone, as pure functions: people read and type times in the newsroom's zone, while
// everything stored and every machine format (feeds, sitemaps, JSON-LD, <time datetime>) stays UTC.
// Intl carries the zone rules, so no table of offsets lives here.

export const DEFAULT_TIME_ZONE = 'UTC';

/** Every zone the form offers: UTC first, then the IANA zones this runtime knows (it leaves "UTC" out of its list). */
export const TIME_ZONES: readonly string[] = [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone').filter((z) => z !== DEFAULT_TIME_ZONE)];

const byLowerCase = new Map(TIME_ZONES.map((z) => [z.toLowerCase(), z]));

/** The zone as the runtime spells it ("europe/london" → "Europe/London"), or null when it is not one we offer. */
export function canonicalTimeZone(zone: string): string | null {
  return byLowerCase.get(zone.trim().toLowerCase()) ?? null;
}

export const isTimeZone = (zone: string): boolean => canonicalTimeZone(zone) !== null;

/** A stored zone that is no longer known (a runtime without it) reads as UTC rather than failing every page. */
export const safeTimeZone = (zone: string | null | undefined): string => (zone && canonicalTimeZone(zone)) || DEFAULT_TIME_ZONE;

const memo = <T>(make: (zone: string) => T) => {
  const made = new Map<string, T>();
  return (zone: string): T => {
    let value = made.get(zone);
    if (value === undefined) made.set(zone, (value = make(zone)));
    return value;
  };
};

// The wall clock in a zone, as numbers (h23: midnight is 00, never 24).
const wallClockFormat = memo(
  (timeZone) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
);

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(date: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of wallClockFormat(zone).formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const wallClockMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds (London in summer: 3,600,000). */
export function zoneOffsetMs(date: Date | number, zone: string): number {
  const at = typeof date === 'number' ? date : date.getTime();
  const whole = at - (((at % 1000) + 1000) % 1000);
  return wallClockMs(wallClock(new Date(whole), zone)) - whole;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value a `datetime-local` input shows for this instant in the zone: "YYYY-MM-DDTHH:mm". */
export function toLocalInputValue(date: Date, zone: string): string {
  const w = wallClock(date, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d\d:\d\d)$/i;
const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time typed in the zone stands for ("2026-03-29T01:30", seconds optional),
 * or null when it is not a real date and time. Daylight-saving edges are read as clocks and calendars
 * read them (Temporal's "compatible"): a time skipped when the clocks go forward is read with the offset
 * before the change (01:30 in London's missing hour is 02:30 BST); a time that happens twice when they
 * go back is the first of the two. A value that carries its own offset or Z is read as written.
 */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const at = new Date(text.toUpperCase());
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/i.test(text) && !Number.isNaN(at.getTime()) ? at : null;
  }
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 April over into May: a day the month does not have is no date.
  if (new Date(naive).getUTCDate() !== day) return null;
  return new Date(wallClockToInstant(naive, zone));
}

/** The instant whose wall clock in the zone reads `naive` (a wall-clock time written as if in UTC). */
function wallClockToInstant(naive: number, zone: string): number {
  // A zone changes its offset at most once in any two days: the offsets a day either side are the
  // only candidates.
  const before = zoneOffsetMs(naive - DAY_MS, zone);
  const after = zoneOffsetMs(naive + DAY_MS, zone);
  const fits = [...new Set([before, after])].map((offset) => naive - offset).filter((at) => zoneOffsetMs(at, zone) === naive - at);
  // Twice (clocks went back): the earlier. Never (clocks went forward): on by the length of the gap.
  return fits.length ? Math.min(...fits) : naive - before;
}

// English names where there is one ("BST", "CEST", "EDT"), else the offset ("GMT+5:30"): en-GB knows
// Europe's names, en-US America's.
const shortNameFormats = memo((timeZone) => ['en-GB', 'en-US'].map((locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })));

/** The zone's abbreviation at this instant: "BST" in a London summer, "GMT" in its winter, "UTC", "GMT+5:30". */
export function zoneAbbreviation(date: Date, zone: string): string {
  const names = shortNameFormats(zone).map((f) => f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? zone);
  return names.find((n) => /^[A-Z]{2,5}$/.test(n)) ?? names[0];
}

const dateFormat = memo((timeZone) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }));
const dateTimeFormat = memo(
  (timeZone) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }),
);
const dateTimeSecondsFormat = memo(
  (timeZone) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }),
);

/**
 * A time as people read it in the zone: "29 March 2026", or with `withTime` "29 March 2026 at 14:05 BST"
 * (the zone's abbreviation always follows a time of day); `withTime: 'seconds'` adds the seconds.
 */
export function formatInZone(date: Date, zone: string, withTime: boolean | 'seconds' = false): string {
  if (!withTime) return dateFormat(zone).format(date);
  return `${(withTime === 'seconds' ? dateTimeSecondsFormat : dateTimeFormat)(zone).format(date)} ${zoneAbbreviation(date, zone)}`;
}

/** The time of day alone, with the zone: "10:42 BST" (notices such as "changed this article at 10:42"). */
export function formatTimeOfDayInZone(date: Date, zone: string): string {
  const w = wallClock(date, zone);
  return `${pad(w.hour)}:${pad(w.minute)} ${zoneAbbreviation(date, zone)}`;
}
