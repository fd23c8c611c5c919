/**
 * Each target's standing and odds for a team's sprint, computed from the team's flow as of the end of
 * yesterday, stored as the day's snapshot (the worker computes it every day; a request computes it when
 * missing), and returned with the probability history of the days before.
 */
import type { SprintOutlookResponse, SprintPath } from '../../contract/targets/sprintTargets.ts';
import { addDays, dayOf } from '../../metrics/calendar.ts';
import { prepareTeamFlow } from '../../metrics/flow/flowMetrics.ts';
import {
  effectiveHolidayCalendar,
  evaluateTargets,
  evaluationDay,
  nonWorkingDaysBetween,
  remainingWorkingDays,
  sprintDayFromFlow,
  DEFAULT_WORKING_WEEKDAYS,
  type TargetOutlook,
  type WorkingCalendar,
} from '../../metrics/targets/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SprintTargetsStore, TargetSnapshot } from '../../storage/targets.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import type { WorkingCalendarService } from '../calendar/workingCalendarService.ts';
import { loadTeamFlowData } from '../flow/teamData.ts';
import { FlowRequestError } from '../flow/errors.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings, flowConfigOf } from '../teamSettings/codec.ts';
import { findSprint } from './sprint.ts';
import { decodeSprintTargets } from './service.ts';
import { loadSprintScope } from './sprintScope.ts';

export const OUTLOOK_METHOD =
  'Each day Seika replays randomly chosen past working days of the team over the sprint’s remaining working days, thousands of times, and shows how often each target is met; item-age targets use each open item’s chance to finish in time given its age.';

export interface SprintOutlookService {
  outlook(path: SprintPath): Promise<SprintOutlookResponse>;
}

/**
 * Monday–Friday with the zone's national holidays, no days off and no company holidays: what a team's
 * calendar is while Azure DevOps has told nothing (the calendar service starts from it).
 */
export function defaultCalendar(timeZone: string): WorkingCalendar {
  return {
    workingWeekdays: DEFAULT_WORKING_WEEKDAYS,
    holidayCalendar: effectiveHolidayCalendar(null, timeZone),
    teamDaysOff: [],
    companyHolidays: [],
  };
}

function snapshotsOf(outlooks: readonly TargetOutlook[], day: string): TargetSnapshot[] {
  return outlooks.map((outlook, targetIndex) => ({
    day,
    targetIndex,
    kind: outlook.target.kind,
    current: outlook.current,
    metNow: outlook.metNow,
    probability: outlook.probability ?? null,
  }));
}

export function createSprintOutlookService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  targets: SprintTargetsStore;
  teamSettings: TeamSettingsStore;
  /** The team's working days, days off, company holidays and holiday calendar. */
  calendars: WorkingCalendarService;
  now?: () => number;
}): SprintOutlookService {
  const { repository, organizations, targets, teamSettings, calendars } = dependencies;
  const now = dependencies.now ?? Date.now;
  return {
    async outlook(path) {
      const { organization, key, iteration } = await findSprint(repository, organizations, path);
      const { startDay, finishDay } = iteration;
      if (startDay === null || finishDay === null) {
        throw new FlowRequestError(
          'no_sprint_dates',
          `Sprint "${iteration.name}" has no start and finish dates; set them in the team's iterations to follow its targets.`,
          'iterationId',
        );
      }
      const settings = decodeTeamSettings(await teamSettings.get(key.organization, key.project, key.team));
      const timeZone = settings.timeZone ?? organization.timeZone;
      const config = flowConfigOf(settings, timeZone, undefined);
      const stored = decodeSprintTargets(await targets.get(key));
      // Null types: the team's backlog types (as the flow answers measure them).
      const data = await loadTeamFlowData(repository, key, config.workItemTypes);
      const flow = prepareTeamFlow(
        {
          items: data.items,
          workflow: data.workflow,
          scope: data.scope,
          fromDay: startDay,
          toDay: finishDay,
          ...(data.board === undefined ? {} : { layout: data.board.layout }),
        },
        config,
      );
      const today = dayOf(now(), timeZone);
      const phase = today < startDay ? 'notStarted' : today > finishDay ? 'ended' : 'running';
      const evaluatedOn = phase === 'notStarted' ? startDay : evaluationDay(today, finishDay);
      const { calendar, companyHolidays } = await calendars.team(key, {
        chosen: settings.holidayCalendar,
        timeZone,
      });
      const scope = await loadSprintScope({
        repository,
        organization: key.organization,
        projectUrl: `${organization.url.replace(/\/+$/, '')}/${encodeURIComponent(key.project)}`,
        flow,
        sprint: iteration,
        iterations: await repository.getTeamIterations(key.organization, key.project, key.team),
        evaluatedOn,
        timeZone,
      });
      const sprintDay = sprintDayFromFlow(flow, {
        firstDay: startDay,
        lastDay: finishDay,
        today: evaluatedOn,
        calendar,
        goalItemIds: stored.goal.itemIds,
        lookbackDays: config.lookbackDays,
        ...(scope === undefined ? {} : { scope: scope.items }),
      });
      const outlooks = evaluateTargets(sprintDay, stored.targets, {
        seedKey: [key.organization, key.project, key.team.toLowerCase(), key.iterationId.toLowerCase()].join(
          '/',
        ),
      });
      // Days of a sprint in progress are recorded once computed; an ended sprint keeps its final day.
      if (phase !== 'notStarted' && stored.targets.length > 0) {
        await targets.saveSnapshots(key, evaluatedOn, snapshotsOf(outlooks, evaluatedOn));
      }
      const history = (await targets.snapshots(key)).filter(
        (snapshot) => snapshot.day >= startDay && snapshot.day <= addDays(finishDay, 1),
      );
      return {
        organization: key.organization,
        project: key.project,
        team: key.team,
        iterationId: key.iterationId,
        sprint: { name: iteration.name, startDay: startDay, finishDay: finishDay },
        timeZone,
        evaluatedOn,
        phase,
        remainingWorkingDays: phase === 'ended' ? 0 : remainingWorkingDays(evaluatedOn, finishDay, calendar),
        nonWorkingDays: nonWorkingDaysBetween(startDay, finishDay, calendar, companyHolidays),
        scopeSource: scope === undefined ? 'teamFlow' : 'iterationMembership',
        scope: scope?.answer ?? null,
        method: OUTLOOK_METHOD,
        targets: outlooks.map((outlook, targetIndex) => ({
          targetIndex,
          target: outlook.target,
          current: outlook.current,
          metNow: outlook.metNow,
          probability: outlook.probability ?? null,
          itemCount: outlook.itemCount,
          historySize: outlook.historySize,
          tooFewToJudge: outlook.tooFewToJudge,
          levers: outlook.levers,
          unavailable: outlook.unavailable ?? null,
        })),
        history: history.map((snapshot) => ({
          day: snapshot.day,
          targetIndex: snapshot.targetIndex,
          probability: snapshot.probability,
          metNow: snapshot.metNow,
        })),
      };
    },
  };
}
