/**
 * A team's flow settings (GET/PUT .../flow/settings). Every field has a default, so an empty body (or no
 * stored settings at all) means: state categories as start and end points, the team's backlog types,
 * no waiting states, 90 days of lookback, the organization's time zone.
 */
import { z } from 'zod';
import { MAX_FORECAST_HISTORY_DAYS, MAX_FORECAST_TRIALS } from './forecast.ts';
import { timeZoneSchema } from '../timeZone.ts';
import { holidayCalendarSchema } from '../calendar/workingCalendar.ts';

const name = z.string().trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters');

/** An integer in [min, max] with messages that read after the field name. */
function integer(min: number, max: number) {
  return z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

export const flowBoundarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category') }),
  /** Any of these states (names differ between types): the first one in a type's order marks the point. */
  z.object({
    kind: z.literal('state'),
    states: z.array(name).min(1, 'must list at least one state').max(50),
  }),
  z.object({ kind: z.literal('boardColumn'), column: name }),
]);
export type FlowBoundarySetting = z.infer<typeof flowBoundarySchema>;

export const DEFAULT_SETTINGS_PERCENTILES: readonly number[] = [50, 70, 85, 95];

export const teamFlowSettingsSchema = z.object({
  /** null: the organization's time zone. */
  timeZone: timeZoneSchema.nullable().default(null),
  /** Commitment point; by default the first entry into InProgress or Resolved. */
  startPoint: flowBoundarySchema.default({ kind: 'category' }),
  /** Delivery point; by default the last entry into Completed. */
  endPoint: flowBoundarySchema.default({ kind: 'category' }),
  /** States counted as waiting by flow efficiency. */
  waitingStates: z.array(name).max(100).default([]),
  /** Types measured; null means the team's backlog types. */
  workItemTypes: z
    .array(name)
    .min(1, 'must list at least one type (or be null)')
    .max(50)
    .nullable()
    .default(null),
  /** Days of completed items behind aging lines and service levels. */
  lookbackDays: integer(1, 3650).default(90),
  percentiles: z
    .array(z.number({ error: 'must be numbers' }).gt(0, 'must be above 0').max(100, 'must be at most 100'))
    .min(1, 'must list at least one percentile')
    .max(10, 'must list at most 10 percentiles')
    .default([...DEFAULT_SETTINGS_PERCENTILES]),
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: integer(0, 6).default(1),
  /** National holidays removed from working days; null: Japanese on Asia/Tokyo, else none. */
  holidayCalendar: holidayCalendarSchema.nullable().default(null),
  forecast: z
    .object({
      historyDays: integer(1, MAX_FORECAST_HISTORY_DAYS).default(30),
      trials: integer(1, MAX_FORECAST_TRIALS).default(10_000),
    })
    .default({ historyDays: 30, trials: 10_000 }),
});
/** Settings as stored and answered (every field present). */
export type TeamFlowSettings = z.infer<typeof teamFlowSettingsSchema>;
/** Settings as sent in a PUT (any field may be left out for its default). */
export type TeamFlowSettingsInput = z.input<typeof teamFlowSettingsSchema>;

export const teamSettingsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  settings: teamFlowSettingsSchema,
  /** True while nothing is stored (every value is a default). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  /** The time zone in effect: the team's, else the organization's. */
  effectiveTimeZone: z.string(),
  /** The holiday calendar in effect: the team's choice, else by the time zone in effect. */
  effectiveHolidayCalendar: holidayCalendarSchema,
  /** What the settings may name, from the synchronised workflow and board. */
  options: z.object({
    /** The team's backlog types (the default measured types). */
    teamWorkItemTypes: z.array(z.string()),
    workItemTypes: z.array(z.string()),
    states: z.array(z.object({ name: z.string(), category: z.string(), workItemTypes: z.array(z.string()) })),
    board: z.string().nullable(),
    boardColumns: z.array(z.string()),
  }),
});
export type TeamSettingsResponse = z.infer<typeof teamSettingsResponseSchema>;
