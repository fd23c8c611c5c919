/** The completion windows the Flow hub offers, in days; the middle one is the default. */
export const rangeChoices = [30, 90, 180] as const;
export type RangeDays = (typeof rangeChoices)[number];
export const defaultRangeDays: RangeDays = 90;

export interface DateRange {
  from: string;
  to: string;
}

function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The last `days` calendar days ending today (inclusive), in the browser's calendar. */
export function rangeEndingOn(today: Date, days: number): DateRange {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: isoDay(start), to: isoDay(today) };
}
