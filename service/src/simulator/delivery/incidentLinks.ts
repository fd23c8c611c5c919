import type { OrganizationModel } from '../model/organization.ts';
import { date, projectOf } from '../payloads/common.ts';
import type { IncidentModel } from './model.ts';

/**
 * The artifact links an on-call engineer adds to an incident Bug: three incidents in four name the
 * deployment that caused them, "Found in build" for a YAML run (`vstfs:///Build/Build/{id}`) and
 * "Integrated in release environment" for a classic release stage
 * (`vstfs:///ReleaseManagement/ReleaseEnvironment/{projectId}:{releaseId}:{environmentId}`), the shapes
 * Azure DevOps returns under `relations` with `$expand=relations`; the others rely on the time rule.
 */
export function incidentArtifactRelations(model: OrganizationModel, workItemId: number, at: number) {
  const incident = incidentOf(model, workItemId);
  if (incident === undefined || incident.createdOn > at || workItemId % 4 === 0) return [];
  const artifact = artifactOf(model, incident);
  if (artifact === undefined) return [];
  const created = date(incident.createdOn);
  return [
    {
      rel: 'ArtifactLink',
      url: artifact.url,
      attributes: {
        authorizedDate: created,
        id: 100_000 + workItemId,
        resourceCreatedDate: created,
        resourceModifiedDate: created,
        revisedDate: '9999-01-01T00:00:00Z',
        name: artifact.name,
      },
    },
  ];
}

const byModel = new WeakMap<OrganizationModel, { count: number; byId: Map<number, IncidentModel> }>();

function incidentOf(model: OrganizationModel, workItemId: number): IncidentModel | undefined {
  const incidents = model.delivery.incidents;
  let index = byModel.get(model);
  if (index?.count !== incidents.length) {
    index = {
      count: incidents.length,
      byId: new Map(incidents.map((incident) => [incident.workItemId, incident])),
    };
    byModel.set(model, index);
  }
  return index.byId.get(workItemId);
}

function artifactOf(
  model: OrganizationModel,
  incident: IncidentModel,
): { url: string; name: string } | undefined {
  const { delivery } = model;
  if (incident.cause.kind === 'environment') {
    const id = incident.cause.id;
    const atIndex = delivery.deploymentRecords[id - 1];
    const record =
      atIndex?.id === id ? atIndex : delivery.deploymentRecords.find((candidate) => candidate.id === id);
    return record === undefined
      ? undefined
      : { url: `vstfs:///Build/Build/${record.build}`, name: 'Found in build' };
  }
  const deployment = delivery.releaseDeployments.find((candidate) => candidate.id === incident.cause.id);
  const release = deployment === undefined ? undefined : delivery.releases[deployment.release - 1];
  if (deployment === undefined || release === undefined) return undefined;
  const project = projectOf(model, incident.projectIndex);
  return {
    url: `vstfs:///ReleaseManagement/ReleaseEnvironment/${project.id}:${release.id}:${deployment.releaseEnvironmentId}`,
    name: 'Integrated in release environment',
  };
}
