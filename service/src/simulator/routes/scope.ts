import type { OrganizationModel, ProjectModel, TeamModel } from '../model/organization.ts';

/** Projects and teams are addressed by name (case-insensitive) or id, as on the service. */
export function findProject(model: OrganizationModel, nameOrId: string): ProjectModel | undefined {
  const wanted = nameOrId.toLowerCase();
  return model.projects.find((project) => project.name.toLowerCase() === wanted || project.id === wanted);
}

export function findTeam(project: ProjectModel, nameOrId: string): TeamModel | undefined {
  const wanted = nameOrId.toLowerCase();
  return project.teams.find((team) => team.name.toLowerCase() === wanted || team.id === wanted);
}

/** Whether `area` is covered by `value` (itself, or below it when children are included). */
export function areaCovers(value: string, includeChildren: boolean, area: string): boolean {
  const lowerValue = value.toLowerCase();
  const lowerArea = area.toLowerCase();
  return lowerArea === lowerValue || (includeChildren && lowerArea.startsWith(`${lowerValue}\\`));
}

const owners = new WeakMap<ProjectModel, Map<string, TeamModel | undefined>>();

/** The team whose area paths cover `area` (the most specific), or undefined. */
export function teamOwningArea(project: ProjectModel, area: string): TeamModel | undefined {
  let cache = owners.get(project);
  if (!cache) {
    cache = new Map();
    owners.set(project, cache);
  }
  if (cache.has(area)) return cache.get(area);
  let best: TeamModel | undefined;
  let bestLength = -1;
  for (const team of project.teams) {
    for (const value of team.areas) {
      if (areaCovers(value.value, value.includeChildren, area) && value.value.length > bestLength) {
        best = team;
        bestLength = value.value.length;
      }
    }
  }
  cache.set(area, best);
  return best;
}
