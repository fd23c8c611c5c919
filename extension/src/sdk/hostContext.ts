import * as SDK from 'azure-devops-extension-sdk';

/** What a team-level hub needs from the Azure DevOps host page. */
export interface HubHostContext {
  organization: string;
  project: string;
  team: string;
  /** The user's UI culture from the host (e.g. "ja-JP"); undefined when the host does not say. */
  culture: string | undefined;
}

/**
 * Completes the SDK handshake. `loaded: false` keeps the host's loading indicator up until the hub calls
 * notifyHubLoaded(), so users never see an empty frame.
 */
export async function initHostContext(): Promise<HubHostContext> {
  await SDK.init({ loaded: false, applyTheme: true });
  const webContext = SDK.getWebContext();
  // The web context may lack a project/team outside a team-scoped page; hubs here are team level.
  const project: { name?: string } | undefined = webContext.project;
  const team: { name?: string } | undefined = webContext.team;
  if (!project?.name || !team?.name) {
    throw new Error('This page needs a project and a team; open it from a team’s Boards.');
  }
  const culture: string | undefined = SDK.getPageContext().globalization?.culture;
  return { organization: SDK.getHost().name, project: project.name, team: team.name, culture };
}

/** A token identifying the current user to Seika's own service (not to Azure DevOps). */
export function getAppToken(): Promise<string> {
  return SDK.getAppToken();
}

/**
 * The user's own Azure DevOps access token for the current organization: Seika's service checks with it,
 * against Azure DevOps, that the user belongs to the organization and holds the role a request needs.
 */
export function getAccessToken(): Promise<string> {
  return SDK.getAccessToken();
}

export function notifyHubLoaded(): void {
  void SDK.notifyLoadSucceeded();
}

export function notifyHubFailed(error: unknown): void {
  void SDK.notifyLoadFailed(error instanceof Error ? error : String(error));
}

/** Calls `listener` whenever the host re-applies the theme (light/dark switch). Returns an unsubscribe. */
export function onThemeApplied(listener: () => void): () => void {
  window.addEventListener('themeApplied', listener);
  return () => window.removeEventListener('themeApplied', listener);
}
