/**
 * Why a delivery figure has no value, and the DORA reference bands. A figure with nothing to measure says
 * which reason applies (and a sentence for people) instead of reporting a zero that looks like a result.
 */
import { z } from 'zod';

/** The reference table is context, never a ranking of teams; every band names where it comes from. */
export const DELIVERY_REFERENCE_SOURCE = 'DORA 2023 as encoded by Apache DevLake';

export const DORA_BANDS = ['elite', 'high', 'medium', 'low'] as const;
export const referenceBandSchema = z.object({
  band: z.enum(DORA_BANDS),
  source: z.literal(DELIVERY_REFERENCE_SOURCE),
});
export type ReferenceBandAnswer = z.infer<typeof referenceBandSchema>;

const message = z.string().meta({ description: 'What is missing, in words a person can act on.' });

/** No deployment record at all in the scope (nothing synchronised, or the team's pipelines never deployed). */
export const noDeploymentRecordsSchema = z.object({ status: z.literal('noDeploymentRecords'), message });
/** Deployments exist but none goes to a production environment or stage; the names seen help set the mark. */
export const noProductionEnvironmentSchema = z.object({
  status: z.literal('noProductionEnvironment'),
  targetNamesSeen: z.array(z.string()),
  message,
});
/** Production exists, but no successful production deployment finished in the period. */
export const noDeploymentsSchema = z.object({ status: z.literal('noDeployments'), message });
/** Nothing incident-related to measure in the period. */
export const noIncidentsSchema = z.object({ status: z.literal('noIncidents'), message });
/** Incidents exist, but none was restored (completed) in the period. */
export const noneRestoredSchema = z.object({
  status: z.literal('noneRestored'),
  openIncidentIds: z.array(z.number().int()),
  message,
});
/** Successful deployments, but no change could be linked to any of them. */
export const noChangesSchema = z.object({
  status: z.literal('noChanges'),
  successfulDeployments: z.number().int(),
  message,
});

/** Whether the scope has production deployments at all; every answer starts with it. */
export const deploymentDataStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok') }),
  noDeploymentRecordsSchema,
  noProductionEnvironmentSchema,
]);
export type DeploymentDataStatus = z.infer<typeof deploymentDataStatusSchema>;

export const referenceRowSchema = z.object({
  figure: z.enum([
    'deploymentFrequency',
    'leadTimeForChanges',
    'changeFailureRate',
    'failedDeploymentRecoveryTime',
  ]),
  measure: z.string(),
  elite: z.string(),
  high: z.string(),
  medium: z.string(),
  low: z.string(),
});

export const referenceTableSchema = z.object({
  source: z.literal(DELIVERY_REFERENCE_SOURCE),
  note: z.string(),
  rows: z.array(referenceRowSchema),
});
export type ReferenceTable = z.infer<typeof referenceTableSchema>;

/** The table of the metric definitions, as shown beside the figures. */
export const DELIVERY_REFERENCE_TABLE: ReferenceTable = {
  source: DELIVERY_REFERENCE_SOURCE,
  note: 'Shown as context for a figure, never to rank teams.',
  rows: [
    {
      figure: 'deploymentFrequency',
      measure: 'Deployment days per week (median)',
      elite: '≥ 5 (on demand)',
      high: '≥ 1',
      medium: '≥ 1 per month',
      low: 'less',
    },
    {
      figure: 'leadTimeForChanges',
      measure: 'Lead time for changes (median)',
      elite: '< 1 day',
      high: '< 1 week',
      medium: '< 1 month',
      low: '≥ 1 month',
    },
    {
      figure: 'changeFailureRate',
      measure: 'Change failure rate',
      elite: '≤ 5%',
      high: '≤ 10%',
      medium: '≤ 15%',
      low: '> 15%',
    },
    {
      figure: 'failedDeploymentRecoveryTime',
      measure: 'Failed deployment recovery time (median)',
      elite: '< 1 hour',
      high: '< 1 day',
      medium: '< 1 week',
      low: '≥ 1 week',
    },
  ],
};
