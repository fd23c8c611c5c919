/** GET .../flow/summary: every flow metric of one query at once, each section as its own endpoint has it. */
import type { z } from 'zod';
import { cycleTimeSectionSchema, flowResponseMetaSchema } from './responses.ts';
import { agingSectionSchema, dataQualitySectionSchema, serviceLevelsSectionSchema } from './items.ts';
import {
  cumulativeFlowSectionSchema,
  cycleTimeHistogramSectionSchema,
  cycleTimeTrendSectionSchema,
  flowEfficiencySectionSchema,
  leadTimeSectionSchema,
  throughputSectionSchema,
  wipSectionSchema,
} from './series.ts';

export const flowSummaryResponseSchema = flowResponseMetaSchema.extend({
  cycleTime: cycleTimeSectionSchema,
  leadTime: leadTimeSectionSchema,
  throughput: throughputSectionSchema,
  wip: wipSectionSchema,
  aging: agingSectionSchema,
  serviceLevels: serviceLevelsSectionSchema,
  cumulativeFlow: cumulativeFlowSectionSchema,
  flowEfficiency: flowEfficiencySectionSchema,
  cycleTimeHistogram: cycleTimeHistogramSectionSchema,
  cycleTimeTrend: cycleTimeTrendSectionSchema,
  dataQuality: dataQualitySectionSchema,
});
export type FlowSummaryResponse = z.infer<typeof flowSummaryResponseSchema>;
