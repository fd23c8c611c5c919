import { AsyncLocalStorage } from 'node:async_hooks';
import type { ICoreApi } from 'azure-devops-node-api/CoreApi.js';
import type { IWorkApi } from 'azure-devops-node-api/WorkApi.js';
import type { IWorkItemTrackingApi } from 'azure-devops-node-api/WorkItemTrackingApi.js';
import { clientSetFor, forgetClientSet, libraryRequests } from './clientSets.ts';
import { attachedRateLimit, readRateLimitHeaders, type RateLimitInfo } from './http/rateLimit.ts';
import { RequestBudget, systemClock, type Clock, type RequestLane } from './http/requestBudget.ts';
import { AdoHttpError, EmptyAnswerError, withRetries } from './http/retry.ts';
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
   * Confirms the credentials work (`connectionData`); throws AdoAuthenticationError when Azure DevOps
   * refuses them. Asked only when an answer needs explaining (a 401/403, an empty answer), once per
   * connection (a run) unless `again`, after a refusal that might mean the PAT expired meanwhile.
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
export const requestAttribution = new AsyncLocalStorage<{
  requests: number;
  lane?: RequestLane;
  /** Time this stream's requests spent waiting for the budget (its pages come in bursts then). */
  waitedMs?: number;
}>();

/** The budget lane of the requests sent from here: the stream's (work-item streams go first). */
const laneHere = (): RequestLane => requestAttribution.getStore()?.lane ?? 'flow';

function countRequest(): void {
  const counter = requestAttribution.getStore();
  if (counter !== undefined) counter.requests += 1;
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
  const counted = () => {
    requests += 1;
    countRequest();
  };
  // Kept across runs with their discovered routes (clientSets.ts): a later run asks no discovery.
  const clients = clientSetFor(organizationUrl, target.personalAccessToken, clock.now());
  /** Runs `work` so that the requests the shared library clients send are counted as this run's. */
  const library = <T>(work: () => Promise<T>): Promise<T> => libraryRequests.run(counted, work);
  const authorization = `Basic ${Buffer.from(`:${target.personalAccessToken}`).toString('base64')}`;

  async function attempt<T>(operation: string, work: () => Promise<T>): Promise<T> {
    const asked = clock.now();
    const release = await budget.acquire(laneHere());
    const counter = requestAttribution.getStore();
    if (counter !== undefined) counter.waitedMs = (counter.waitedMs ?? 0) + (clock.now() - asked);
    try {
      const result = await library(work);
      // Only an object can carry the library's attached headers; its absence then means none were sent.
      if (typeof result === 'object' && result !== null) budget.observe(attachedRateLimit(result), 200);
      return result;
    } catch (error) {
      const status = statusOf(error);
      if (status === 401 || status === 403) {
        const message = error instanceof AdoHttpError ? serviceMessageOf(error.bodyText) : messageOf(error);
        throw new AdoAccessDeniedError(status, operation, message, scopeNamedIn(message));
      }
      // A route the library discovered may have moved: the next run discovers again.
      if (status === 404) forgetClientSet(organizationUrl, clients);
      budget.observe(attachedRateLimit(error), status);
      throw error;
    } finally {
      release();
    }
  }

  /**
   * The library answers both Azure DevOps's sign-in page (203: the PAT was refused) and a 404 (a route
   * gone) with nothing. Credentials are not checked before a run (that cost a request each run), so the
   * first such answer asks `connectionData` once: refused there, the PAT is; else the routes are dropped
   * and the answer is what it was (callers retry an empty answer as a cut-off body).
   */
  async function explainEmptyAnswer(): Promise<void> {
    forgetClientSet(organizationUrl, clients);
    await verifyCredentials();
  }

  async function call<T>(operation: string, work: () => Promise<T>, checkEmpty = true): Promise<T> {
    return withRetries(
      async () => {
        try {
          const result = await attempt(operation, work);
          if (checkEmpty && (result === null || result === undefined)) await explainEmptyAnswer();
          return result;
        } catch (error) {
          if (checkEmpty && error instanceof EmptyAnswerError) await explainEmptyAnswer();
          throw error;
        }
      },
      {
        // Back-off sleeps end when the budget is abandoned (shutdown), like waits for the budget.
        clock: { now: () => clock.now(), sleep: (milliseconds) => budget.sleep(milliseconds) },
        ...(options.random === undefined ? {} : { random: options.random }),
        ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
        // The library's errors and AdoHttpError carry the headers under the same name.
        retryAfterOf: (error) => attachedRateLimit(error)?.retryAfter,
        onRetry: ({ attempt: attempted, delayMs }) =>
          options.onRetry?.({ operation, attempt: attempted, delayMs }),
      },
    );
  }

  async function fetchJson(
    url: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<JsonResponse> {
    counted();
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

  let verified: Promise<void> | undefined;
  async function verify(): Promise<void> {
    try {
      const connection: unknown = await call('connectionData', () => clients.webApi.connect(), false);
      // The library turns the 203 sign-in page into a null result instead of an error.
      if (connection === null || connection === undefined) throw new AdoAuthenticationError(organizationUrl);
    } catch (error) {
      // Every valid PAT may read its connection data, whatever its scopes: a refusal here is the PAT's.
      if (error instanceof AdoAccessDeniedError) throw new AdoAuthenticationError(organizationUrl);
      throw error;
    }
  }
  function verifyCredentials(again = false): Promise<void> {
    if (verified === undefined || again) verified = verify();
    return verified;
  }

  /**
   * Route discovery runs outside `call`; a refused PAT may make it fail as "no location found" (the
   * sign-in page is no list of locations), so a failure asks `connectionData` before it is reported.
   */
  async function discovered<T>(create: () => Promise<T>): Promise<T> {
    try {
      return await library(create);
    } catch (error) {
      await verifyCredentials();
      throw error;
    }
  }

  return {
    organizationUrl,
    budget,
    verifyCredentials,
    core: () => discovered(() => clients.core()),
    work: () => discovered(() => clients.work()),
    workItemTracking: () => discovered(() => clients.workItemTracking()),
    call: (operation, work) => call(operation, work),
    async getJson(pathAndQuery, requestOptions = {}) {
      const base =
        requestOptions.area === undefined
          ? organizationUrl
          : await discovered(() => clients.areaUrl(requestOptions.area ?? 'Release'));
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
