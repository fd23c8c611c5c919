import type { Localization } from '../../i18n/locale.ts';
import { durationParts } from './syncDisplay.ts';

/** Locale-aware formatting for the admin hub: counts, instants and durations. */
export interface AdminFormat {
  count(value: number): string;
  /** Date and time, e.g. "Jul 3, 2026, 14:05". */
  dateTime(iso: string): string;
  /** Time of day, e.g. "14:05". */
  time(date: Date): string;
  /** An estimated remaining time, e.g. "about 3 min". */
  duration(seconds: number): string;
  /** A stream's display name; unknown streams keep their id. */
  streamName(stream: string): string;
}

export function adminFormat({ locale, strings }: Localization): AdminFormat {
  const numbers = new Intl.NumberFormat(locale);
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const times = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const text = strings.admin;
  return {
    count: (value) => numbers.format(value),
    dateTime(iso) {
      const instant = new Date(iso);
      return Number.isNaN(instant.getTime()) ? iso : dateTimes.format(instant);
    },
    time: (date) => times.format(date),
    duration(seconds) {
      const parts = durationParts(seconds);
      switch (parts.kind) {
        case 'lessThanMinute':
          return text.lessThanMinute;
        case 'minutes':
          return text.aboutMinutes(parts.minutes);
        case 'hours':
          return text.aboutHours(parts.hours, parts.minutes);
      }
    },
    streamName: (stream) => text.streamNames[stream] ?? stream,
  };
}
