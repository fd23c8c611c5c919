import type { OrganizationModel } from '../generate/model.ts';
import { formatAdoDate } from '../dates.ts';

/** URLs and references the service embeds in its payloads, built on the simulator's organization URL. */
export function projectUrl(organizationUrl: string, model: OrganizationModel): string {
  return `${organizationUrl}/_apis/projects/${model.project.id}`;
}

export function teamUrl(organizationUrl: string, model: OrganizationModel): string {
  return `${projectUrl(organizationUrl, model)}/teams/${model.team.id}`;
}

export function teamApiUrl(organizationUrl: string, model: OrganizationModel, resource: string): string {
  return `${organizationUrl}/${model.project.id}/${model.team.id}/_apis/work/${resource}`;
}

export function workItemTypeRef(
  organizationUrl: string,
  model: OrganizationModel,
  name: string,
): { name: string; url: string } {
  return {
    name,
    url: `${organizationUrl}/${model.project.id}/_apis/wit/workItemTypes/${encodeURIComponent(name)}`,
  };
}

export function projectReference(organizationUrl: string, model: OrganizationModel): Record<string, unknown> {
  const { project } = model;
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    url: projectUrl(organizationUrl, model),
    state: 'wellFormed',
    revision: 11,
    visibility: 'private',
    lastUpdateTime: formatAdoDate(project.lastUpdateTime),
  };
}

export function teamReference(organizationUrl: string, model: OrganizationModel): Record<string, unknown> {
  return {
    id: model.team.id,
    name: model.team.name,
    url: teamUrl(organizationUrl, model),
    description: model.team.description,
    identityUrl: `${organizationUrl}/_apis/Identities/${model.team.id}`,
    projectName: model.project.name,
    projectId: model.project.id,
  };
}
