import type { AdoConnection } from '../../ado/clients.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { SyncStream } from '../stream.ts';
import {
  backlogConfigurationSchema,
  processConfigurationSchema,
  teamFieldValuesSchema,
  teamScopeFrom,
  teamSettingsSchema,
  workflowFromBacklogConfiguration,
  workflowFromTypeStates,
  workItemTypeStatesSchema,
} from '../normalise/teamMetadata.ts';

export const METADATA_STREAM = 'work.metadata';

export interface MetadataCollectResult {
  projects: number;
  teams: number;
  pages: number;
}

function rawPage(request: string, body: unknown, itemCount: number) {
  return {
    stream: METADATA_STREAM,
    requestUrl: request,
    requestToken: null,
    responseToken: null,
    isLastBatch: true,
    itemCount,
    body: JSON.stringify(body),
  };
}

/**
 * Projects, teams, each team's scope (field values, settings, backlogs) and the workflow's state categories.
 * Backlog configuration gives most categories in one call per team; the per-type states add what it
 * omits (the Removed category).
 */
export async function collectTeamMetadata(options: {
  organization: string;
  connection: AdoConnection;
  repository: SeikaRepository;
}): Promise<MetadataCollectResult> {
  const { organization, connection, repository } = options;
  const [core, work, witClient] = await Promise.all([
    connection.core(),
    connection.work(),
    connection.workItemTracking(),
  ]);
  const projects = await connection.call('projects', () => core.getProjects());
  let teams = 0;
  let pages = 0;
  for (const project of projects) {
    if (project.id === undefined || project.name === undefined) continue;
    const projectName = project.name;
    const projectId = project.id;
    const [projectTeams, processRaw] = await Promise.all([
      connection.call('teams', () => core.getTeams(projectId)),
      connection.call('processConfiguration', () => work.getProcessConfiguration(projectName)),
    ]);
    const process = processConfigurationSchema.parse(processRaw);
    pages += 1;
    const typesOnBacklogs = new Set<string>();
    for (const team of projectTeams) {
      if (team.name === undefined) continue;
      const teamContext = { project: projectName, team: team.name };
      const [fieldValuesRaw, settingsRaw, configurationRaw] = await Promise.all([
        connection.call('teamFieldValues', () => work.getTeamFieldValues(teamContext)),
        connection.call('teamSettings', () => work.getTeamSettings(teamContext)),
        connection.call('backlogConfiguration', () => work.getBacklogConfigurations(teamContext)),
      ]);
      const configuration = backlogConfigurationSchema.parse(configurationRaw);
      const scope = teamScopeFrom(
        teamFieldValuesSchema.parse(fieldValuesRaw),
        teamSettingsSchema.parse(settingsRaw),
        configuration,
        process,
      );
      await repository.applyTeamScopePage(
        organization,
        projectName,
        team.name,
        rawPage(
          `GET ${projectName}/${team.name}/_apis/work/teamsettings (+teamfieldvalues, backlogconfiguration)`,
          {
            teamFieldValues: fieldValuesRaw,
            teamSettings: settingsRaw,
            backlogConfiguration: configurationRaw,
          },
          1,
        ),
        scope,
      );
      await repository.applyWorkflowPage(
        organization,
        projectName,
        rawPage(`GET ${projectName}/${team.name}/_apis/work/backlogconfiguration`, configurationRaw, 1),
        workflowFromBacklogConfiguration(configuration),
      );
      for (const type of scope.backlogWorkItemTypes) typesOnBacklogs.add(type);
      teams += 1;
      pages += 2;
    }
    for (const type of typesOnBacklogs) {
      const statesRaw = await connection.call('workItemTypeStates', () =>
        witClient.getWorkItemTypeStates(projectName, type),
      );
      const states = workItemTypeStatesSchema.parse(statesRaw);
      await repository.applyWorkflowPage(
        organization,
        projectName,
        rawPage(`GET ${projectName}/_apis/wit/workitemtypes/${type}/states`, statesRaw, states.length),
        workflowFromTypeStates(type, states),
      );
      pages += 1;
    }
  }
  return { projects: projects.length, teams, pages };
}

export const teamMetadataStream: SyncStream = {
  name: METADATA_STREAM,
  async run(context) {
    const result = await collectTeamMetadata(context);
    await context.progress.page(result.teams);
    return { pages: result.pages, items: result.teams };
  },
};
