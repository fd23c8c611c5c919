import type { TeamPath } from '../../../service/src/contract/index.ts';
import type { DeliveryPath } from '../../../service/src/contract/delivery/query.ts';
import type { SprintPath } from '../../../service/src/contract/targets/sprintTargets.ts';

/* The service's paths, each part encoded: the one place the client spells them. */

/** Query parameters as text: lists become comma lists, undefined values are left out. */
export function toSearchParams(query: object): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.map(String).join(','));
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      search.set(key, String(value));
    }
  }
  return search;
}

export const organizationsPath = '/api/v1/organizations';

export function organizationPath(organization: string): string {
  return `${organizationsPath}/${encodeURIComponent(organization)}`;
}

export function projectPath(organization: string, project: string): string {
  return `${organizationPath(organization)}/projects/${encodeURIComponent(project)}`;
}

export function teamBasePath({ organization, project, team }: TeamPath): string {
  return `${projectPath(organization, project)}/teams/${encodeURIComponent(team)}`;
}

export function sprintPath(
  sprint: SprintPath,
  resource: 'targets' | 'outlook' | 'review' | 'targets/suggestions',
): string {
  return `${teamBasePath(sprint)}/sprints/${encodeURIComponent(sprint.iterationId)}/${resource}`;
}

export function deliveryBasePath({ organization, project, team }: DeliveryPath): string {
  const base = projectPath(organization, project);
  return team === undefined ? base : `${base}/teams/${encodeURIComponent(team)}`;
}

export function deliveryUrl(path: DeliveryPath, resource: string, query: object): string {
  return `${deliveryBasePath(path)}/delivery/${resource}?${toSearchParams(query).toString()}`;
}
