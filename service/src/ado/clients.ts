import { AsyncLocalStorage } from 'node:async_hooks';
import * as azdev from 'azure-devops-node-api';
import type { ClientApiBase } from 'azure-devops-node-api/ClientApiBases.js';
import type { ICoreApi } from 'azure-devops-node-api/CoreApi.js';
import type { IRequestHandler } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import type { IWorkApi } from 'azure-devops-node-api/WorkApi.js';
import type { IWorkItemTrackingApi } from 'azure-devops-node-api/WorkItemTrackingApi.js';
import { attachedRateLimit, readRateLimitHeaders, type RateLimitInfo } from './http/rateLimit.ts';
import { RequestBudget, systemClock, type Clock, type RequestLane } from './http/requestBudget.ts';
import { AdoHttpError, withRetries } from './http/retry.ts';
import { AdoAccessDeniedError, scopeNamedIn, serviceMessageOf } from './scopes.ts';

/**
 * The PAT itself was refused: Azure DevOps answers a bad PAT with its sign-in page (203), a redirect to
 * it, or 401 on the connection data every PAT may read. A 401 on one area only means a missing scope
 * (AdoAccessDeniedError).
 */
export class AdoAuthenticationError extends Error {
  constructor(readonly organizationUrl: string) {
    super(
      `Azure DevOps refused the credentials for ${organizationUrl}: the personal access token is missing, ` +
        'expired or revoked. Create a new PAT and reconnect.',
    );
    this.name = 'AdoAuthenticationError';
  }
}

export interface AdoConnectionTarget {
  organizationUrl: string;
  personalAccessToken: string;
}

export interface AdoConnectionOptions {
  /** The organization's shared budget; every stream of the organization must use the same one. */
  budget?: RequestBudget;
  clock?: Clock;
  random?: () => number;
  maxAttempts?: number;
  onRetry?: (details: { operation: string; attempt: number; delayMs: number }) => void;
}

export interface JsonResponse {
  body: unknown;
  headers: Headers;
  /** The `x-ms-continuationtoken` header, which azure-devops-node-api drops for header-paged lists. */
  continuationToken: string | undefined;
  /** The rate-limit headers of the answer, when it carried any (as the library attaches them). */
  rateLimit?: RateLimitInfo;
}

/** The clients one organization's sync uses. Tests replace the factory that creates it, nothing else. */
export interface AdoConnection {
  readonly organizationUrl: string;
  readonly budget: RequestBudget;
  /**
   * Confirms the credentials work; throws AdoAuthenticationError when Azure DevOps refuses them. Asks
   * once per connection (a run) unless `again`, after a refusal that might mean the PAT expired meanwhile.
   */
  verifyCredentials(again?: boolean): Promise<void>;
  core(): Promise<ICoreApi>;
  work(): Promise<IWorkApi>;
  workItemTracking(): Promise<IWorkItemTrackingApi>;
  /** Runs one library call inside the budget, with retries for throttling and transient failures. */
  call<T>(operation: string, work: () => Promise<T>): Promise<T>;
  /** GETs `pathAndQuery` below the organization URL (or an area's own host) directly, with the same care. */
  getJson(pathAndQuery: string, options?: { area?: 'Release' }): Promise<JsonResponse>;
  /** POST or DELETE below the organization URL (service-hook subscriptions). Not retried: not idempotent. */
  sendJson(method: 'POST' | 'DELETE', pathAndQuery: string, body?: unknown): Promise<JsonResponse>;
  /** HTTP requests sent so far (including the library's route discovery and retries). */
  requestCount(): number;
}

export type AdoConnectionFactory = (
  target: AdoConnectionTarget,
  options?: AdoConnectionOptions,
) => AdoConnection;

/**
 * Attributes requests to whoever runs inside `requestAttribution.run({ requests: 0 }, …)`: the sync
 * counts each stream's requests this way (discovery goes to the stream that first needed it).
 */
export const requestAttribution = new AsyncLocalStorage<{ requests: number; lane?: RequestLane }>();

/** The budget lane of the requests sent from here: the stream's (work-item streams go first). */
const laneHere = (): RequestLane => requestAttribution.getStore()?.lane ?? 'flow';

function countRequest(): void {
  const counter = requestAttribution.getStore();
  if (counter !== undefined) counter.requests += 1;
}

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

/** The first call's promise, shared by every later call (a failed one is forgotten and retried). */
function once<T>(create: () => Promise<T>): () => Promise<T> {
  let created: Promise<T> | undefined;
  return () => {
    created ??= create().catch((error: unknown) => {
      created = undefined;
      throw error;
    });
    return created;
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof AdoHttpError) return error.status;
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = Reflect.get(error, 'statusCode');
  return typeof status === 'number' ? status : undefined;
}

export const createAdoConnection: AdoConnectionFactory = (target, options = {}) => {
  const clock = options.clock ?? systemClock;
  const budget = options.budget ?? new RequestBudget({ clock });
  const organizationUrl = target.organizationUrl.replace(/\/+$/, '');
  let requests = 0;
  const handler = countingHandler(azdev.getPersonalAccessTokenHandler(target.personalAccessToken), () => {
    requests += 1;
    countRequest();
  });
  const webApi = new azdev.WebApi(organizationUrl, handler, { socketTimeout: 30_000 });
  const authorization = `Basic ${Buffer.from(`:${target.personalAccessToken}`).toString('base64')}`;
  const areaUrls = new Map<string, Promise<string>>();
  /** Library clients are created one after the other (see libraryClient). */
  let creating: Promise<unknown> = Promise.resolve();

  async function call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    return withRetries(
      async () => {
        const release = await budget.acquire(laneHere());
        try {
          const result = await work();
          // Only an object can carry the library's attached headers; its absence then means none were sent.
          if (typeof result === 'object' && result !== null) budget.observe(attachedRateLimit(result), 200);
          return result;
        } catch (error) {
          const status = statusOf(error);
          if (status === 401 || status === 403) {
            const message =
              error instanceof AdoHttpError ? serviceMessageOf(error.bodyText) : messageOf(error);
            throw new AdoAccessDeniedError(status, operation, message, scopeNamedIn(message));
          }
          budget.observe(attachedRateLimit(error), status);
          throw error;
        } finally {
          release();
        }
      },
      {
        // Back-off sleeps end when the budget is abandoned (shutdown), like waits for the budget.
        clock: { now: () => clock.now(), sleep: (milliseconds) => budget.sleep(milliseconds) },
        ...(options.random === undefined ? {} : { random: options.random }),
        ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
        // The library's errors and AdoHttpError carry the headers under the same name.
        retryAfterOf: (error) => attachedRateLimit(error)?.retryAfter,
        onRetry: ({ attempt, delayMs }) => options.onRetry?.({ operation, attempt, delayMs }),
      },
    );
  }

  async function fetchJson(
    url: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<JsonResponse> {
    requests += 1;
    countRequest();
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        authorization,
        accept: 'application/json',
        'x-tfs-fedauthredirect': 'Suppress',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const rateLimit = readRateLimitHeaders(response.headers, clock.now());
    // 203 is the sign-in page Azure DevOps serves for a bad PAT; 3xx is the redirect to it.
    if (response.status === 203 || (response.status >= 300 && response.status < 400)) {
      throw new AdoAuthenticationError(organizationUrl);
    }
    const text = await response.text();
    if (!response.ok) throw new AdoHttpError(response.status, url, text, rateLimit);
    return {
      body: text === '' ? null : JSON.parse(text),
      headers: response.headers,
      continuationToken: response.headers.get('x-ms-continuationtoken') ?? undefined,
      ...(rateLimit === undefined ? {} : { rateLimit }),
    };
  }

  /**
   * Some areas live on their own host (Release on vsrm.dev.azure.com); resource areas say where. The
   * library has fetched them once for its own clients: its Release client's base URL reuses that answer
   * (on-premises servers answer with no areas, and every area then lives on the organization URL).
   */
  function areaUrl(area: 'Release'): Promise<string> {
    let url = areaUrls.get(area);
    if (url === undefined) {
      const located = creating
        .then(() => webApi.getReleaseApi())
        .then((client) => client.baseUrl.replace(/\/+$/, ''));
      creating = located.catch(() => undefined);
      url = located;
      areaUrls.set(area, url);
      url.catch(() => areaUrls.delete(area));
    }
    return url;
  }

  /**
   * One client per area per connection (a run), created one after the other and with its routes
   * discovered before use: the library fetches resource areas again for clients created concurrently,
   * and each client asks OPTIONS again for requests started before its first discovery ended.
   */
  function libraryClient<T extends ClientApiBase>(area: string, create: () => Promise<T>): () => Promise<T> {
    return once(() => {
      const client = creating.then(create).then(async (created) => {
        await created.vsoClient.beginGetLocation(area, '');
        return created;
      });
      creating = client.catch(() => undefined);
      return client;
    });
  }

  let verified: Promise<void> | undefined;
  async function verify(): Promise<void> {
    try {
      const connection: unknown = await call('connectionData', () => webApi.connect());
      // The library turns the 203 sign-in page into a null result instead of an error.
      if (connection === null || connection === undefined) throw new AdoAuthenticationError(organizationUrl);
    } catch (error) {
      // Every valid PAT may read its connection data, whatever its scopes: a refusal here is the PAT's.
      if (error instanceof AdoAccessDeniedError) throw new AdoAuthenticationError(organizationUrl);
      throw error;
    }
  }

  return {
    organizationUrl,
    budget,
    verifyCredentials(again = false) {
      if (verified === undefined || again) verified = verify();
      return verified;
    },
    core: libraryClient('core', () => webApi.getCoreApi()),
    work: libraryClient('work', () => webApi.getWorkApi()),
    workItemTracking: libraryClient('wit', () => webApi.getWorkItemTrackingApi()),
    call,
    async getJson(pathAndQuery, requestOptions = {}) {
      const base = requestOptions.area === undefined ? organizationUrl : await areaUrl(requestOptions.area);
      return call(pathAndQuery.split('?')[0] ?? pathAndQuery, () =>
        fetchJson(`${base}/${pathAndQuery.replace(/^\/+/, '')}`),
      );
    },
    async sendJson(method, pathAndQuery, body) {
      const release = await budget.acquire(laneHere());
      try {
        const answer = await fetchJson(`${organizationUrl}/${pathAndQuery.replace(/^\/+/, '')}`, {
          method,
          body,
        });
        budget.observe(answer.rateLimit, 200);
        return answer;
      } catch (error) {
        budget.observe(attachedRateLimit(error), statusOf(error));
        throw error;
      } finally {
        release();
      }
    },
    requestCount: () => requests,
  };
};
