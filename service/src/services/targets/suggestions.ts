/**
 * Suggested targets for a team's sprint from its own last six ended sprints (those that ended before
 * today and started before this one), each with how often it would have been met. Kept apart from the
 * targets answer: that one is a single stored row, this one reads the team's flow history.
 */
import type { SprintPath } from '../../contract/targets/sprintTargets.ts';
import type { TargetSuggestionsResponse } from '../../contract/targets/suggestions.ts';
import { dayOf } from '../../metrics/calendar.ts';
import { prepareTeamFlow } from '../../metrics/flow/flowMetrics.ts';
import {
  DEFAULT_WORKING_WEEKDAYS,
  effectiveHolidayCalendar,
  pastSprintFigures,
  suggestTargets,
  SUGGESTION_SPRINTS,
  type OutcomeTarget,
  type WorkingCalendar,
} from '../../metrics/targets/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import type { WorkingCalendarService } from '../calendar/workingCalendarService.ts';
import { datedSprints } from '../flow/board.ts';
import { loadTeamFlowData } from '../flow/teamData.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings, flowConfigOf } from '../teamSettings/codec.ts';
import { findSprint } from './sprint.ts';

type SuggestedKind = TargetSuggestionsResponse['suggestions'][number]['kind'];

function suggestedKind(target: OutcomeTarget): SuggestedKind | undefined {
  switch (target.kind) {
    case 'itemsFinished':
    case 'serviceLevel':
    case 'noItemOlderThan':
    case 'wipCeiling':
      return target.kind;
    case 'goalItemsDone':
    case 'deploymentDaysPerWeek':
    case 'changeFailureRate':
    case 'leadTimeForChanges':
    case 'recoveryTime':
      return undefined;
  }
}

export async function suggestSprintTargets(
  dependencies: {
    repository: SeikaRepository;
    organizations: OrganizationDirectory;
    teamSettings: TeamSettingsStore | undefined;
    /** The team's working days, days off, company holidays and holiday calendar. */
    calendars: WorkingCalendarService | undefined;
    now: () => number;
  },
  path: SprintPath,
): Promise<TargetSuggestionsResponse> {
  const { repository, organizations, teamSettings } = dependencies;
  const { organization, key, iteration } = await findSprint(repository, organizations, path);
  const settings = decodeTeamSettings(
    teamSettings === undefined ? undefined : await teamSettings.get(key.organization, key.project, key.team),
  );
  const timeZone = settings.timeZone ?? organization.timeZone;
  const today = dayOf(dependencies.now(), timeZone);
  const before = iteration.startDay ?? today;
  const ended = datedSprints(await repository.getTeamIterations(key.organization, key.project, key.team))
    .filter((sprint) => sprint.finishDay < today && sprint.startDay < before)
    .slice(-SUGGESTION_SPRINTS);
  const answer = {
    organization: key.organization,
    project: key.project,
    team: key.team,
    iterationId: iteration.id,
    basedOn: ended.map((sprint) => ({
      iterationId: sprint.id,
      name: sprint.name,
      startDay: sprint.startDay,
      finishDay: sprint.finishDay,
    })),
  };
  const first = ended[0];
  const last = ended.at(-1);
  if (first === undefined || last === undefined) return { ...answer, suggestions: [] };
  const config = flowConfigOf(settings, timeZone, undefined);
  const data = await loadTeamFlowData(repository, key, config.workItemTypes);
  const flow = prepareTeamFlow(
    {
      items: data.items,
      workflow: data.workflow,
      scope: data.scope,
      fromDay: first.startDay,
      toDay: last.finishDay,
    },
    config,
  );
  // The team's working days decide which days count for the sprints' highest WIP; without the calendar
  // service, weekdays and the zone's national holidays.
  const calendar: WorkingCalendar =
    dependencies.calendars === undefined
      ? {
          workingWeekdays: DEFAULT_WORKING_WEEKDAYS,
          holidayCalendar: effectiveHolidayCalendar(settings.holidayCalendar, timeZone),
          teamDaysOff: [],
          companyHolidays: [],
        }
      : (await dependencies.calendars.team(key, { chosen: settings.holidayCalendar, timeZone })).calendar;
  const suggestions = suggestTargets(ended.map((sprint) => pastSprintFigures(flow, sprint, calendar)));
  return {
    ...answer,
    suggestions: suggestions.flatMap((suggestion) => {
      const kind = suggestedKind(suggestion.target);
      return kind === undefined ? [] : [{ kind, ...suggestion }];
    }),
  };
}
