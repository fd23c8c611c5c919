/**
 * What the preview host page is told about the fake Azure DevOps around it. Shared (types only) with
 * the page's script in extension/src/preview-host, which answers the SDK handshake from it.
 */

/** The organization, project, team and user the preview pretends the hub was opened for. */
export interface PreviewHostContext {
  organization: string;
  organizationUrl: string;
  project: { id: string; name: string };
  team: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  theme: 'light' | 'dark';
}

/** Embedded in the host page as JSON. URLs are absolute paths on the service. */
export interface PreviewPageConfig {
  context: PreviewHostContext;
  /** Plays the role of the extension's base URI: hub `uri`s from the manifest resolve against it. */
  extensionBaseUri: string;
  /** Returns `{ token }`: an app token the API accepts, as SDK.getAppToken() would in Azure DevOps. */
  appTokenUrl: string;
}
