/** Finds a team's sprint (one of its iterations) for a sprint path, or a 404 naming what is missing. */
import type { SprintPath } from '../../contract/targets/sprintTargets.ts';
import type { TeamIterationRecord } from '../../domain/records.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SprintKey } from '../../storage/targets.ts';
import { NotFoundError } from '../errors.ts';
import { requireTeamScope } from '../flow/teamData.ts';
import type { ConnectedOrganization, OrganizationDirectory } from '../organizationDirectory.ts';

export interface SprintContext {
  organization: ConnectedOrganization;
  key: SprintKey;
  iteration: TeamIterationRecord;
}

export async function findSprint(
  repository: SeikaRepository,
  organizations: OrganizationDirectory,
  path: SprintPath,
): Promise<SprintContext> {
  const organization = await organizations.find(path.organization);
  if (organization === undefined) {
    throw new NotFoundError(`Organization "${path.organization}" is not connected to this Seika service.`);
  }
  const team = { organization: organization.name, project: path.project, team: path.team };
  await requireTeamScope(repository, team);
  const iterations = await repository.getTeamIterations(team.organization, team.project, team.team);
  const iteration = iterations.find(
    (candidate) => candidate.id.toLowerCase() === path.iterationId.toLowerCase(),
  );
  if (iteration === undefined) {
    throw new NotFoundError(
      `Sprint ${path.iterationId} is not one of team "${path.team}"'s iterations; choose one from the team's sprints.`,
    );
  }
  return { organization, key: { ...team, iterationId: iteration.id }, iteration };
}
