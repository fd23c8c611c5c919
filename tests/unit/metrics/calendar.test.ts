import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayFromIndex,
  dayIndex,
  dayIndexOf,
  dayOf,
  daysBetween,
  endOfDay,
  isKnownTimeZone,
  offsetAt,
  startOfDay,
} from '../../../service/src/metrics/calendar.ts';
import { ms } from './flow/fixtures.ts';

describe('dayOf', () => {
  it.each([
    { at: '2026-03-01T14:59:59.999Z', zone: 'Asia/Tokyo', day: '2026-03-01' },
    { at: '2026-03-01T15:00:00.000Z', zone: 'Asia/Tokyo', day: '2026-03-02' },
    { at: '2026-03-01T15:00:00.000Z', zone: 'UTC', day: '2026-03-01' },
    { at: '2026-03-01T23:59:59.999Z', zone: 'UTC', day: '2026-03-01' },
    { at: '2026-03-02T00:00:00.000Z', zone: 'UTC', day: '2026-03-02' },
    // New York springs forward at 07:00Z on 2026-03-08: midnight is 05:00Z before, 04:00Z after.
    { at: '2026-03-08T04:59:59.999Z', zone: 'America/New_York', day: '2026-03-07' },
    { at: '2026-03-08T05:00:00.000Z', zone: 'America/New_York', day: '2026-03-08' },
    { at: '2026-03-09T03:59:59.999Z', zone: 'America/New_York', day: '2026-03-08' },
    { at: '2026-03-09T04:00:00.000Z', zone: 'America/New_York', day: '2026-03-09' },
    // Kathmandu is UTC+05:45.
    { at: '2025-12-31T18:14:59.999Z', zone: 'Asia/Kathmandu', day: '2025-12-31' },
    { at: '2025-12-31T18:15:00.000Z', zone: 'Asia/Kathmandu', day: '2026-01-01' },
    { at: '2024-02-29T12:00:00.000Z', zone: 'UTC', day: '2024-02-29' },
  ])('$at in $zone is $day', ({ at, zone, day }) => {
    expect(dayOf(ms(at), zone)).toBe(day);
  });

  it.each([
    'Asia/Tokyo',
    'UTC',
    'America/New_York',
    'Europe/London',
    'America/Sao_Paulo',
    'Australia/Lord_Howe',
  ])('agrees with Intl at every 37 minutes over 2017-2018 in %s', (zone) => {
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const step = 37 * 60_000;
    for (let at = ms('2017-01-01T00:00Z'); at < ms('2019-01-01T00:00Z'); at += step) {
      const expected = reference.format(at);
      if (dayOf(at, zone) !== expected)
        expect(`${new Date(at).toISOString()} ${dayOf(at, zone)}`).toBe(expected);
    }
  });
});

describe('offsetAt', () => {
  it.each([
    { at: '2026-06-01T00:00Z', zone: 'Asia/Tokyo', hours: 9 },
    { at: '2026-06-01T00:00Z', zone: 'America/New_York', hours: -4 },
    { at: '2026-01-01T00:00Z', zone: 'America/New_York', hours: -5 },
    { at: '2026-01-01T00:00Z', zone: 'Asia/Kathmandu', hours: 5.75 },
    { at: '2026-03-08T06:59:59Z', zone: 'America/New_York', hours: -5 },
    { at: '2026-03-08T07:00:00Z', zone: 'America/New_York', hours: -4 },
  ])('$zone at $at is $hours h', ({ at, zone, hours }) => {
    expect(offsetAt(ms(at), zone)).toBe(hours * 3_600_000);
  });
});

describe('startOfDay and endOfDay', () => {
  it.each([
    {
      day: '2026-03-02',
      zone: 'Asia/Tokyo',
      start: '2026-03-01T15:00:00.000Z',
      end: '2026-03-02T14:59:59.999Z',
    },
    { day: '2026-03-02', zone: 'UTC', start: '2026-03-02T00:00:00.000Z', end: '2026-03-02T23:59:59.999Z' },
    // 23-hour and 25-hour days.
    {
      day: '2026-03-08',
      zone: 'America/New_York',
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T03:59:59.999Z',
    },
    {
      day: '2026-11-01',
      zone: 'America/New_York',
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T04:59:59.999Z',
    },
    // Midnight does not exist: clocks jump from 00:00 to 01:00, so the day starts at the jump.
    {
      day: '2017-10-15',
      zone: 'America/Sao_Paulo',
      start: '2017-10-15T03:00:00.000Z',
      end: '2017-10-16T01:59:59.999Z',
    },
    {
      day: '2026-09-06',
      zone: 'America/Santiago',
      start: '2026-09-06T04:00:00.000Z',
      end: '2026-09-07T02:59:59.999Z',
    },
    {
      day: '2026-03-29',
      zone: 'Asia/Beirut',
      start: '2026-03-28T22:00:00.000Z',
      end: '2026-03-29T20:59:59.999Z',
    },
    {
      day: '2026-01-01',
      zone: 'Asia/Kathmandu',
      start: '2025-12-31T18:15:00.000Z',
      end: '2026-01-01T18:14:59.999Z',
    },
  ])('$day in $zone runs $start to $end', ({ day, zone, start, end }) => {
    expect(new Date(startOfDay(day, zone)).toISOString()).toBe(start);
    expect(new Date(endOfDay(day, zone)).toISOString()).toBe(end);
    expect(dayOf(startOfDay(day, zone), zone)).toBe(day);
    expect(dayOf(startOfDay(day, zone) - 1, zone)).toBe(addDays(day, -1));
    expect(dayOf(endOfDay(day, zone) + 1, zone)).toBe(addDays(day, 1));
  });
});

describe('day arithmetic', () => {
  it.each([
    { from: '2026-03-01', to: '2026-03-01', days: 0 },
    { from: '2026-03-01', to: '2026-03-02', days: 1 },
    { from: '2026-03-02', to: '2026-03-01', days: -1 },
    { from: '2024-02-28', to: '2024-03-01', days: 2 },
    { from: '2025-02-28', to: '2025-03-01', days: 1 },
    { from: '2025-12-31', to: '2026-01-01', days: 1 },
    { from: '2026-01-01', to: '2027-01-01', days: 365 },
  ])('daysBetween($from, $to) = $days and addDays inverts it', ({ from, to, days }) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('converts between day strings and epoch-day indexes', () => {
    expect(dayIndex('1970-01-01')).toBe(0);
    expect(dayIndex('1970-01-02')).toBe(1);
    expect(dayIndex('1969-12-31')).toBe(-1);
    expect(dayFromIndex(dayIndex('2026-03-15'))).toBe('2026-03-15');
    expect(dayIndexOf(ms('2026-03-01T15:00Z'), 'Asia/Tokyo')).toBe(dayIndex('2026-03-02'));
  });

  it.each(['2026-02-30', '2026-13-01', '2026-3-1', '20260301', ''])('rejects "%s"', (day) => {
    expect(() => dayIndex(day)).toThrow(RangeError);
  });

  it('knows IANA zones', () => {
    expect(isKnownTimeZone('Asia/Tokyo')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
