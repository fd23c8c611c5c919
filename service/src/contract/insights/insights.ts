/**
 * Improvement insights (改善施策) for a team: the week's findings (at most three), each with its rule's
 * evidence and experiment; what the team did with them; and "would have fired" previews.
 */
import { z } from 'zod';

export const INSIGHT_RULE_IDS = [
  'AGE-1',
  'WIP-1',
  'CFD-1',
  'STB-1',
  'WAIT-1',
  'SLE-1',
  'CARRY-1',
  'SCOPE-1',
  'TGT-1',
  'DEP-1',
  'CFR-1',
  'MTTR-1',
  'RWK-1',
  'DQ-1',
] as const;
export const insightRuleIdSchema = z.enum(INSIGHT_RULE_IDS, {
  error: `must be one of ${INSIGHT_RULE_IDS.join(', ')}`,
});

export const insightRuleSchema = z.object({
  id: insightRuleIdSchema,
  area: z.enum(['flow', 'sprint', 'delivery', 'dataQuality']),
  detects: z.string(),
  evidence: z.object({ source: z.string(), url: z.string().optional() }),
  threshold: z.string(),
  minimumData: z.string(),
  experiment: z.string(),
  howWeWillKnow: z.string(),
  enabled: z.boolean(),
});

export const insightFindingSchema = z.object({
  ruleId: insightRuleIdSchema,
  expectedEffect: z.number(),
  itemIds: z.array(z.number().int()),
  /** Where each item opens in Azure DevOps, in the order of itemIds. */
  itemUrls: z.array(z.string()),
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
  /** What the team did with it this week, if anything. */
  action: z.enum(['acknowledged', 'dismissed', 'experiment']).nullable(),
});

export const insightsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  weekStart: z.string(),
  findings: z.array(insightFindingSchema),
  rules: z.array(insightRuleSchema),
});
export type InsightsResponse = z.infer<typeof insightsResponseSchema>;

export const insightActionSchema = z
  .object({
    ruleId: insightRuleIdSchema,
    weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
    action: z.enum(['acknowledged', 'dismissed', 'experiment']),
    /** Why it was dismissed (required then), or the experiment in the team's words. */
    note: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
    /** The sprint whose targets carry the experiment. */
    iterationId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .nullable()
      .default(null),
  })
  .refine((action) => action.action !== 'dismissed' || action.note !== '', {
    message: 'must say why the insight is dismissed',
    path: ['note'],
  });
export type InsightAction = z.infer<typeof insightActionSchema>;

export const insightSettingsSchema = z.object({
  /** Rules switched on; all by default. */
  enabled: z.array(insightRuleIdSchema).max(INSIGHT_RULE_IDS.length),
});
export type InsightSettings = z.infer<typeof insightSettingsSchema>;

export const insightPreviewResponseSchema = z.object({
  ruleId: insightRuleIdSchema,
  /** The last 13 weeks (about 90 days), oldest first. */
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      fired: z.boolean(),
      figures: z.record(z.string(), z.union([z.number(), z.string()])).nullable(),
    }),
  ),
});
export type InsightPreviewResponse = z.infer<typeof insightPreviewResponseSchema>;
