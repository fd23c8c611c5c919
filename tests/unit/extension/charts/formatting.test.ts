import { describe, expect, it } from 'vitest';
import { addDays, dayInZone, daysBetween, isIsoDay } from '../../../../extension/src/format/calendar.ts';
import { toCsv } from '../../../../extension/src/format/csv.ts';

describe('calendar', () => {
  it.each([
    ['2026-12-07T09:30:00Z', 'Asia/Tokyo', '2026-12-07'],
    ['2026-12-07T15:30:00Z', 'Asia/Tokyo', '2026-12-08'],
    ['2026-12-07T09:30:00Z', 'Pacific/Pago_Pago', '2026-12-06'],
    ['2026-12-07T09:30:00Z', 'Pacific/Kiritimati', '2026-12-07'],
    ['2026-03-08T09:30:00Z', 'America/New_York', '2026-03-08'],
  ])('%s is %s in %s', (instant, zone, day) => {
    expect(dayInZone(new Date(instant), zone)).toBe(day);
  });
  it('adds and counts days across month, year and DST boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
  it('accepts only real YYYY-MM-DD days', () => {
    expect(isIsoDay('2026-12-07')).toBe(true);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('7/12/2026')).toBe(false);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting, with a BOM and CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n1,\r\n');
  });
});
