/** Answers made of daily series: lead time, throughput, WIP, cumulative flow, flow efficiency, trends. */
import { z } from 'zod';
import { flowResponseMetaSchema, percentileLineSchema } from './responses.ts';

const day = z.string().meta({ format: 'date' });

export const dayCountSchema = z.object({ day, count: z.number().int() });
export type DayCount = z.infer<typeof dayCountSchema>;

/** One day of a moving average with its standard-deviation band (the Azure DevOps widget's trend). */
export const bandDaySchema = z.object({
  day,
  /** Data points inside the day's window. */
  points: z.number().int(),
  average: z.number().nullable(),
  standardDeviation: z.number().nullable(),
});
export type BandDay = z.infer<typeof bandDaySchema>;

export const leadTimeItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  workItemType: z.string(),
  url: z.string(),
  createdAt: z.string(),
  completedAt: z.string(),
  completedOn: day,
  leadTimeDays: z.number().int(),
  leadTimeHours: z.number(),
});
export type LeadTimeItem = z.infer<typeof leadTimeItemSchema>;

export const leadTimeSectionSchema = z.object({
  items: z.array(leadTimeItemSchema),
  percentiles: z.array(percentileLineSchema),
});
export const leadTimeResponseSchema = flowResponseMetaSchema.extend(leadTimeSectionSchema.shape);
export type LeadTimeResponse = z.infer<typeof leadTimeResponseSchema>;

const periodTotal = {
  /** First and last day of the period inside the range. */
  fromDay: day,
  toDay: day,
  /** Days of the period inside the range. */
  days: z.number().int(),
  count: z.number().int(),
};

export const throughputSectionSchema = z.object({
  daily: z.array(dayCountSchema),
  weekly: z.array(z.object({ weekStart: day, ...periodTotal })),
  /** The team's sprints overlapping the range, counting only their days inside it. */
  sprints: z.array(z.object({ name: z.string(), ...periodTotal })),
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: z.number().int(),
  total: z.number().int(),
  /** Of the total, items completed without ever starting (no cycle time). */
  completedWithoutStart: z.number().int(),
  /** Moving average and band of daily throughput (run chart). */
  runChart: z.array(bandDaySchema),
});
export const throughputResponseSchema = flowResponseMetaSchema.extend(throughputSectionSchema.shape);
export type ThroughputResponse = z.infer<typeof throughputResponseSchema>;

export const wipSectionSchema = z.object({
  /** Items in progress (InProgress or Resolved, or past the team's start point) at the end of each day. */
  daily: z.array(dayCountSchema),
  average: z.number().nullable(),
  /** Items that started each day. */
  arrivals: z.object({ daily: z.array(dayCountSchema), total: z.number().int() }),
});
export const wipResponseSchema = flowResponseMetaSchema.extend(wipSectionSchema.shape);
export type WipResponse = z.infer<typeof wipResponseSchema>;

export const cumulativeFlowSchema = z.object({
  days: z.array(day),
  /** Stacking order: the first band is the earliest in workflow order. */
  bands: z.array(z.object({ name: z.string(), counts: z.array(z.number().int()) })),
});
export type CumulativeFlowChart = z.infer<typeof cumulativeFlowSchema>;

export const cumulativeFlowSectionSchema = z.object({
  byCategory: cumulativeFlowSchema,
  byState: cumulativeFlowSchema,
  /** By the columns of the team's board; null when the team has no board synchronised. */
  byColumn: cumulativeFlowSchema.nullable(),
  board: z.string().nullable(),
});
export const cumulativeFlowResponseSchema = flowResponseMetaSchema.extend(cumulativeFlowSectionSchema.shape);
export type CumulativeFlowResponse = z.infer<typeof cumulativeFlowResponseSchema>;

export const flowEfficiencySectionSchema = z.object({
  /** Active ÷ (active + waiting) over all items; null when nothing was measured. */
  efficiency: z.number().nullable(),
  activeHours: z.number(),
  waitingHours: z.number(),
  /** The team's waiting states; with none, every started state counts as active. */
  waitingStates: z.array(z.string()),
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      workItemType: z.string(),
      url: z.string(),
      activeHours: z.number(),
      waitingHours: z.number(),
      efficiency: z.number().nullable(),
    }),
  ),
});
export const flowEfficiencyResponseSchema = flowResponseMetaSchema.extend(flowEfficiencySectionSchema.shape);
export type FlowEfficiencyResponse = z.infer<typeof flowEfficiencyResponseSchema>;

export const cycleTimeHistogramSectionSchema = z.object({
  /** Contiguous bins from 1 day to the longest cycle time. */
  bins: z.array(z.object({ days: z.number().int(), count: z.number().int() })),
  sampleSize: z.number().int(),
  percentiles: z.array(percentileLineSchema),
});
export const cycleTimeHistogramResponseSchema = flowResponseMetaSchema.extend(
  cycleTimeHistogramSectionSchema.shape,
);
export type CycleTimeHistogramResponse = z.infer<typeof cycleTimeHistogramResponseSchema>;

export const cycleTimeTrendSectionSchema = z.object({
  /** Each day's window is the day and this many days before it (20% of the range, odd). */
  windowDays: z.number().int(),
  days: z.array(bandDaySchema),
  percentiles: z.array(percentileLineSchema),
});
export const cycleTimeTrendResponseSchema = flowResponseMetaSchema.extend(cycleTimeTrendSectionSchema.shape);
export type CycleTimeTrendResponse = z.infer<typeof cycleTimeTrendResponseSchema>;
