import type { AccessErrorCode } from '../../contract/access/headers.ts';
import { AzureDevOpsAccessError } from './azureDevOps.ts';

/** A request the authorization layer refuses: 401 (credentials), 403 (wrong ones), 404, 503. */
export class AccessDeniedError extends Error {
  constructor(
    readonly status: 401 | 403 | 404 | 503,
    readonly code: AccessErrorCode | 'organization_not_connected',
    message: string,
  ) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

/** What a failed Azure DevOps call means for the caller whose token it was. */
export function denialFor(error: unknown, organization: string): AccessDeniedError {
  if (!(error instanceof AzureDevOpsAccessError)) throw error;
  switch (error.problem) {
    case 'credentials_refused':
      return new AccessDeniedError(
        401,
        'user_token_refused',
        `Azure DevOps refused your access token for organization "${organization}"; reload the page.`,
      );
    case 'not_authorized':
      return new AccessDeniedError(
        403,
        'not_organization_member',
        `You are not a member of organization "${organization}".`,
      );
    case 'unreachable':
    case 'not_azure_devops':
      return new AccessDeniedError(
        503,
        'azure_devops_unavailable',
        `Seika could not verify your access with Azure DevOps (${error.message}); try again shortly.`,
      );
  }
}
