/** What Seika asks Azure DevOps about a token: who it is, in which organization, and what it may do. */
export interface ConnectionIdentity {
  userId: string;
  displayName: string;
  /** The organization's instance id: its identity, whatever its name or URL. */
  instanceId: string;
}

/** How a token is presented: a hub's access token as a bearer token, a PAT as basic auth. */
export type TokenKind = 'bearer' | 'pat';

export interface Credential {
  token: string;
  kind: TokenKind;
}

export interface NamedResource {
  id: string;
  name: string;
}

/** The Azure DevOps calls of access control; every call is made with the caller's own credential. */
export interface AzureDevOpsAccessPort {
  /** `_apis/connectionData`: the authenticated user and the organization's instance id. */
  connectionData(organizationUrl: string, credential: Credential): Promise<ConnectionIdentity>;
  /** `_apis/permissions/{namespace}/{bits}?tokens=…`: one answer per security token. */
  hasPermissions(
    organizationUrl: string,
    credential: Credential,
    namespaceId: string,
    bits: number,
    securityTokens: readonly string[],
  ): Promise<boolean[]>;
  /** `_apis/projects/{project}`; undefined when the caller cannot see it (404). */
  project(
    organizationUrl: string,
    credential: Credential,
    project: string,
  ): Promise<NamedResource | undefined>;
  /** `_apis/projects/{projectId}/teams/{team}`; undefined when absent or invisible. */
  team(
    organizationUrl: string,
    credential: Credential,
    projectId: string,
    team: string,
  ): Promise<NamedResource | undefined>;
  /** Whether a data call of each area succeeds with the credential (PAT scopes); the areas refused. */
  refusedAreas(organizationUrl: string, credential: Credential): Promise<string[]>;
}

/** Why Azure DevOps could not answer; each maps to a 4xx of its own, never a 500. */
export type AzureDevOpsProblem =
  'unreachable' | 'not_azure_devops' | 'credentials_refused' | 'not_authorized';

export class AzureDevOpsAccessError extends Error {
  constructor(
    readonly problem: AzureDevOpsProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AzureDevOpsAccessError';
  }
}

/** Well-known security namespaces and the bits Seika's roles rest on (see README, access control). */
export const SECURITY = {
  collection: { namespace: '3e65f728-f8bc-4ecd-8764-7e378b19bfa7', token: 'NAMESPACE:', genericWrite: 2 },
  project: {
    namespace: '52d39943-cb85-4d7f-8fa8-c6baac873819',
    token: (projectId: string) => `$PROJECT:vstfs:///Classification/TeamProject/${projectId}`,
    genericRead: 1,
    genericWrite: 2,
  },
  identity: {
    namespace: '5a27515b-ccd7-42c9-84f1-54c998f03866',
    token: (projectId: string, teamId: string) => `${projectId}\\${teamId}`,
    manageMembership: 8,
  },
} as const;
