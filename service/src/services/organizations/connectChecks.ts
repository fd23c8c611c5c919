import { AzureDevOpsAccessError, type AzureDevOpsAccessPort } from '../access/azureDevOps.ts';
import {
  InvalidOrganizationUrlError,
  parseOrganizationUrl,
  type OrganizationAddress,
} from '../access/organizationUrl.ts';
import { ConnectError } from './errors.ts';

/** The URL, checked before anything is fetched. */
export function organizationAddress(url: string, allowedOrigins: readonly string[]): OrganizationAddress {
  try {
    return parseOrganizationUrl(url, allowedOrigins);
  } catch (error) {
    if (error instanceof InvalidOrganizationUrlError)
      throw new ConnectError(
        'invalid_organization_url',
        `organizationUrl ${error.message}.`,
        'organizationUrl',
      );
    throw error;
  }
}

/**
 * The PAT must work, read what a sync reads, and belong to the organization the administrator's own
 * token was verified in (same instance id). Each failure is a 4xx naming the problem.
 */
export async function checkPersonalAccessToken(
  azureDevOps: AzureDevOpsAccessPort,
  address: OrganizationAddress,
  personalAccessToken: string,
  instanceId: string,
): Promise<void> {
  const credential = { token: personalAccessToken, kind: 'pat' as const };
  try {
    const identity = await azureDevOps.connectionData(address.url, credential);
    if (identity.instanceId !== instanceId)
      throw new ConnectError(
        'pat_wrong_organization',
        `The personal access token belongs to another organization than ${address.url}.`,
        'personalAccessToken',
      );
    const refused = await azureDevOps.refusedAreas(address.url, credential);
    if (refused.length > 0)
      throw new ConnectError(
        'insufficient_scopes',
        `The personal access token lacks the scopes ${refused.join(', ')}; create one with them.`,
        'personalAccessToken',
      );
  } catch (error) {
    if (!(error instanceof AzureDevOpsAccessError)) throw error;
    switch (error.problem) {
      case 'unreachable':
        throw new ConnectError('unreachable', error.message, 'organizationUrl');
      case 'not_azure_devops':
        throw new ConnectError(
          'not_azure_devops',
          `${address.url} is not an Azure DevOps organization.`,
          'organizationUrl',
        );
      case 'credentials_refused':
      case 'not_authorized':
        throw new ConnectError(
          'credentials_refused',
          `Azure DevOps refused the credentials for ${address.url}: the personal access token is missing, expired, revoked or of another organization.`,
          'personalAccessToken',
        );
    }
  }
}
