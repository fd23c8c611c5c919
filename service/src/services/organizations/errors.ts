/** Why connecting an organization failed: always the caller's input or Azure DevOps, never the service. */
export type ConnectProblem =
  | 'invalid_organization_url'
  | 'unreachable'
  | 'not_azure_devops'
  | 'credentials_refused'
  | 'insufficient_scopes'
  | 'pat_wrong_organization'
  | 'organization_name_taken';

export class ConnectError extends Error {
  constructor(
    readonly problem: ConnectProblem,
    message: string,
    readonly parameter: 'organizationUrl' | 'personalAccessToken',
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** Kept for callers of the earlier API: a refused PAT. */
export class CredentialsRefusedError extends ConnectError {
  constructor(message: string) {
    super('credentials_refused', message, 'personalAccessToken');
    this.name = 'CredentialsRefusedError';
  }
}
