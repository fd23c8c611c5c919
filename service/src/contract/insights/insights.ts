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

export const DIGEST_KINDS = ['teams', 'slack'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export const insightsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  weekStart: z.string(),
  findings: z.array(insightFindingSchema),
  rules: z.array(insightRuleSchema),
  /** The weekly digest's destination, masked (the URL itself is never answered); null when off. */
  digest: z
    .object({ kind: z.enum(DIGEST_KINDS), language: z.enum(['en', 'ja']), maskedUrl: z.string() })
    .nullable(),
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
  /**
   * The weekly digest to the team's Microsoft Teams or Slack incoming webhook; null switches it off,
   * absent leaves it as it is. `language` defaults to Japanese for teams on Asia/Tokyo, else English.
   */
  digest: z
    .object({
      kind: z.enum(DIGEST_KINDS),
      url: z.string().max(2048, 'must be at most 2048 characters'),
      language: z.enum(['en', 'ja']).optional(),
    })
    .nullable()
    .optional(),
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

/** What an experiment is judged on, per rule (see experimentMeasures in the insights service). */
export const EXPERIMENT_MEASURES = [
  'agingPastP85',
  'meanWip',
  'netArrivals',
  'littleLawGapPercent',
  'flowEfficiencyPercent',
  'cycleTimeP85Days',
  'carriedOverTwice',
  'addedPercent',
  'meanTargetProbabilityPercent',
  'deploymentDays',
  'changeFailurePercent',
  'medianRecoveryHours',
  'reworkPercent',
  'flaggedPercent',
] as const;

const weeklyValueSchema = z.object({ weekStart: z.string(), value: z.number() });

export const insightExperimentSchema = z.object({
  ruleId: insightRuleIdSchema,
  /** The week the team turned the finding into an experiment. */
  weekStart: z.string(),
  note: z.string(),
  iterationId: z.string().nullable(),
  measure: z.enum(EXPERIMENT_MEASURES),
  better: z.enum(['higher', 'lower']),
  /** Weekly values before the experiment (the baseline), oldest first; weeks without a value are left out. */
  baseline: z.array(weeklyValueSchema),
  /** Weekly values from the experiment's week on, through the last complete week. */
  since: z.array(weeklyValueSchema),
  /** The baseline's natural process limits (XmR); null with fewer than two baseline points. */
  limits: z.object({ mean: z.number(), lower: z.number(), upper: z.number() }).nullable(),
  verdict: z.enum(['improved', 'worsened', 'noSignal', 'tooFewPoints']),
  signals: z.array(z.enum(['outsideLimits', 'runOfEight', 'threeOfFour'])),
});
export type InsightExperiment = z.infer<typeof insightExperimentSchema>;

export const insightExperimentsResponseSchema = z.object({
  organization: z.string(),
  project: z.string(),
  team: z.string(),
  baselineWeeks: z.number().int(),
  experiments: z.array(insightExperimentSchema),
});
export type InsightExperimentsResponse = z.infer<typeof insightExperimentsResponseSchema>;
