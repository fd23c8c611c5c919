import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultRangeDays,
  rangeChoices,
  rangeEndingOn,
} from '../../../../../extension/src/hubs/flow/dateRange.ts';

const millisecondsPerDay = 86_400_000;

/** Local-calendar date for an ISO day (noon unless told), as the browser would hand the hub its "now". */
function localDate(isoDay: string, hours = 12, minutes = 0, seconds = 0, ms = 0): Date {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = isoDay.split('-').map(Number);
  return new Date(year, month - 1, day, hours, minutes, seconds, ms);
}

/** Inclusive number of calendar days between two ISO days, computed on the UTC calendar (no DST). */
function inclusiveDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / millisecondsPerDay + 1;
}

describe('rangeEndingOn', () => {
  it.each([
    { name: '30 days inside one month', today: '2024-06-30', days: 30, from: '2024-06-01', to: '2024-06-30' },
    {
      name: '30 days across a month end',
      today: '2024-03-30',
      days: 30,
      from: '2024-03-01',
      to: '2024-03-30',
    },
    {
      name: '30 days across a year end',
      today: '2024-01-15',
      days: 30,
      from: '2023-12-17',
      to: '2024-01-15',
    },
    {
      name: '30 days ending on 1 Jan back into December',
      today: '2025-01-29',
      days: 30,
      from: '2024-12-31',
      to: '2025-01-29',
    },
    {
      name: '30 days ending 1 Mar of a leap year spans 29 Feb',
      today: '2024-03-01',
      days: 30,
      from: '2024-02-01',
      to: '2024-03-01',
    },
    {
      name: '30 days ending 1 Mar of a common year',
      today: '2023-03-01',
      days: 30,
      from: '2023-01-31',
      to: '2023-03-01',
    },
    {
      name: '30 days ending 1 Mar 2100 (century, not leap)',
      today: '2100-03-01',
      days: 30,
      from: '2100-01-31',
      to: '2100-03-01',
    },
    {
      name: '30 days ending 1 Mar 2000 (400-year leap)',
      today: '2000-03-01',
      days: 30,
      from: '2000-02-01',
      to: '2000-03-01',
    },
    {
      name: '30 days ending on the leap day',
      today: '2024-02-29',
      days: 30,
      from: '2024-01-31',
      to: '2024-02-29',
    },
    {
      name: '90 days ending on the leap day',
      today: '2024-02-29',
      days: 90,
      from: '2023-12-02',
      to: '2024-02-29',
    },
    {
      name: '90 days across a year end',
      today: '2025-01-01',
      days: 90,
      from: '2024-10-04',
      to: '2025-01-01',
    },
    {
      name: '90 days spanning the leap day',
      today: '2024-05-30',
      days: 90,
      from: '2024-03-02',
      to: '2024-05-30',
    },
    {
      name: '180 days ending on 31 Dec',
      today: '2024-12-31',
      days: 180,
      from: '2024-07-05',
      to: '2024-12-31',
    },
    {
      name: '180 days starting the day after the leap day',
      today: '2024-08-27',
      days: 180,
      from: '2024-03-01',
      to: '2024-08-27',
    },
    {
      name: '180 days across a year end',
      today: '2025-06-27',
      days: 180,
      from: '2024-12-30',
      to: '2025-06-27',
    },
    {
      name: 'a single day is just today',
      today: '2024-06-30',
      days: 1,
      from: '2024-06-30',
      to: '2024-06-30',
    },
  ])('$name', ({ today, days, from, to }) => {
    expect(rangeEndingOn(localDate(today), days)).toEqual({ from, to });
  });

  it.each([
    { name: 'just after local midnight', time: [0, 0, 0, 0] },
    { name: 'just before local midnight', time: [23, 59, 59, 999] },
  ])('uses the local calendar day of `today` $name', ({ time }) => {
    const [hours = 0, minutes = 0, seconds = 0, ms = 0] = time;
    expect(rangeEndingOn(localDate('2024-03-01', hours, minutes, seconds, ms), 30)).toEqual({
      from: '2024-02-01',
      to: '2024-03-01',
    });
  });

  it.each(
    rangeChoices.flatMap((days) =>
      ['2023-12-31', '2024-02-29', '2024-03-01', '2025-07-15'].map((today) => ({ days, today })),
    ),
  )('covers exactly $days calendar days ending on $today', ({ days, today }) => {
    const range = rangeEndingOn(localDate(today), days);
    expect(inclusiveDays(range.from, range.to)).toBe(days);
  });

  it('does not change the date it is given', () => {
    const today = localDate('2024-02-29', 9, 30);
    const before = today.getTime();
    rangeEndingOn(today, 180);
    expect(today.getTime()).toBe(before);
  });

  describe('in time zones whose daylight-saving switch skips local midnight', () => {
    const originalTimeZone = process.env.TZ;
    afterEach(() => {
      if (originalTimeZone === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = originalTimeZone;
      }
    });

    // Subtracting 24-hour days from local midnight lands on 23:00 of the wrong day after such a switch.
    it.each([
      {
        timeZone: 'America/Sao_Paulo',
        skippedMidnight: '2018-11-04',
        today: '2018-11-20',
        days: 30,
        from: '2018-10-22',
        to: '2018-11-20',
      },
      {
        timeZone: 'America/Santiago',
        skippedMidnight: '2024-09-08',
        today: '2024-09-30',
        days: 90,
        from: '2024-07-03',
        to: '2024-09-30',
      },
    ])('$timeZone: $days days ending $to', ({ timeZone, skippedMidnight, today, days, from, to }) => {
      process.env.TZ = timeZone;
      // Guard: the zone really applies here, so this case cannot pass vacuously in a UTC-only run.
      expect(localDate(skippedMidnight, 0).getHours()).toBe(1);
      expect(rangeEndingOn(localDate(today, 0), days)).toEqual({ from, to });
    });
  });
});

describe('range choices', () => {
  it('offers 30, 90 and 180 days with 90 as the default', () => {
    expect(rangeChoices).toEqual([30, 90, 180]);
    expect(rangeChoices).toContain(defaultRangeDays);
    expect(defaultRangeDays).toBe(90);
  });
});
