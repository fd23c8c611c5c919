/**
 * Each delivery figure as a value or an explicit reason for having none (deliveryStatus.ts). The summary
 * form carries the numbers and the reference band; the detail form, answered by the figure's own
 * endpoint, adds what the numbers are made of. Durations are hours, rates fractions (0..1), instants ISO.
 */
import { z } from 'zod';
import {
  noChangesSchema,
  noDeploymentRecordsSchema,
  noDeploymentsSchema,
  noIncidentsSchema,
  noneRestoredSchema,
  noProductionEnvironmentSchema,
  referenceBandSchema,
} from './status.ts';

const day = z.string().meta({ format: 'date' });
const instant = z.string().meta({ format: 'date-time' });
const hours = z.number();
const nullableHours = z.number().nullable();
const count = z.number().int();
/** DORA defines no reference band for this figure. */
const noBand = z.null();

const frequencyShape = {
  status: z.literal('ok'),
  successfulDeployments: count,
  deploymentDays: count,
  daysInPeriod: count,
  /** Successful production deployments ÷ calendar days in the period. */
  deploymentsPerDay: z.number(),
  /** Nearest-rank median over the Monday-to-Sunday weeks overlapping the period. */
  medianDeploymentDaysPerWeek: z.number(),
  medianDeploymentDaysPerMonth: z.number(),
  reference: referenceBandSchema,
};
const bucket = { deploymentDays: count, daysInPeriod: count };
const frequencyDetailShape = {
  ...frequencyShape,
  daily: z.array(z.object({ day, deployments: count, deploymentIds: z.array(z.string()) })),
  weekly: z.array(z.object({ weekStart: day, ...bucket })),
  monthly: z.array(z.object({ month: z.string().meta({ description: 'YYYY-MM' }), ...bucket })),
};

const partMedians = z.object({
  codingHours: nullableHours,
  reviewHours: nullableHours,
  waitingForDeploymentHours: nullableHours,
  /** Commits pushed without a pull request: first commit → deployment. */
  codingToDeploymentHours: nullableHours,
});
const leadTimeShape = {
  status: z.literal('ok'),
  changes: count,
  medianHours: hours,
  p85Hours: hours,
  partMedians,
  reference: referenceBandSchema,
};
/** One change's lead time and its parts (a pull request's three, or a direct commit's one). */
export const leadTimeSampleSchema = z.object({
  changeId: z.string(),
  kind: z.enum(['pullRequest', 'commit']),
  deploymentId: z.string(),
  pipelineKey: z.string(),
  firstCommitAt: instant,
  deployedAt: instant,
  leadTimeHours: hours,
  codingHours: nullableHours,
  reviewHours: nullableHours,
  waitingForDeploymentHours: nullableHours,
  codingToDeploymentHours: nullableHours,
});
export type LeadTimeSampleAnswer = z.infer<typeof leadTimeSampleSchema>;
const leadTimeDetailShape = { ...leadTimeShape, samples: z.array(leadTimeSampleSchema) };

const changeFailureShape = {
  status: z.literal('ok'),
  rate: z.number(),
  failedDeployments: count,
  successfulDeployments: count,
  reference: referenceBandSchema,
};
const cfrNoIncidents = noIncidentsSchema.extend({ successfulDeployments: count });
const changeFailureDetailShape = {
  ...changeFailureShape,
  failed: z.array(z.object({ deploymentId: z.string(), incidentIds: z.array(z.number().int()) })),
};

const deploymentFailureShape = {
  status: z.literal('ok'),
  rate: z.number(),
  failedAttempts: count,
  /** Successful, failed and canceled production attempts that finished in the period. */
  attempts: count,
  canceledAttempts: count,
  reference: noBand,
};
const deploymentFailureDetailShape = { ...deploymentFailureShape, failedAttemptIds: z.array(z.string()) };

const recoveryShape = {
  status: z.literal('ok'),
  medianHours: hours,
  restoredIncidents: count,
  /** Attributed incidents still open: no recovery time yet. */
  openIncidentIds: z.array(z.number().int()),
  reference: referenceBandSchema,
};
const recoveryDetailShape = {
  ...recoveryShape,
  samples: z.array(
    z.object({
      incidentId: z.number().int(),
      deploymentId: z.string(),
      deploymentFinishedAt: instant,
      incidentCompletedAt: instant,
      recoveryHours: hours,
    }),
  ),
};

const restoreShape = {
  status: z.literal('ok'),
  medianHours: hours,
  restoredIncidents: count,
  openIncidentIds: z.array(z.number().int()),
  reference: noBand,
};
const restoreDetailShape = {
  ...restoreShape,
  samples: z.array(
    z.object({ incidentId: z.number().int(), createdAt: instant, completedAt: instant, restoreHours: hours }),
  ),
};

const reworkShape = {
  status: z.literal('ok'),
  rate: z.number(),
  reworkDeployments: count,
  successfulDeployments: count,
  reference: noBand,
};
const reworkDetailShape = {
  ...reworkShape,
  deployments: z.array(
    z.object({
      deploymentId: z.string(),
      evidence: z.array(
        z.object({
          changeId: z.string(),
          workItemId: z.number().int(),
          linkedTo: z.enum(['incident', 'bug']),
          workItemUrl: z.string(),
        }),
      ),
    }),
  ),
};

const gaps = [noDeploymentRecordsSchema, noProductionEnvironmentSchema, noDeploymentsSchema] as const;

function figures<
  F extends z.ZodRawShape,
  L extends z.ZodRawShape,
  C extends z.ZodRawShape,
  D extends z.ZodRawShape,
  R extends z.ZodRawShape,
  T extends z.ZodRawShape,
  W extends z.ZodRawShape,
>(shapes: {
  frequency: F;
  leadTime: L;
  changeFailure: C;
  deploymentFailure: D;
  recovery: R;
  restore: T;
  rework: W;
}) {
  return {
    deploymentFrequency: z.discriminatedUnion('status', [...gaps, z.object(shapes.frequency)]),
    leadTimeForChanges: z.discriminatedUnion('status', [...gaps, noChangesSchema, z.object(shapes.leadTime)]),
    changeFailureRate: z.discriminatedUnion('status', [
      ...gaps,
      cfrNoIncidents,
      z.object(shapes.changeFailure),
    ]),
    deploymentFailureRate: z.discriminatedUnion('status', [...gaps, z.object(shapes.deploymentFailure)]),
    failedDeploymentRecoveryTime: z.discriminatedUnion('status', [
      ...gaps,
      noIncidentsSchema,
      noneRestoredSchema,
      z.object(shapes.recovery),
    ]),
    timeToRestore: z.discriminatedUnion('status', [
      noIncidentsSchema,
      noneRestoredSchema,
      z.object(shapes.restore),
    ]),
    reworkRate: z.discriminatedUnion('status', [...gaps, noChangesSchema, z.object(shapes.rework)]),
  };
}

/** Summary forms: numbers, status and band. */
export const SUMMARY_FIGURES = figures({
  frequency: frequencyShape,
  leadTime: leadTimeShape,
  changeFailure: changeFailureShape,
  deploymentFailure: deploymentFailureShape,
  recovery: recoveryShape,
  restore: restoreShape,
  rework: reworkShape,
});

/** Detail forms: the same plus what the numbers are made of. */
export const DETAIL_FIGURES = figures({
  frequency: frequencyDetailShape,
  leadTime: leadTimeDetailShape,
  changeFailure: changeFailureDetailShape,
  deploymentFailure: deploymentFailureDetailShape,
  recovery: recoveryDetailShape,
  restore: restoreDetailShape,
  rework: reworkDetailShape,
});

/** Every figure of one period (the window, a week or a sprint) in summary form. */
export const periodFiguresSchema = z.object({
  from: day,
  to: day,
  ...SUMMARY_FIGURES,
  /** Incidents created in the period: how many were attributed to a deployment. */
  incidents: z.object({ created: count, attributed: count, unattributed: count }),
});
export type PeriodFiguresAnswer = z.infer<typeof periodFiguresSchema>;

export type DetailFigures = { [K in keyof typeof DETAIL_FIGURES]: z.infer<(typeof DETAIL_FIGURES)[K]> };
export type SummaryFigures = { [K in keyof typeof SUMMARY_FIGURES]: z.infer<(typeof SUMMARY_FIGURES)[K]> };
