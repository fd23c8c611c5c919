import { z } from 'zod';
import { timeZoneSchema } from './timeZone.ts';

/** True when the date exists: Date.UTC rolls 2026-02-30 over to March, so compare the parts back. */
function isRealCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar date written YYYY-MM-DD')
  .refine(isRealCalendarDate, 'is not a real calendar date');

/** Path of every team-level flow endpoint. */
export const teamPathSchema = z.object({
  organization: z.string().min(1),
  project: z.string().min(1),
  team: z.string().min(1),
});
export type TeamPath = z.infer<typeof teamPathSchema>;

/** Query of GET .../flow/cycle-time. Dates are inclusive calendar days in `timeZone`. */
export const cycleTimeQuerySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    timeZone: timeZoneSchema.optional(),
  })
  .refine((query) => query.from <= query.to, { message: 'must not be after "to"', path: ['from'] });
export type CycleTimeQuery = z.infer<typeof cycleTimeQuerySchema>;

export const percentileLineSchema = z.object({
  percentile: z.number(),
  /** Nearest-rank percentile of cycle time in calendar days; null when no item completed. */
  days: z.number().nullable(),
});
export type PercentileLine = z.infer<typeof percentileLineSchema>;

export const completedItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  workItemType: z.string(),
  url: z.string(),
  startedAt: z.string(),
  completedAt: z.string(),
  /** Calendar day of completion in the team's time zone. */
  completedOn: z.string(),
  cycleTimeDays: z.number().int(),
  cycleTimeHours: z.number(),
});
export type CompletedItem = z.infer<typeof completedItemSchema>;

export const cycleTimeResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  items: z.array(completedItemSchema),
  percentiles: z.array(percentileLineSchema),
  /** Items completed in the range that never entered InProgress/Resolved: counted, but with no cycle time. */
  completedWithoutStart: z.array(z.number().int()),
  /** When the team's data was last synchronised (ISO), or null before the first sync. */
  syncedAt: z.string().nullable(),
});
export type CycleTimeResponse = z.infer<typeof cycleTimeResponseSchema>;
