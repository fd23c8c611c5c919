import * as azdev from 'azure-devops-node-api';
import type { ICoreApi } from 'azure-devops-node-api/CoreApi.js';
import type { IRequestHandler } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import type { IWorkApi } from 'azure-devops-node-api/WorkApi.js';
import type { IWorkItemTrackingApi } from 'azure-devops-node-api/WorkItemTrackingApi.js';

/** Credentials were refused: Azure DevOps answers a bad PAT with its sign-in page (203), not a 401. */
export class AdoAuthenticationError extends Error {
  constructor(readonly organizationUrl: string) {
    super(
      `Azure DevOps refused the credentials for ${organizationUrl}: the personal access token is missing, ` +
        'expired or lacks the required scopes (vso.work, vso.project). Create a new PAT and reconnect.',
    );
    this.name = 'AdoAuthenticationError';
  }
}

export interface AdoConnectionTarget {
  organizationUrl: string;
  personalAccessToken: string;
}

/** The clients one organization's sync uses. Tests replace the factory that creates it, nothing else. */
export interface AdoConnection {
  readonly organizationUrl: string;
  /** Confirms the credentials work; throws AdoAuthenticationError when Azure DevOps refuses them. */
  verifyCredentials(): Promise<void>;
  core(): Promise<ICoreApi>;
  work(): Promise<IWorkApi>;
  workItemTracking(): Promise<IWorkItemTrackingApi>;
  /** HTTP requests sent so far (including the library's route discovery). */
  requestCount(): number;
}

export type AdoConnectionFactory = (target: AdoConnectionTarget) => AdoConnection;

/** Wraps the PAT handler to count every request the library sends, for the sync figures. */
function countingHandler(inner: IRequestHandler, onRequest: () => void): IRequestHandler {
  return {
    prepareRequest: (options) => {
      onRequest();
      inner.prepareRequest(options);
    },
    canHandleAuthentication: (response) => inner.canHandleAuthentication(response),
    handleAuthentication: (httpClient, requestInfo, objects: unknown) =>
      inner.handleAuthentication(httpClient, requestInfo, objects),
  };
}

export const createAdoConnection: AdoConnectionFactory = (target) => {
  let requests = 0;
  const handler = countingHandler(azdev.getPersonalAccessTokenHandler(target.personalAccessToken), () => {
    requests += 1;
  });
  const webApi = new azdev.WebApi(target.organizationUrl, handler, { socketTimeout: 30_000 });
  return {
    organizationUrl: target.organizationUrl,
    async verifyCredentials() {
      let connection: unknown;
      try {
        connection = await webApi.connect();
      } catch (error) {
        if (error instanceof Error && /\b401\b|unauthorized/i.test(error.message)) {
          throw new AdoAuthenticationError(target.organizationUrl);
        }
        throw error;
      }
      // The library turns the 203 sign-in page into a null result instead of an error.
      if (connection === null || connection === undefined) throw new AdoAuthenticationError(target.organizationUrl);
    },
    core: () => webApi.getCoreApi(),
    work: () => webApi.getWorkApi(),
    workItemTracking: () => webApi.getWorkItemTrackingApi(),
    requestCount: () => requests,
  };
};
