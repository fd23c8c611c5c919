import { listProjects } from '../projects.ts';
import type { AdoConnection } from '../../../ado/clients.ts';
import { AdoHttpError } from '../../../ado/http/retry.ts';
import type { Logger } from '../../../logger.ts';
import type { SeikaRepository } from '../../../storage/repository.ts';
import { PAGE_NORMALISERS, type PageKind } from '../../normalise/pageNormalisers.ts';
import { backlogConfigurationSchema, teamSettingsSchema } from '../../normalise/workItems/teamMetadata.ts';
import { iterationsSchema } from '../../normalise/workItems/boards.ts';
import { addDays, dayOf } from '../../../metrics/calendar.ts';
import { readWatermark } from '../../normalise/delivery/watermarks.ts';
import type { SyncStream } from '../../stream.ts';
import { syncSettings } from '../../syncSettings.ts';
import {
  isMetadataFresh,
  listTeams,
  metadataWatermarkSchema,
  teamsFingerprint,
  type MetadataWatermark,
  type TeamRef,
} from './metadataFreshness.ts';

export const METADATA_STREAM = 'work.metadata';

export interface MetadataCollectResult {
  projects: number;
  teams: number;
  pages: number;
}

/**
 * Stores one metadata answer as a raw page (with the context needed to re-read it alone) and normalises
 * it through the same function `resync --from-raw` uses. The JSON round trip makes the live path see
 * exactly what a re-read sees (the client library hands out Date objects; the stored page has strings).
 */
async function storePage(
  repository: SeikaRepository,
  organization: string,
  kind: PageKind,
  request: string,
  body: Record<string, unknown>,
  itemCount: number,
): Promise<void> {
  const text = JSON.stringify(body);
  await PAGE_NORMALISERS[kind](
    repository,
    organization,
    {
      stream: kind,
      requestUrl: request,
      requestToken: null,
      responseToken: null,
      isLastBatch: true,
      itemCount,
      body: text,
    },
    JSON.parse(text),
  );
}

/** Team days off are read for sprints that ended at most this many days ago (older ones no longer matter). */
export const DAYS_OFF_PAST_DAYS = 120;
/** …and for sprints starting within this many days: far-future sprints rarely have days off yet. */
export const DAYS_OFF_FUTURE_DAYS = 365;

/**
 * The iterations whose team days off are read: current and future ones, and those that ended within the
 * last ~4 months; one request each, so the cost stays a handful per team however long its history.
 */
export function iterationsForDaysOff(iterations: unknown, today: string): string[] {
  const parsed = iterationsSchema.safeParse(JSON.parse(JSON.stringify(iterations)));
  if (!parsed.success) return [];
  const oldestFinish = addDays(today, -DAYS_OFF_PAST_DAYS);
  const latestStart = addDays(today, DAYS_OFF_FUTURE_DAYS);
  return parsed.data.flatMap((iteration) => {
    const start = iteration.attributes?.startDate;
    const finish = iteration.attributes?.finishDate;
    return start != null && finish != null && finish >= oldestFinish && start <= latestStart
      ? [iteration.id]
      : [];
  });
}

function isMissingBoard(error: unknown): boolean {
  if (error instanceof AdoHttpError) return error.status === 404;
  return typeof error === 'object' && error !== null && Reflect.get(error, 'statusCode') === 404;
}

/**
 * Projects, teams, each team's scope (field values, settings, backlogs), iterations and board columns,
 * and the workflow's state categories. Backlog configuration gives most categories in one call per
 * team; the per-type states add what it omits (the Removed category).
 */
export async function collectTeamMetadata(options: {
  organization: string;
  connection: AdoConnection;
  repository: SeikaRepository;
  logger?: Logger;
  /** Each project's teams when the caller listed them already. */
  teams?: ReadonlyMap<string, readonly TeamRef[]>;
  now?: () => number;
}): Promise<MetadataCollectResult> {
  const { organization, connection, repository, logger } = options;
  const [work, witClient] = await Promise.all([connection.work(), connection.workItemTracking()]);
  // The same list the delivery streams use, asked once per run.
  const projects = await listProjects(connection);
  const teamsOf = options.teams ?? (await listTeams(connection, projects));
  let teams = 0;
  let pages = 0;
  // Sprint dates are UTC calendar days in Azure DevOps, so "today" is the UTC day here.
  const today = dayOf((options.now ?? Date.now)(), 'UTC');
  for (const project of projects) {
    if (project.id === undefined || project.name === undefined) continue;
    const projectName = project.name;
    const projectId = project.id;
    const projectTeams = teamsOf.get(projectId) ?? [];
    const processConfiguration = await connection.call('processConfiguration', () =>
      work.getProcessConfiguration(projectName),
    );
    const typesOnBacklogs = new Set<string>();
    for (const team of projectTeams) {
      const teamName = team.name;
      const teamContext = { project: projectName, team: teamName };
      const context = { project: projectName, team: teamName };
      const [teamFieldValues, teamSettings, backlogConfiguration, iterations] = await Promise.all([
        connection.call('teamFieldValues', () => work.getTeamFieldValues(teamContext)),
        connection.call('teamSettings', () => work.getTeamSettings(teamContext)),
        connection.call('backlogConfiguration', () => work.getBacklogConfigurations(teamContext)),
        connection.call('teamIterations', () => work.getTeamIterations(teamContext)),
      ]);
      const teamPath = `${projectName}/${teamName}/_apis/work`;
      const teamField: unknown = teamFieldValues.field?.referenceName;
      if (typeof teamField === 'string' && teamField.toLowerCase() !== 'system.areapath') {
        // Stored as it is; the flow API refuses such a team instead of matching its values as area paths.
        logger?.warn('team scoped by a custom team field: its flow metrics are refused', {
          organization,
          project: projectName,
          team: teamName,
          teamField,
        });
      }
      await storePage(
        repository,
        organization,
        'work.teamScope',
        `GET ${teamPath}/teamsettings (+field values, backlogs)`,
        {
          context,
          teamFieldValues,
          teamSettings,
          backlogConfiguration,
          processConfiguration,
        },
        1,
      );
      await storePage(
        repository,
        organization,
        'work.backlogConfiguration',
        `GET ${teamPath}/backlogconfiguration`,
        {
          context,
          response: backlogConfiguration,
        },
        1,
      );
      await storePage(
        repository,
        organization,
        'work.iterations',
        `GET ${teamPath}/teamsettings/iterations`,
        {
          context,
          response: iterations,
        },
        iterations.length,
      );
      pages += 3;

      for (const iterationId of iterationsForDaysOff(iterations, today)) {
        const daysOff = await connection.call('teamDaysOff', () =>
          work.getTeamDaysOff(teamContext, iterationId),
        );
        await storePage(
          repository,
          organization,
          'work.teamDaysOff',
          `GET ${teamPath}/teamsettings/iterations/${iterationId}/teamdaysoff`,
          { context: { ...context, iterationId }, response: daysOff },
          daysOff.daysOff?.length ?? 0,
        );
        pages += 1;
      }

      // The board of the team's requirement backlog ("Stories", "Backlog items", …), if the team has one.
      // A backlog configuration or team settings Seika cannot read was quarantined with the team's page:
      // its board and backlog types are then not asked about, and the other teams carry on.
      const backlog = backlogConfigurationSchema.safeParse(backlogConfiguration);
      const board = backlog.success ? backlog.data.requirementBacklog.name : undefined;
      if (board !== undefined) {
        try {
          const columns = await connection.call('boardColumns', () =>
            work.getBoardColumns(teamContext, board),
          );
          await storePage(
            repository,
            organization,
            'work.boardColumns',
            `GET ${teamPath}/boards/${board}/columns`,
            {
              context: { ...context, board },
              response: columns,
            },
            columns.length,
          );
          pages += 1;
        } catch (error) {
          if (!isMissingBoard(error)) throw error;
        }
      }
      const settings = teamSettingsSchema.safeParse(teamSettings);
      for (const type of backlog.success ? backlog.data.requirementBacklog.workItemTypes : []) {
        typesOnBacklogs.add(type.name);
      }
      if (settings.success && settings.data.bugsBehavior !== 'off') {
        for (const type of processConfiguration.bugWorkItems?.workItemTypes ?? []) {
          if (type.name !== undefined) typesOnBacklogs.add(type.name);
        }
      }
      teams += 1;
    }
    for (const workItemType of typesOnBacklogs) {
      const states = await connection.call('workItemTypeStates', () =>
        witClient.getWorkItemTypeStates(projectName, workItemType),
      );
      await storePage(
        repository,
        organization,
        'wit.workItemTypeStates',
        `GET ${projectName}/_apis/wit/workitemtypes/${workItemType}/states`,
        {
          context: { project: projectName, workItemType },
          response: states,
        },
        states.length,
      );
      pages += 1;
    }
  }
  return { projects: projects.length, teams, pages };
}

/**
 * Reads the metadata when a team appeared or went, when the refresh interval has passed since the last
 * read, or when the run asks for it; otherwise one teams list per project is the whole run.
 */
export const teamMetadataStream: SyncStream = {
  name: METADATA_STREAM,
  access: { scopes: ['vso.project', 'vso.work'], feature: 'flow' },
  async run(context) {
    const { organization, connection, repository } = context;
    const now = (context.now ?? Date.now)();
    const teams = await listTeams(connection, await listProjects(connection));
    const fingerprint = teamsFingerprint(teams);
    const previous = readWatermark(
      METADATA_STREAM,
      metadataWatermarkSchema,
      await repository.getWatermark(organization, METADATA_STREAM),
    );
    const refreshMs = syncSettings(context.settings).metadataRefreshMinutes * 60_000;
    const known = [...teams.values()].reduce((sum, list) => sum + list.length, 0);
    const forced = context.refreshMetadata === true || context.namedStream === true;
    if (!forced && isMetadataFresh(previous, fingerprint, now, refreshMs)) {
      await context.progress.page(0);
      return { pages: 0, items: known };
    }
    const result = await collectTeamMetadata({ ...context, teams });
    await context.progress.page(result.teams);
    const watermark: MetadataWatermark = { readAt: new Date(now).toISOString(), teams: fingerprint };
    await repository.setWatermark(organization, METADATA_STREAM, JSON.stringify(watermark));
    return { pages: result.pages, items: result.teams };
  },
};
