import type { OrganizationModel, ProjectModel, TeamModel } from '../model/organization.ts';
import { formatAdoDate } from '../dates.ts';

/** URLs and references the service embeds in its payloads, built on the simulator's organization URL. */
export function projectUrl(organizationUrl: string, project: ProjectModel): string {
  return `${organizationUrl}/_apis/projects/${project.id}`;
}

export function teamUrl(organizationUrl: string, project: ProjectModel, team: TeamModel): string {
  return `${projectUrl(organizationUrl, project)}/teams/${team.id}`;
}

export function teamApiUrl(
  organizationUrl: string,
  project: ProjectModel,
  team: TeamModel,
  resource: string,
): string {
  return `${organizationUrl}/${project.id}/${team.id}/_apis/work/${resource}`;
}

export function workItemTypeRef(
  organizationUrl: string,
  project: ProjectModel,
  name: string,
): { name: string; url: string } {
  return {
    name,
    url: `${organizationUrl}/${project.id}/_apis/wit/workItemTypes/${encodeURIComponent(name)}`,
  };
}

export function workItemUrl(organizationUrl: string, id: number): string {
  return `${organizationUrl}/_apis/wit/workItems/${id}`;
}

export function projectReference(organizationUrl: string, project: ProjectModel): Record<string, unknown> {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    url: projectUrl(organizationUrl, project),
    state: 'wellFormed',
    revision: 11,
    visibility: 'private',
    lastUpdateTime: formatAdoDate(project.lastUpdateTime),
  };
}

/** The short project reference embedded in repositories, builds and pull requests. */
export function projectRef(organizationUrl: string, project: ProjectModel): Record<string, unknown> {
  return {
    id: project.id,
    name: project.name,
    url: projectUrl(organizationUrl, project),
    state: 'wellFormed',
    revision: 11,
    visibility: 'private',
    lastUpdateTime: formatAdoDate(project.lastUpdateTime),
  };
}

export function teamReference(
  organizationUrl: string,
  project: ProjectModel,
  team: TeamModel,
): Record<string, unknown> {
  return {
    id: team.id,
    name: team.name,
    url: teamUrl(organizationUrl, project, team),
    description: team.description,
    identityUrl: `${organizationUrl}/_apis/Identities/${team.id}`,
    projectName: project.name,
    projectId: project.id,
  };
}

/** An IdentityRef as most areas embed it. */
export function identityRef(
  model: OrganizationModel,
  organizationUrl: string,
  index: number,
): Record<string, unknown> {
  const person = model.identities[index] ?? model.identities[0];
  const id = person?.id ?? '';
  return {
    displayName: person?.displayName ?? '',
    url: `${organizationUrl}/_apis/Identities/${id}`,
    _links: { avatar: { href: `${organizationUrl}/_apis/GraphProfile/MemberAvatars/aad.${id}` } },
    id,
    uniqueName: person?.email ?? '',
    imageUrl: `${organizationUrl}/_api/_common/identityImage?id=${id}`,
    descriptor: `aad.${Buffer.from(id).toString('base64url')}`,
  };
}
