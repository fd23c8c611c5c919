import type { OrganizationModel, ProjectModel, TeamModel } from '../generate/model.ts';

/** Projects and teams are addressed by name (case-insensitive) or id, as on the service. */
export function findProject(model: OrganizationModel, nameOrId: string): ProjectModel | undefined {
  const wanted = nameOrId.toLowerCase();
  return wanted === model.project.name.toLowerCase() || wanted === model.project.id
    ? model.project
    : undefined;
}

export function findTeam(model: OrganizationModel, nameOrId: string): TeamModel | undefined {
  const wanted = nameOrId.toLowerCase();
  return wanted === model.team.name.toLowerCase() || wanted === model.team.id ? model.team : undefined;
}
