/**
 * Usage analysis (利用状況の分析) for organization administrators: counts per team and week, never per
 * person. A count under 5 is sent only as "fewer than 5".
 */
import { z } from 'zod';

export const USAGE_EVENT_KINDS = [
  'flowHubOpened',
  'deliveryHubOpened',
  'sprintTabOpened',
  'adminHubOpened',
  'widgetLoaded',
  'targetsSet',
  'reviewSaved',
  'insightActed',
] as const;
export type UsageEventKind = (typeof USAGE_EVENT_KINDS)[number];

/** Opening a view counts its viewer (as a salted hash, for the day only); other events only count. */
export const VIEW_EVENT_KINDS: readonly UsageEventKind[] = [
  'flowHubOpened',
  'deliveryHubOpened',
  'sprintTabOpened',
  'adminHubOpened',
  'widgetLoaded',
];

const name = z.string().trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters');

export const usageEventSchema = z
  .object({
    kind: z.enum(USAGE_EVENT_KINDS, { error: `must be one of ${USAGE_EVENT_KINDS.join(', ')}` }),
    /** The team the event belongs to; both or neither (organization-level events such as the admin hub). */
    project: name.optional(),
    team: name.optional(),
  })
  .refine((event) => (event.project === undefined) === (event.team === undefined), {
    message: 'must name both project and team, or neither',
    path: ['team'],
  });
export type UsageEvent = z.infer<typeof usageEventSchema>;

export const suppressedCountSchema = z.object({
  /** null when under 5: only the fact that it is fewer than 5 is sent. */
  count: z.number().int().nullable(),
  fewerThanFive: z.boolean(),
});

export const usageTeamWeekSchema = z.object({
  /** Empty for organization-level events. */
  project: z.string(),
  team: z.string(),
  counts: z.record(z.enum(USAGE_EVENT_KINDS), suppressedCountSchema),
  /** The highest number of distinct viewers on one day of the week (days are counted once they end). */
  peakDailyViewers: suppressedCountSchema,
});

export const usageReportSchema = z.object({
  organization: z.string(),
  timeZone: z.string(),
  weeks: z.array(z.object({ weekStart: z.string(), teams: z.array(usageTeamWeekSchema) })),
});
export type UsageReport = z.infer<typeof usageReportSchema>;

export const usageQuerySchema = z.object({
  weeks: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(52, 'must be at most 52')
    .default(12),
});
