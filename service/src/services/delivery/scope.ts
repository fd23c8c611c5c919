/**
 * What one request measures: the project's delivery records as they are, or a team's share of them
 * (its mapped pipelines' deployments and its mapped repositories' changes).
 *
 * Incidents of a team: the metric definitions attribute an incident to the last successful production
 * deployment of the project's pipelines, so attribution is decided over the whole project first; a team
 * then gets the incidents attributed to its own deployments, pinned to them as explicit links. Deciding it
 * over the team's deployments alone would blame the team for an incident that followed another team's
 * deployment.
 */
import type { TeamDeliveryMapping } from '../../contract/index.ts';
import { attemptClassOf, type DeploymentRecord, type IncidentRecord } from '../../domain/delivery.ts';
import {
  pipelineKeyOf,
  resolveAttributions,
  selectProductionDeployments,
  type AttributionVia,
  type DeliveryInput,
  type ProductionDeployment,
  type ProductionRules,
} from '../../metrics/delivery/index.ts';
import type { DeliveryRecords } from '../../storage/delivery/repository.ts';
import { deliveryInputFrom } from '../../sync/normalise/delivery/input.ts';

export type DeliveryScope =
  { kind: 'project' } | { kind: 'team'; team: string; mapping: TeamDeliveryMapping };

export interface ScopedInput {
  input: DeliveryInput;
  /** For a team: how the project-level attribution chose each of its incidents (the engine sees them as links). */
  attributionVia: ReadonlyMap<number, AttributionVia> | undefined;
  /** Read from the stored linked input: its records are its own, not the records cache's. */
  ownsRecords?: boolean;
}

const NONE: readonly never[] = [];

function isTeamPipeline(mapping: TeamDeliveryMapping): (deployment: DeploymentRecord) => boolean {
  const builds = new Set(mapping.buildDefinitionIds);
  const releases = new Set(mapping.releaseDefinitionIds);
  return (deployment) =>
    deployment.source === 'classicRelease'
      ? releases.has(deployment.pipelineId)
      : builds.has(deployment.pipelineId);
}

/** Successful production deployments of the project in finish order, as the attribution reads them. */
function successfulProduction(
  deployments: readonly DeploymentRecord[],
  production: ProductionRules,
): ProductionDeployment[] {
  const selection = selectProductionDeployments(deployments, production);
  if (selection.status !== 'ok') return [];
  const successful: ProductionDeployment[] = [];
  for (const record of selection.deployments) {
    if (record.finishedAt === null || attemptClassOf(record.outcome) !== 'successful') continue;
    successful.push({
      record,
      pipelineKey: pipelineKeyOf(record),
      finishedAt: record.finishedAt,
      // Not read by the attribution.
      day: 0,
      attemptClass: 'successful',
      changeCount: 0,
      incidents: NONE,
      reworkSlot: -1,
    });
  }
  return successful.sort(
    (a, b) =>
      a.finishedAt - b.finishedAt || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
  );
}

/** The project's incidents attributed to the team's deployments, each pinned to its deployment. */
function teamIncidents(
  records: DeliveryRecords,
  production: ProductionRules,
  isTeams: (deployment: DeploymentRecord) => boolean,
): { incidents: IncidentRecord[]; via: Map<number, AttributionVia> } {
  const incidents: IncidentRecord[] = [];
  const via = new Map<number, AttributionVia>();
  if (records.incidents.length === 0) return { incidents, via };
  const resolved = resolveAttributions(
    records.incidents,
    successfulProduction(records.deployments, production),
  );
  resolved.forEach(({ attribution, deployment }, index) => {
    const incident = records.incidents[index];
    if (incident === undefined || deployment === null || attribution.status !== 'attributed') return;
    if (!isTeams(deployment.record)) return;
    incidents.push({ ...incident, linkedDeploymentId: deployment.record.id, linkedArtifacts: [] });
    via.set(incident.workItemId, attribution.via);
  });
  return { incidents, via };
}

export function scopedDeliveryInput(
  records: DeliveryRecords,
  scope: DeliveryScope,
  options: { timeZone: string; production: ProductionRules },
): ScopedInput {
  if (scope.kind === 'project')
    return { input: deliveryInputFrom(records, options), attributionVia: undefined };
  const isTeams = isTeamPipeline(scope.mapping);
  const repositories = new Set(scope.mapping.repositories.map((repository) => repository.toLowerCase()));
  const { incidents, via } = teamIncidents(records, options.production, isTeams);
  const input = deliveryInputFrom(
    {
      ...records,
      deployments: records.deployments.filter(isTeams),
      changes: records.changes.filter((change) => repositories.has(change.repository.toLowerCase())),
      incidents,
    },
    options,
  );
  return { input, attributionVia: via };
}
