/**
 * Delivery drill-down lists (also answered as CSV): the production deployment attempts, the changes they
 * delivered and the incidents of the range, each with links into Azure DevOps.
 */
import { z } from 'zod';
import { deliveryResponseMetaSchema } from './responses.ts';
import { nonWorkingDaySchema } from '../calendar/workingCalendar.ts';

const day = z.string().meta({ format: 'date' });
const instant = z.string().meta({ format: 'date-time' });
const ids = z.array(z.number().int());
const nullableHours = z.number().nullable();

export const deliveryDeploymentItemSchema = z.object({
  id: z.string(),
  source: z.enum(['environment', 'classicRelease', 'pipelineStage']),
  /** `project/build|release/definitionId`. */
  pipelineKey: z.string(),
  pipelineKind: z.enum(['build', 'release']),
  pipelineId: z.number().int(),
  pipelineName: z.string(),
  /** Environment, release environment or stage name. */
  target: z.string(),
  attempt: z.number().int(),
  outcome: z.enum([
    'succeeded',
    'succeededWithIssues',
    'failed',
    'canceled',
    'notRun',
    'inProgress',
    'unknown',
  ]),
  /** The source's own result or status. */
  rawResult: z.string(),
  buildId: z.number().int().nullable(),
  releaseId: z.number().int().nullable(),
  repository: z.string().nullable(),
  sourceBranch: z.string().nullable(),
  sourceVersion: z.string().nullable(),
  startedAt: instant.nullable(),
  finishedAt: instant,
  finishedOn: day,
  /** Every change linked to the deployed build. */
  changeIds: z.array(z.string()),
  /** Changes this deployment delivered first on its pipeline (they carry its lead time samples). */
  deliveredChangeIds: z.array(z.string()),
  incidentIds: ids,
  buildUrl: z.string().nullable(),
  releaseUrl: z.string().nullable(),
  commitUrl: z.string().nullable(),
});
export type DeliveryDeploymentItem = z.infer<typeof deliveryDeploymentItemSchema>;

export const deliveryChangeItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['pullRequest', 'commit']),
  repository: z.string(),
  pullRequestId: z.number().int().nullable(),
  /** A pull request's merge commit, or the pushed commit. */
  commitSha: z.string().nullable(),
  targetBranch: z.string(),
  firstCommitAt: instant,
  pullRequestCreatedAt: instant.nullable(),
  mergedAt: instant.nullable(),
  /** The successful production deployment that delivered it first on its pipeline. */
  deploymentId: z.string(),
  pipelineKey: z.string(),
  deployedAt: instant,
  deployedOn: day,
  leadTimeHours: z.number(),
  codingHours: nullableHours,
  reviewHours: nullableHours,
  waitingForDeploymentHours: nullableHours,
  codingToDeploymentHours: nullableHours,
  workItemIds: ids,
  /** The pull request or commit in Azure Repos. */
  url: z.string(),
  deploymentUrl: z.string().nullable(),
  workItemUrls: z.array(z.string()),
});
export type DeliveryChangeItem = z.infer<typeof deliveryChangeItemSchema>;

export const deliveryIncidentItemSchema = z.object({
  workItemId: z.number().int(),
  title: z.string(),
  url: z.string(),
  createdAt: instant,
  createdOn: day,
  /** Entry into a Completed-category state; null while open. */
  completedAt: instant.nullable(),
  status: z.enum(['attributed', 'unattributed']),
  /**
   * artifactLink: its own Azure DevOps links (Found in build, Integrated in build, a release environment)
   * name the deployment; explicitLink: its tag names it; lastBefore: the last successful production
   * deployment before it.
   */
  via: z.enum(['artifactLink', 'explicitLink', 'lastBefore']).nullable(),
  /** Why it is unattributed. */
  reason: z.enum(['noDeploymentBefore', 'linkedDeploymentNotFound']).nullable(),
  deploymentId: z.string().nullable(),
  deploymentUrl: z.string().nullable(),
  /** Completion minus the attributed deployment's finish. */
  recoveryHours: nullableHours,
  /** Completion minus creation. */
  restoreHours: nullableHours,
});
export type DeliveryIncidentItem = z.infer<typeof deliveryIncidentItemSchema>;

/** Which rows of the whole list this answer holds. */
export const deliveryPageSchema = z.object({
  offset: z.number().int(),
  /** The limit asked for; null when every row was asked for. */
  limit: z.number().int().nullable(),
  /** Rows of the whole list. */
  total: z.number().int(),
  /** `offset` of the next page; null on the last one. */
  nextOffset: z.number().int().nullable(),
});
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

export const deliveryDeploymentsResponseSchema = deliveryResponseMetaSchema.extend({
  /** Production attempts (successful, failed, canceled) that finished in the range, in finish order. */
  items: z.array(deliveryDeploymentItemSchema),
  page: deliveryPageSchema,
  /**
   * The range's days that are not working days, with why, for the deployment calendar: the team's
   * (its working days and days off, company holidays, its holiday calendar) or, for a project, weekends,
   * company holidays and the zone's national holidays.
   */
  nonWorkingDays: z.array(nonWorkingDaySchema),
});
export type DeliveryDeploymentsResponse = z.infer<typeof deliveryDeploymentsResponseSchema>;

export const deliveryChangesResponseSchema = deliveryResponseMetaSchema.extend({
  /** Changes first delivered by a successful production deployment that finished in the range. */
  items: z.array(deliveryChangeItemSchema),
  page: deliveryPageSchema,
});
export type DeliveryChangesResponse = z.infer<typeof deliveryChangesResponseSchema>;

export const deliveryIncidentsResponseSchema = deliveryResponseMetaSchema.extend({
  /** Incidents created in the range, with their attribution. */
  items: z.array(deliveryIncidentItemSchema),
  page: deliveryPageSchema,
});
export type DeliveryIncidentsResponse = z.infer<typeof deliveryIncidentsResponseSchema>;
