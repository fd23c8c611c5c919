/**
 * The flow API's common parts: the team path, what every answer starts with, and the cycle-time
 * endpoint (the hub's first chart; its shape only ever gains fields).
 */
import { z } from 'zod';
import { appliedFiltersSchema, flowItemsQuerySchema } from './query.ts';

/** Path of every team-level flow endpoint. */
export const teamPathSchema = z.object({
  organization: z.string().min(1),
  project: z.string().min(1),
  team: z.string().min(1),
});
export type TeamPath = z.infer<typeof teamPathSchema>;

/** Query of GET .../flow/cycle-time (the common range query). */
export const cycleTimeQuerySchema = flowItemsQuerySchema;
export type CycleTimeQuery = z.infer<typeof cycleTimeQuerySchema>;

/** What every per-range answer starts with: whose data, which days, which filters. */
export const flowResponseMetaSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  filters: appliedFiltersSchema,
  /** Items measured: the team's scope and filters, without removed or deleted items. */
  itemCount: z.number().int(),
  /** When the team's data was last synchronised (ISO), or null before the first sync. */
  syncedAt: z.string().nullable(),
});
export type FlowResponseMeta = z.infer<typeof flowResponseMetaSchema>;

export const percentileLineSchema = z.object({
  percentile: z.number(),
  /** Nearest-rank percentile in calendar days; null when no item completed. */
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

export const cycleTimeSectionSchema = z.object({
  items: z.array(completedItemSchema),
  percentiles: z.array(percentileLineSchema),
  /** Items completed in the range that never entered InProgress/Resolved: counted, but with no cycle time. */
  completedWithoutStart: z.array(z.number().int()),
});
export type CycleTimeSection = z.infer<typeof cycleTimeSectionSchema>;

export const cycleTimeResponseSchema = flowResponseMetaSchema.extend(cycleTimeSectionSchema.shape);
export type CycleTimeResponse = z.infer<typeof cycleTimeResponseSchema>;
