/** The teams of a project, as the sync stored them. */
import type { ProjectPath, TeamListResponse } from '../../contract/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import { NotFoundError } from '../errors.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';

export interface TeamsService {
  list(path: ProjectPath): Promise<TeamListResponse>;
}

export function createTeamsService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
}): TeamsService {
  return {
    async list(path) {
      const organization = await dependencies.organizations.find(path.organization);
      if (organization === undefined) {
        throw new NotFoundError(
          `Organization "${path.organization}" is not connected to this Seika service.`,
        );
      }
      const names = await dependencies.repository.listTeams(organization.name, path.project);
      return {
        organization: organization.name,
        project: path.project,
        teams: names.map((name) => ({ name })),
      };
    },
  };
}
