/** Figures as people read them: hours as hours or days, fractions as percentages. */

export interface DurationUnits {
  minutes: (value: string) => string;
  hours: (value: string) => string;
  days: (value: string) => string;
}

/** Under an hour in minutes, under two days in hours, else days (one decimal where it helps). */
export function formatHours(hours: number, units: DurationUnits, locale: string): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (hours < 1) return units.minutes(number(Math.round(hours * 60), 0));
  if (hours < 48) return units.hours(number(hours, hours < 10 ? 1 : 0));
  const days = hours / 24;
  return units.days(number(days, days < 10 ? 1 : 0));
}

/** A rate (0..1) as a percentage with at most one decimal. */
export function formatRate(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
