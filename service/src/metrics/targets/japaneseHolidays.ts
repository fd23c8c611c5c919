/**
 * Japanese national holidays (国民の祝日, substitute and citizens' holidays included) from
 * @holiday-jp/holiday_jp, the maintained dataset behind holiday_jp for Ruby, Python and JS (MIT; data
 * through 2050, updated when the Cabinet Office publishes changes). Read once into a set of ISO days.
 */
import holidays from '@holiday-jp/holiday_jp/lib/holidays.js';

const JAPANESE_HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(holidays));

/** Whether `day` (YYYY-MM-DD) is a Japanese national holiday. */
export function isJapaneseHoliday(day: string): boolean {
  return JAPANESE_HOLIDAYS.has(day);
}

/** The holiday's Japanese and English names, for showing why a day is not a working day. */
export function japaneseHolidayName(day: string): { ja: string; en: string } | undefined {
  const entry = (holidays as Readonly<Record<string, { name: string; name_en: string } | undefined>>)[day];
  return entry === undefined ? undefined : { ja: entry.name, en: entry.name_en };
}
