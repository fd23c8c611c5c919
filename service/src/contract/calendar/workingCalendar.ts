/**
 * Working calendars: a team's national-holiday calendar setting, the organization's company holidays
 * (GET/PUT /organizations/{org}/company-holidays) and the non-working days answers carry with their reason.
 */
import { z } from 'zod';

/** National holidays a team's calendar removes from its working days. */
export const HOLIDAY_CALENDARS = ['japan', 'none'] as const;
export const holidayCalendarSchema = z.enum(HOLIDAY_CALENDARS);
export type HolidayCalendarId = z.infer<typeof holidayCalendarSchema>;

/** Why a day is not a working day, in the order they are checked. */
export const NON_WORKING_REASONS = ['weekend', 'nationalHoliday', 'companyHoliday', 'teamDayOff'] as const;
export const nonWorkingDaySchema = z.object({
  day: z.string().meta({ format: 'date' }),
  reason: z.enum(NON_WORKING_REASONS),
  /** The company holiday's name; null for the other reasons. */
  name: z.string().nullable(),
});
export type NonWorkingDay = z.infer<typeof nonWorkingDaySchema>;

export const MAX_COMPANY_HOLIDAYS = 100;
export const MAX_COMPANY_HOLIDAY_DAYS = 31;
export const MAX_COMPANY_HOLIDAY_NAME = 100;

export const companyHolidaySchema = z.object({
  start: z.string().meta({ format: 'date' }),
  end: z.string().meta({ format: 'date' }),
  name: z.string(),
});
export type CompanyHoliday = z.infer<typeof companyHolidaySchema>;

/** PUT body: the whole list (an empty list clears it). Each range is checked by the service. */
export const companyHolidaysInputSchema = z.object({
  holidays: z.array(z.unknown()),
});

export const companyHolidaysResponseSchema = z.object({
  organization: z.string(),
  holidays: z.array(companyHolidaySchema),
  /** null while none were ever saved. */
  updatedAt: z.string().nullable(),
});
export type CompanyHolidaysResponse = z.infer<typeof companyHolidaysResponseSchema>;

/** The codes a refused PUT answers with (422), so the hubs can say what to fix in the reader's language. */
export const COMPANY_HOLIDAY_ERRORS = [
  'too_many_holidays',
  'invalid_day',
  'start_after_end',
  'holiday_too_long',
  'name_required',
  'name_too_long',
] as const;
export type CompanyHolidayErrorCode = (typeof COMPANY_HOLIDAY_ERRORS)[number];
