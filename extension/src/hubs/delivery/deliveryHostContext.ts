import * as SDK from 'azure-devops-extension-sdk';

/** What the project-level Pipelines › Delivery page needs from the host: a project, a team if it has one. */
export interface DeliveryHostContext {
  organization: string;
  project: string;
  /** Project-level pages may carry no team; the hub then measures the whole project. */
  team: string | undefined;
  culture: string | undefined;
}

/**
 * Completes the SDK handshake. The shared team-level initHostContext() would refuse a page without a
 * team, which a Pipelines page may be.
 */
export async function initDeliveryHostContext(): Promise<DeliveryHostContext> {
  await SDK.init({ loaded: false, applyTheme: true });
  const webContext = SDK.getWebContext();
  const project: { name?: string } | undefined = webContext.project;
  const team: { name?: string } | undefined = webContext.team;
  if (!project?.name) throw new Error('This page needs a project; open it from a project’s Pipelines.');
  const culture: string | undefined = SDK.getPageContext().globalization?.culture;
  return {
    organization: SDK.getHost().name,
    project: project.name,
    team: team?.name && team.name.length > 0 ? team.name : undefined,
    culture,
  };
}
