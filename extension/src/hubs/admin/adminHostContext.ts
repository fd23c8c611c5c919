import * as SDK from 'azure-devops-extension-sdk';

/** What the organization-level admin hub needs from the host page (no project or team here). */
export interface AdminHostContext {
  /** The organization the settings page belongs to; undefined when the host does not say. */
  organization: string | undefined;
  /** The user's UI culture from the host (e.g. "ja-JP"); undefined when the host does not say. */
  culture: string | undefined;
}

/**
 * Completes the SDK handshake. `loaded: false` keeps the host's loading indicator up until the hub calls
 * notifyHubLoaded(). The shared team-level initHostContext() would refuse this page: it has no team.
 */
export async function initAdminHostContext(): Promise<AdminHostContext> {
  await SDK.init({ loaded: false, applyTheme: true });
  const hostName: string | undefined = SDK.getHost().name;
  const culture: string | undefined = SDK.getPageContext().globalization?.culture;
  return { organization: hostName && hostName.length > 0 ? hostName : undefined, culture };
}
