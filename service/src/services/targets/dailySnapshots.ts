/**
 * The daily round: for every connected organization, every team sprint with targets that is running (or
 * ended yesterday) gets its day's outlook computed and stored, so the probability history has a point per
 * day even when nobody opens the tab. Re-running a day replaces its snapshot, so an hourly timer is harmless.
 */
import type { Logger } from '../../logger.ts';
import { addDays, dayOf } from '../../metrics/calendar.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SprintTargetsStore } from '../../storage/targets.ts';
import type { ConnectedOrganization } from '../organizationDirectory.ts';
import type { SprintOutlookService } from './outlookService.ts';

export interface DailySnapshotsDependencies {
  repository: SeikaRepository;
  targets: SprintTargetsStore;
  outlooks: SprintOutlookService;
  /** The organizations to go through (connected ones). */
  organizations: () => Promise<readonly ConnectedOrganization[]>;
  logger: Logger;
  now?: () => number;
}

export async function recordDailySnapshots(dependencies: DailySnapshotsDependencies): Promise<number> {
  const { repository, targets, outlooks, logger } = dependencies;
  const now = dependencies.now ?? Date.now;
  let recorded = 0;
  for (const organization of await dependencies.organizations()) {
    const today = dayOf(now(), organization.timeZone);
    for (const sprint of await targets.listSprints(organization.name)) {
      const iterations = await repository.getTeamIterations(organization.name, sprint.project, sprint.team);
      const iteration = iterations.find((candidate) => candidate.id.toLowerCase() === sprint.iterationId);
      if (iteration?.startDay == null || iteration.finishDay == null) continue;
      if (today < iteration.startDay || today > addDays(iteration.finishDay, 1)) continue;
      try {
        await outlooks.outlook({
          organization: organization.name,
          project: sprint.project,
          team: sprint.team,
          iterationId: iteration.id,
        });
        recorded += 1;
      } catch (error) {
        // One team's failure (a team removed since, a sprint without dates) must not stop the others.
        logger.warn('sprint target snapshot failed', {
          organization: organization.name,
          project: sprint.project,
          team: sprint.team,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return recorded;
}
