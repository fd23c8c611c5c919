/** Reads and saves a team's outcome targets for one of its sprints (per organization, project, team, iteration). */
import type { TeamPath } from '../../contract/index.ts';
import type {
  SprintPath,
  SprintTargets,
  SprintTargetsResponse,
  TeamSprintsResponse,
} from '../../contract/targets/sprintTargets.ts';
import { sprintTargetsSchema } from '../../contract/targets/sprintTargets.ts';
import type { TeamIterationRecord } from '../../domain/records.ts';
import { dayOf, daysBetween } from '../../metrics/calendar.ts';
import { serviceLevelLongerThanSprint } from '../../metrics/targets/targetKinds.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SprintTargetsStore, StoredSprintTargets } from '../../storage/targets.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import type { CompanyHolidayStore } from '../../storage/calendar.ts';
import type { WorkingCalendarService } from '../calendar/workingCalendarService.ts';
import { NotFoundError } from '../errors.ts';
import { requireTeamScope } from '../flow/teamData.ts';
import { decodeTeamSettings } from '../teamSettings/codec.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { findSprint, type SprintContext } from './sprint.ts';
import { sprintAnswerVersion, type SprintAnswer } from './answerVersion.ts';
import { suggestSprintTargets } from './suggestions.ts';
import type { TargetSuggestionsResponse } from '../../contract/targets/suggestions.ts';

export interface SprintTargetsService {
  /** The team's dated sprints, which of them holds today, and which have targets. */
  sprints(team: TeamPath): Promise<TeamSprintsResponse>;
  get(path: SprintPath): Promise<SprintTargetsResponse>;
  put(path: SprintPath, targets: SprintTargets): Promise<SprintTargetsResponse>;
  /** Suggested values from the team's last six ended sprints, with how often each would have been met. */
  suggestions(path: SprintPath): Promise<TargetSuggestionsResponse>;
  /** What the sprint's outlook, review or suggestions depend on, for their ETags; read before computing. */
  answerVersion(path: SprintPath, answer: SprintAnswer): Promise<string[]>;
}

export function decodeSprintTargets(stored: StoredSprintTargets | undefined): SprintTargets {
  return sprintTargetsSchema.parse(stored === undefined ? {} : JSON.parse(stored.targets));
}

function warningsFor(
  targets: SprintTargets,
  iteration: TeamIterationRecord,
): SprintTargetsResponse['warnings'] {
  if (iteration.startDay === null || iteration.finishDay === null) return [];
  const sprintDays = daysBetween(iteration.startDay, iteration.finishDay) + 1;
  return targets.targets.flatMap((target, targetIndex) =>
    target.kind === 'serviceLevel' && serviceLevelLongerThanSprint(target.withinDays, sprintDays)
      ? [
          {
            code: 'serviceLevelLongerThanSprint' as const,
            message: `${target.withinDays} days is longer than the sprint (${sprintDays} days): items started in it cannot show whether they meet it.`,
            targetIndex,
          },
        ]
      : [],
  );
}

export function createSprintTargetsService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  store: SprintTargetsStore;
  /** The team's settings (its time zone decides which sprint holds today). */
  teamSettings?: TeamSettingsStore;
  /** The organization's company holidays: a save changes the outlook's working days, hence its version. */
  companyHolidays?: CompanyHolidayStore;
  /** The team's working calendar, for the suggestions' working days. */
  calendars?: WorkingCalendarService;
  now?: () => number;
}): SprintTargetsService {
  const { repository, organizations, store, teamSettings, companyHolidays, calendars } = dependencies;
  const now = dependencies.now ?? Date.now;

  const sprint = (path: SprintPath) => findSprint(repository, organizations, path);

  function answer(
    context: SprintContext,
    targets: SprintTargets,
    updatedAt: string | null,
  ): SprintTargetsResponse {
    const { iteration } = context;
    return {
      organization: context.key.organization,
      project: context.key.project,
      team: context.key.team,
      iterationId: iteration.id,
      sprint: { name: iteration.name, startDay: iteration.startDay, finishDay: iteration.finishDay },
      targets,
      updatedAt,
      warnings: warningsFor(targets, iteration),
    };
  }

  return {
    async sprints(path) {
      const organization = await organizations.find(path.organization);
      if (organization === undefined) {
        throw new NotFoundError(
          `Organization "${path.organization}" is not connected to this Seika service.`,
        );
      }
      const key = { organization: organization.name, project: path.project, team: path.team };
      await requireTeamScope(repository, key);
      const [iterations, settings, withTargets] = await Promise.all([
        repository.getTeamIterations(key.organization, key.project, key.team),
        teamSettings === undefined ? undefined : teamSettings.get(key.organization, key.project, key.team),
        store.listSprints(key.organization),
      ]);
      const timeZone = decodeTeamSettings(settings).timeZone ?? organization.timeZone;
      const today = dayOf(now(), timeZone);
      const targeted = new Set(
        withTargets
          .filter((sprint) => sprint.project === key.project && sprint.team === key.team.toLowerCase())
          .map((sprint) => sprint.iterationId),
      );
      return {
        ...key,
        timeZone,
        sprints: iterations.flatMap((iteration) =>
          iteration.startDay === null || iteration.finishDay === null
            ? []
            : [
                {
                  id: iteration.id,
                  name: iteration.name,
                  startDay: iteration.startDay,
                  finishDay: iteration.finishDay,
                  current: iteration.startDay <= today && today <= iteration.finishDay,
                  hasTargets: targeted.has(iteration.id.toLowerCase()),
                },
              ],
        ),
      };
    },
    async get(path) {
      const context = await sprint(path);
      const stored = await store.get(context.key);
      return answer(context, decodeSprintTargets(stored), stored?.updatedAt ?? null);
    },
    async put(path, targets) {
      const context = await sprint(path);
      const previous = await store.get(context.key);
      // Strictly increasing, so a version derived from it moves with every save even within one millisecond.
      const previousMs = previous === undefined ? 0 : Date.parse(previous.updatedAt);
      const updatedAt = new Date(Math.max(now(), previousMs + 1)).toISOString();
      await store.save(context.key, { targets: JSON.stringify(targets), updatedAt });
      return answer(context, targets, updatedAt);
    },
    suggestions: (path) =>
      suggestSprintTargets({ repository, organizations, teamSettings, calendars, now }, path),
    answerVersion: (path, answer) =>
      sprintAnswerVersion(
        { repository, organizations, store, teamSettings, companyHolidays, now },
        path,
        answer,
      ),
  };
}
