/**
 * Every delivery (DORA) endpoint as data: path, request and response schemas. Each is served per project
 * and per team; the router registers from this table and the OpenAPI document is generated from it.
 */
import type { z } from 'zod';
import {
  changeFailureRateResponseSchema,
  deliveryChangesResponseSchema,
  deliveryDeploymentsResponseSchema,
  deliveryIncidentsResponseSchema,
  deliveryItemsQuerySchema,
  deliveryLeadTimeResponseSchema,
  deliveryQuerySchema,
  deliverySummaryResponseSchema,
  deliveryTrendResponseSchema,
  deploymentFailureRateResponseSchema,
  deploymentFrequencyResponseSchema,
  recoveryTimeResponseSchema,
  reworkRateResponseSchema,
} from '../../contract/index.ts';

export const PROJECT_PATH = '/organizations/:organization/projects/:project';

/** Where an endpoint is mounted: below PROJECT_PATH, or below PROJECT_PATH/teams/:team. */
export type DeliveryScopeKind = 'project' | 'team';
export const DELIVERY_SCOPES: readonly DeliveryScopeKind[] = ['project', 'team'];

export function deliveryRoute(scope: DeliveryScopeKind, path: string): string {
  return `${PROJECT_PATH}${scope === 'team' ? '/teams/:team' : ''}${path}`;
}

export interface DeliveryEndpoint<
  Query extends z.ZodObject = z.ZodObject,
  Response extends z.ZodType = z.ZodType,
> {
  /** Name in the OpenAPI document (operationId; the team variant adds "ForTeam") and in ETags. */
  id: string;
  /** Below the project or team path. */
  path: string;
  summary: string;
  description: string;
  query: Query;
  response: Response;
  /** Also answers text/csv (one row per item). */
  csv: boolean;
  /** Schema name of the response in the OpenAPI document. */
  responseName: string;
}

function endpoint<Query extends z.ZodObject, Response extends z.ZodType>(
  spec: Omit<DeliveryEndpoint<Query, Response>, 'csv'> & Partial<Pick<DeliveryEndpoint, 'csv'>>,
): DeliveryEndpoint<Query, Response> {
  return { csv: false, ...spec };
}

const RANGE =
  'Dates are inclusive calendar days in the time zone in effect. Per team: only the pipelines and ' +
  "repositories the project's delivery settings map to the team (409 team_not_mapped names what is " +
  "missing), and the project's incidents attributed to those pipelines' deployments. A figure without a " +
  'value says why in `status` (noDeploymentRecords, noProductionEnvironment, noDeployments, noIncidents, ' +
  'noneRestored, noChanges) instead of reporting zero. While a change of the production mark awaits the ' +
  'sync that recomputes what depends on it, `pending` says since when (else null).';

export const DELIVERY_ENDPOINTS = {
  summary: endpoint({
    id: 'getDeliverySummary',
    path: '/delivery/summary',
    summary: 'Every delivery figure of the range with its status and DORA reference band',
    description: `Bands are "DORA 2023 as encoded by Apache DevLake": context, never a ranking. ${RANGE}`,
    query: deliveryQuerySchema,
    response: deliverySummaryResponseSchema,
    responseName: 'DeliverySummaryResponse',
  }),
  deploymentFrequency: endpoint({
    id: 'getDeploymentFrequency',
    path: '/delivery/deployment-frequency',
    summary: 'Successful production deployments per day, and the median deployment days per week',
    description: RANGE,
    query: deliveryQuerySchema,
    response: deploymentFrequencyResponseSchema,
    responseName: 'DeploymentFrequencyResponse',
  }),
  leadTime: endpoint({
    id: 'getLeadTimeForChanges',
    path: '/delivery/lead-time',
    summary: "Lead time for changes (median, P85) with each change's parts",
    description: `First commit → the first successful production deployment of each pipeline that delivered it. ${RANGE}`,
    query: deliveryQuerySchema,
    response: deliveryLeadTimeResponseSchema,
    responseName: 'DeliveryLeadTimeResponse',
  }),
  changeFailureRate: endpoint({
    id: 'getChangeFailureRate',
    path: '/delivery/change-failure-rate',
    summary: 'Change failure rate, with the deployment failure rate beside it',
    description: `Successful production deployments with an attributed incident ÷ successful production deployments. ${RANGE}`,
    query: deliveryQuerySchema,
    response: changeFailureRateResponseSchema,
    responseName: 'ChangeFailureRateResponse',
  }),
  deploymentFailureRate: endpoint({
    id: 'getDeploymentFailureRate',
    path: '/delivery/deployment-failure-rate',
    summary: 'Failed production deployment attempts ÷ all attempts',
    description: RANGE,
    query: deliveryQuerySchema,
    response: deploymentFailureRateResponseSchema,
    responseName: 'DeploymentFailureRateResponse',
  }),
  recoveryTime: endpoint({
    id: 'getRecoveryTime',
    path: '/delivery/recovery-time',
    summary: 'Failed deployment recovery time (median), with time to restore beside it',
    description: `Per attributed incident: completion − its deployment's finish; time to restore: completion − creation. ${RANGE}`,
    query: deliveryQuerySchema,
    response: recoveryTimeResponseSchema,
    responseName: 'RecoveryTimeResponse',
  }),
  reworkRate: endpoint({
    id: 'getReworkRate',
    path: '/delivery/rework-rate',
    summary: 'Successful production deployments whose changes link to an incident or a Bug ÷ all of them',
    description: RANGE,
    query: deliveryQuerySchema,
    response: reworkRateResponseSchema,
    responseName: 'ReworkRateResponse',
  }),
  trend: endpoint({
    id: 'getDeliveryTrend',
    path: '/delivery/trend',
    summary: "Every figure per week, and per sprint of the team's iterations",
    description: `Weeks run Monday to Sunday, clipped to the range; sprints overlapping the range are measured over their own dates (per team only). ${RANGE}`,
    query: deliveryQuerySchema,
    response: deliveryTrendResponseSchema,
    responseName: 'DeliveryTrendResponse',
  }),
  deployments: endpoint({
    id: 'listDeliveryDeployments',
    path: '/delivery/deployments',
    summary: 'Production deployment attempts of the range, with their changes, incidents and links',
    description: RANGE,
    query: deliveryItemsQuerySchema,
    response: deliveryDeploymentsResponseSchema,
    responseName: 'DeliveryDeploymentsResponse',
    csv: true,
  }),
  changes: endpoint({
    id: 'listDeliveryChanges',
    path: '/delivery/changes',
    summary: 'Changes delivered in the range, with their lead time parts and links',
    description: RANGE,
    query: deliveryItemsQuerySchema,
    response: deliveryChangesResponseSchema,
    responseName: 'DeliveryChangesResponse',
    csv: true,
  }),
  incidents: endpoint({
    id: 'listDeliveryIncidents',
    path: '/delivery/incidents',
    summary: 'Incidents created in the range, with their attribution and links',
    description: RANGE,
    query: deliveryItemsQuerySchema,
    response: deliveryIncidentsResponseSchema,
    responseName: 'DeliveryIncidentsResponse',
    csv: true,
  }),
} satisfies Record<string, DeliveryEndpoint>;

export type DeliveryEndpointName = keyof typeof DELIVERY_ENDPOINTS;

/** operationId of an endpoint in one scope. */
export function deliveryOperationId(spec: DeliveryEndpoint, scope: DeliveryScopeKind): string {
  return scope === 'team' ? `${spec.id}ForTeam` : spec.id;
}
