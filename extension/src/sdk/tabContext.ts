import * as SDK from 'azure-devops-extension-sdk';
import type { HubHostContext } from './hostContext.ts';

/** What a tab on the Sprints page gets: the team and, from the host's configuration, the sprint shown. */
export interface SprintTabContext extends HubHostContext {
  /** The iteration the Sprints page shows; undefined when the host passes none (the team's current sprint then). */
  iterationId: string | undefined;
}

interface TabConfiguration {
  iterationId?: unknown;
  team?: { name?: unknown };
}

/**
 * Completes the SDK handshake for an iteration-backlog tab (ms.vss-work-web.iteration-backlog-tabs): the
 * host passes `iterationId` and `team` in the contribution's configuration, as the Sprint Goal extension
 * reads them; the web context's team is the fallback.
 */
export async function initSprintTabContext(): Promise<SprintTabContext> {
  await SDK.init({ loaded: false, applyTheme: true });
  const configuration: TabConfiguration = SDK.getConfiguration();
  const webContext = SDK.getWebContext();
  const project: { name?: string } | undefined = webContext.project;
  const configuredTeam = typeof configuration.team?.name === 'string' ? configuration.team.name : undefined;
  const team = configuredTeam ?? webContext.team?.name;
  if (!project?.name || !team) {
    throw new Error('This tab needs a project and a team; open it from a team’s Sprints page.');
  }
  const iterationId = typeof configuration.iterationId === 'string' ? configuration.iterationId : undefined;
  const culture: string | undefined = SDK.getPageContext().globalization?.culture;
  return { organization: SDK.getHost().name, project: project.name, team, culture, iterationId };
}
