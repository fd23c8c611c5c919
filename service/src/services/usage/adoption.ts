/**
 * The adoption checks of every synchronised team of an organization, built from data Seika holds: the
 * team's board columns and iterations, its flow over the last 90 days (items finished without passing an
 * in-progress state), whether its project marked production in the delivery settings, and whether service
 * hooks are subscribed and when the last delivery arrived (while deliveries are kept against replays),
 * and how many of the completed pull requests of the last 8 weeks into the team's mapped repositories
 * (the project's when it maps none) link a work item (counts stored from each one's workItemRefs).
 */
import type { AdoptionResponse } from '../../contract/usage/adoption.ts';
import { addDays, dayOf } from '../../metrics/calendar.ts';
import { computeFlowMetrics } from '../../metrics/flow/flowMetrics.ts';
import { adoptionChecks, type AdoptionInput } from '../../metrics/usage/adoption.ts';
import { currentSprintDaysOff } from '../../metrics/usage/currentSprintDaysOff.ts';
import type { ProjectDeliverySettings } from '../../contract/index.ts';
import type { DeliveryRepository } from '../../storage/delivery/repository.ts';
import type { DeliverySettingsStore } from '../../storage/delivery/settings.ts';
import { decodeDeliverySettings, teamMappingOf } from '../delivery/settingsCodec.ts';
import type { InsightStore } from '../../storage/insights.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import { NotFoundError } from '../errors.ts';
import { loadTeamFlowData } from '../flow/teamData.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings, flowConfigOf } from '../teamSettings/codec.ts';

const LOOKBACK_DAYS = 90;
const PULL_REQUEST_WEEKS = 8;

export interface AdoptionService {
  report(organization: string): Promise<AdoptionResponse>;
}

export function createAdoptionService(dependencies: {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  teamSettings: TeamSettingsStore;
  deliverySettings: DeliverySettingsStore;
  /** Completed pull requests and their work item link counts; without it the check answers "unknown". */
  pullRequests?: Pick<DeliveryRepository, 'pullRequestLinkCounts'>;
  /** Lists the synchronised teams and when the last service-hook delivery arrived. */
  insights: Pick<InsightStore, 'syncedTeams' | 'lastHookDelivery'>;
  hookSubscriptions: (organization: string) => Promise<readonly unknown[]>;
  now?: () => number;
}): AdoptionService {
  const { repository, organizations, teamSettings, deliverySettings } = dependencies;
  const now = dependencies.now ?? Date.now;

  async function finishedFigures(key: { organization: string; project: string; team: string }, zone: string) {
    const settings = decodeTeamSettings(await teamSettings.get(key.organization, key.project, key.team));
    const timeZone = settings.timeZone ?? zone;
    const config = flowConfigOf(settings, timeZone, undefined);
    const data = await loadTeamFlowData(repository, key, config.workItemTypes);
    const toDay = addDays(dayOf(now(), timeZone), -1);
    const flow = computeFlowMetrics({
      items: data.items,
      workflow: data.workflow,
      scope: data.scope,
      config,
      fromDay: addDays(toDay, -(LOOKBACK_DAYS - 1)),
      toDay,
      ...(data.board === undefined ? {} : { layout: data.board.layout }),
    });
    const finishedIds = new Set(flow.cycleTime.items.map((item) => item.id));
    const withoutStart = flow.dataQuality.items.filter(
      (item) => finishedIds.has(item.id) && item.flags.includes('skippedStart'),
    ).length;
    return { finishedItems: finishedIds.size, finishedWithoutStart: withoutStart };
  }

  /** The team's share of completed pull requests with work item links, over its mapped repositories. */
  async function linkedPullRequests(
    organization: string,
    project: string,
    team: string,
    settings: ProjectDeliverySettings | undefined,
  ): Promise<AdoptionInput['pullRequests']> {
    if (dependencies.pullRequests === undefined) return undefined;
    const repositories = settings === undefined ? [] : (teamMappingOf(settings, team)?.repositories ?? []);
    const to = now();
    const counts = await dependencies.pullRequests.pullRequestLinkCounts(
      organization,
      project,
      repositories,
      {
        from: to - PULL_REQUEST_WEEKS * 7 * 86_400_000,
        to,
      },
    );
    return { total: counts.withKnownLinks, linkedToWorkItem: counts.linked };
  }

  return {
    async report(name) {
      const organization = await organizations.find(name);
      if (organization === undefined) {
        throw new NotFoundError(`Organization "${name}" is not connected to this Seika service.`);
      }
      const subscribed = (await dependencies.hookSubscriptions(organization.name)).length > 0;
      const lastHookDeliveryAt = await dependencies.insights.lastHookDelivery(organization.name);
      const productionMarked = new Map<string, boolean>();
      const projectSettings = new Map<string, ProjectDeliverySettings | undefined>();
      const teams: AdoptionResponse['teams'] = [];
      for (const { project, team } of await dependencies.insights.syncedTeams(organization.name)) {
        if (!productionMarked.has(project)) {
          const stored = await deliverySettings.get(organization.name, project);
          productionMarked.set(project, stored !== undefined);
          projectSettings.set(project, stored === undefined ? undefined : decodeDeliverySettings(stored));
        }
        const key = { organization: organization.name, project, team };
        const iterations = await repository.getTeamIterations(organization.name, project, team);
        const teamCalendar = await repository.getTeamCalendar(organization.name, project, team);
        const input: AdoptionInput = {
          boardColumns: await repository.getBoardColumns(organization.name, project, team),
          iterations,
          ...(await finishedFigures(key, organization.timeZone).catch(() => ({
            // A team Seika cannot measure (a custom team field) has no flow figures to judge.
            finishedItems: 0,
            finishedWithoutStart: 0,
          }))),
          pullRequests: await linkedPullRequests(
            organization.name,
            project,
            team,
            projectSettings.get(project),
          ),
          productionMarked: productionMarked.get(project),
          workingCalendar: {
            workingDays: teamCalendar.workingDays,
            // Sprint dates are UTC days in Azure DevOps.
            currentSprintDaysOff: currentSprintDaysOff(iterations, teamCalendar.daysOff, dayOf(now(), 'UTC')),
          },
          lastHookDeliveryAt,
          hooksSubscribed: subscribed,
          now: now(),
        };
        teams.push({
          project,
          team,
          checks: adoptionChecks(input).map((check) => ({
            id: check.id,
            status: check.status,
            figure: check.figure ?? null,
            fix: check.fix,
          })),
        });
      }
      return { organization: organization.name, asOf: new Date(now()).toISOString(), teams };
    },
  };
}
