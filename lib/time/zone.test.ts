import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  formatInZone,
  formatTimeOfDayInZone,
  isTimeZone,
  parseLocalDateTime,
  safeTimeZone,
  TIME_ZONES,
  toLocalInputValue,
  zoneAbbreviation,
  zoneOffsetMs,
} from './zone';

const at = (iso: string) => new Date(iso);

describe('time zones offered', () => {
  it('offers UTC first and the IANA zones, each once', () => {
    expect(TIME_ZONES[0]).toBe('UTC');
    expect(TIME_ZONES).toContain('Europe/London');
    expect(TIME_ZONES).toContain('America/New_York');
    expect(new Set(TIME_ZONES).size).toBe(TIME_ZONES.length);
  });

  it('knows a zone whatever its case, and nothing else', () => {
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone(' UTC ')).toBe('UTC');
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('+01:00')).toBe(false);
    expect(safeTimeZone('Nowhere/Else')).toBe('UTC');
    expect(safeTimeZone(null)).toBe('UTC');
    expect(safeTimeZone('Europe/Paris')).toBe('Europe/Paris');
  });
});

describe('formatInZone', () => {
  it('reads as before in UTC', () => {
    expect(formatInZone(at('2026-07-01T12:00:00Z'), 'UTC')).toBe('1 July 2026');
    expect(formatInZone(at('2026-07-01T12:00:00Z'), 'UTC', true)).toBe('1 July 2026 at 12:00 UTC');
  });

  it('shows the wall clock and abbreviation of the zone, summer and winter', () => {
    expect(formatInZone(at('2026-07-01T12:00:00Z'), 'Europe/London', true)).toBe('1 July 2026 at 13:00 BST');
    expect(formatInZone(at('2026-01-15T12:00:00Z'), 'Europe/London', true)).toBe('15 January 2026 at 12:00 GMT');
    expect(formatInZone(at('2026-07-01T12:00:00Z'), 'Europe/Paris', true)).toBe('1 July 2026 at 14:00 CEST');
    expect(formatInZone(at('2026-07-01T12:00:00Z'), 'America/New_York', true)).toBe('1 July 2026 at 08:00 EDT');
    expect(formatInZone(at('2026-01-15T12:00:00Z'), 'America/New_York', true)).toBe('15 January 2026 at 07:00 EST');
    // No English abbreviation: the offset.
    expect(formatInZone(at('2026-07-01T12:00:00Z'), 'Asia/Kolkata', true)).toBe('1 July 2026 at 17:30 GMT+5:30');
  });

  it('puts the date on the zone’s side of midnight', () => {
    expect(formatInZone(at('2026-07-01T23:30:00Z'), 'UTC')).toBe('1 July 2026');
    expect(formatInZone(at('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2 July 2026');
    expect(formatInZone(at('2026-07-01T02:00:00Z'), 'America/Los_Angeles')).toBe('30 June 2026');
  });

  it('gives the time of day alone with its zone', () => {
    expect(formatTimeOfDayInZone(at('2026-07-01T09:42:30Z'), 'Europe/London')).toBe('10:42 BST');
    expect(formatTimeOfDayInZone(at('2026-07-01T23:05:00Z'), 'UTC')).toBe('23:05 UTC');
  });

  it('abbreviates at the instant, across the change', () => {
    // London goes forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October.
    expect(zoneAbbreviation(at('2026-03-29T00:59:00Z'), 'Europe/London')).toBe('GMT');
    expect(zoneAbbreviation(at('2026-03-29T01:00:00Z'), 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation(at('2026-10-25T00:59:00Z'), 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation(at('2026-10-25T01:00:00Z'), 'Europe/London')).toBe('GMT');
  });
});

describe('zoneOffsetMs', () => {
  it('is the wall clock’s lead over UTC', () => {
    expect(zoneOffsetMs(at('2026-07-01T12:00:00Z'), 'UTC')).toBe(0);
    expect(zoneOffsetMs(at('2026-07-01T12:00:00Z'), 'Europe/London')).toBe(3_600_000);
    expect(zoneOffsetMs(at('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(at('2026-01-01T12:00:00.750Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });
});

describe('parseLocalDateTime', () => {
  it('reads a typed time in UTC as it always did', () => {
    expect(parseLocalDateTime('2026-07-01T09:30', 'UTC')?.toISOString()).toBe('2026-07-01T09:30:00.000Z');
    expect(parseLocalDateTime('2026-07-01T09:30:15', 'UTC')?.toISOString()).toBe('2026-07-01T09:30:15.000Z');
    expect(parseLocalDateTime(' 2026-07-01 09:30 ', 'UTC')?.toISOString()).toBe('2026-07-01T09:30:00.000Z');
  });

  it('reads it on the zone’s wall clock', () => {
    expect(parseLocalDateTime('2026-07-01T09:30', 'Europe/London')?.toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(parseLocalDateTime('2026-01-15T09:30', 'Europe/London')?.toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(parseLocalDateTime('2026-07-01T09:30', 'America/New_York')?.toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(parseLocalDateTime('2026-07-01T09:30', 'Asia/Kolkata')?.toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(parseLocalDateTime('2027-01-01T00:15', 'Pacific/Auckland')?.toISOString()).toBe('2026-12-31T11:15:00.000Z');
  });

  it('moves a time skipped when the clocks go forward on by the gap', () => {
    // London: 01:00 GMT becomes 02:00 BST; 01:30 never happens and is read as 02:30 BST.
    expect(parseLocalDateTime('2026-03-29T01:30', 'Europe/London')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseLocalDateTime('2026-03-29T00:59', 'Europe/London')?.toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(parseLocalDateTime('2026-03-29T02:00', 'Europe/London')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // New York: 02:00 EST becomes 03:00 EDT; 02:30 is read as 03:30 EDT.
    expect(parseLocalDateTime('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first of a time that happens twice when the clocks go back', () => {
    // London: 01:30 happens in BST (00:30 UTC) and again in GMT (01:30 UTC).
    expect(parseLocalDateTime('2026-10-25T01:30', 'Europe/London')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parseLocalDateTime('2026-10-25T02:00', 'Europe/London')?.toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(parseLocalDateTime('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads a value with its own offset as written', () => {
    expect(parseLocalDateTime('2026-07-01T09:30Z', 'Europe/London')?.toISOString()).toBe('2026-07-01T09:30:00.000Z');
    expect(parseLocalDateTime('2026-07-01T09:30:00+02:00', 'UTC')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2026-07-01',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-07-01T24:00',
      '2026-07-01T10:60',
      '2026-07-01T10:00+25:00',
      '01/07/2026 10:00',
    ])
      expect(parseLocalDateTime(bad, 'Europe/London'), bad).toBeNull();
  });
});

describe('toLocalInputValue', () => {
  it('shows the instant on the zone’s wall clock, without seconds', () => {
    expect(toLocalInputValue(at('2026-07-01T08:30:45Z'), 'UTC')).toBe('2026-07-01T08:30');
    expect(toLocalInputValue(at('2026-07-01T08:30:45Z'), 'Europe/London')).toBe('2026-07-01T09:30');
    expect(toLocalInputValue(at('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2026-07-02T00:30');
    expect(toLocalInputValue(at('2026-07-01T03:00:00Z'), 'America/New_York')).toBe('2026-06-30T23:00');
  });

  it('goes back and forth unchanged, on either side of each change', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000 + 60_000) {
        const instant = new Date(t - (t % 60_000));
        const shown = toLocalInputValue(instant, zone);
        const back = parseLocalDateTime(shown, zone)!;
        // The hour after the clocks go back shows a wall time that also happened an hour earlier.
        expect([0, 3_600_000], `${zone} ${instant.toISOString()}`).toContain(instant.getTime() - back.getTime());
        expect(toLocalInputValue(back, zone)).toBe(shown);
      }
    }
  });
});
