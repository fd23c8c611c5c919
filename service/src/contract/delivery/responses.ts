/**
 * Delivery (DORA) answers, per project or per team: what every answer starts with, and the figure
 * endpoints (summary, one per figure family, trend). Drill-down lists are in items.ts.
 */
import { z } from 'zod';
import { DETAIL_FIGURES, periodFiguresSchema, SUMMARY_FIGURES } from './figures.ts';
import { deploymentDataStatusSchema, referenceTableSchema } from './status.ts';

const day = z.string().meta({ format: 'date' });

/** Which deployments and changes were measured: the whole project, or a team's mapped pipelines and repositories. */
export const deliveryScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }),
  z.object({
    kind: z.literal('team'),
    buildDefinitionIds: z.array(z.number().int()),
    releaseDefinitionIds: z.array(z.number().int()),
    repositories: z.array(z.string()),
  }),
]);
export type DeliveryScopeAnswer = z.infer<typeof deliveryScopeSchema>;

/**
 * The project's production mark changed and the sync run that recomputes what depends on it (which commits
 * each production deployment brought) has not completed since: the figures are the new mark over data
 * derived with the old one until it has.
 */
export const deliveryPendingSchema = z.object({
  /** When the settings changed (ISO). */
  since: z.string().meta({ format: 'date-time' }),
  reason: z.enum(['productionRuleChanged']),
});
export type DeliveryPending = z.infer<typeof deliveryPendingSchema>;

export const deliveryResponseMetaSchema = z.object({
  organization: z.string(),
  project: z.string(),
  /** null on per-project answers. */
  team: z.string().nullable(),
  from: day,
  to: day,
  timeZone: z.string(),
  scope: deliveryScopeSchema,
  /** The production marks applied (case-insensitive regular expressions). */
  production: z.object({ environmentPattern: z.string(), stagePattern: z.string() }),
  /** Whether there is anything to measure at all; every deployment-based figure repeats it. */
  deploymentData: deploymentDataStatusSchema,
  /** When the organization was last synchronised (ISO), or null before the first sync. */
  syncedAt: z.string().nullable(),
  /** Not null while a settings change waits for its recomputation (the answer is not final yet). */
  pending: deliveryPendingSchema.nullable(),
});
export type DeliveryResponseMeta = z.infer<typeof deliveryResponseMetaSchema>;

export const deliverySummaryResponseSchema = deliveryResponseMetaSchema.extend({
  window: periodFiguresSchema,
  referenceTable: referenceTableSchema,
});
export type DeliverySummaryResponse = z.infer<typeof deliverySummaryResponseSchema>;

export const deploymentFrequencyResponseSchema = deliveryResponseMetaSchema.extend({
  deploymentFrequency: DETAIL_FIGURES.deploymentFrequency,
});
export type DeploymentFrequencyResponse = z.infer<typeof deploymentFrequencyResponseSchema>;

export const deliveryLeadTimeResponseSchema = deliveryResponseMetaSchema.extend({
  leadTimeForChanges: DETAIL_FIGURES.leadTimeForChanges,
});
export type DeliveryLeadTimeResponse = z.infer<typeof deliveryLeadTimeResponseSchema>;

export const changeFailureRateResponseSchema = deliveryResponseMetaSchema.extend({
  changeFailureRate: DETAIL_FIGURES.changeFailureRate,
  /** Reported beside it: failed attempts ÷ all attempts. */
  deploymentFailureRate: SUMMARY_FIGURES.deploymentFailureRate,
});
export type ChangeFailureRateResponse = z.infer<typeof changeFailureRateResponseSchema>;

export const deploymentFailureRateResponseSchema = deliveryResponseMetaSchema.extend({
  deploymentFailureRate: DETAIL_FIGURES.deploymentFailureRate,
});
export type DeploymentFailureRateResponse = z.infer<typeof deploymentFailureRateResponseSchema>;

export const recoveryTimeResponseSchema = deliveryResponseMetaSchema.extend({
  failedDeploymentRecoveryTime: DETAIL_FIGURES.failedDeploymentRecoveryTime,
  timeToRestore: DETAIL_FIGURES.timeToRestore,
});
export type RecoveryTimeResponse = z.infer<typeof recoveryTimeResponseSchema>;

export const reworkRateResponseSchema = deliveryResponseMetaSchema.extend({
  reworkRate: DETAIL_FIGURES.reworkRate,
});
export type ReworkRateResponse = z.infer<typeof reworkRateResponseSchema>;

export const sprintFiguresSchema = z.object({
  sprintId: z.string(),
  name: z.string(),
  /** Over the sprint's own dates (figures.from … figures.to), even where they leave the range. */
  figures: periodFiguresSchema,
});

export const deliveryTrendResponseSchema = deliveryResponseMetaSchema.extend({
  /** Monday-to-Sunday weeks overlapping the range, clipped to it. */
  weekly: z.array(periodFiguresSchema),
  sprints: z.discriminatedUnion('status', [
    /** Sprints are a team's iterations: ask the per-team endpoint. */
    z.object({ status: z.literal('noTeam'), message: z.string() }),
    /** The team has no dated iteration overlapping the range. */
    z.object({ status: z.literal('noSprints'), message: z.string() }),
    z.object({ status: z.literal('ok'), items: z.array(sprintFiguresSchema) }),
  ]),
});
export type DeliveryTrendResponse = z.infer<typeof deliveryTrendResponseSchema>;
