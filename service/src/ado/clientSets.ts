import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import * as azdev from 'azure-devops-node-api';
import type { ClientApiBase } from 'azure-devops-node-api/ClientApiBases.js';
import type { ICoreApi } from 'azure-devops-node-api/CoreApi.js';
import type { IRequestHandler } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import type { IWorkApi } from 'azure-devops-node-api/WorkApi.js';
import type { IWorkItemTrackingApi } from 'azure-devops-node-api/WorkItemTrackingApi.js';

/**
 * How long an organization's discovered routes are trusted. The library discovers them once per client
 * (`OPTIONS _apis/Location`, `GET _apis/ResourceAreas`, `OPTIONS _apis/{area}`: 3 of a no-change run's
 * 12 requests) and keeps them for the client's life; Azure DevOps changes an area's routes or host only
 * with a service update, so an hour costs nothing in correctness and saves those requests on every run
 * of the worker's 5-minute cadence but one an hour. A stale route (an answer of nothing, a 404) drops
 * them at once.
 */
export const ROUTES_TTL_MS = 60 * 60_000;

/** Organizations whose client sets one process keeps (the oldest is dropped beyond it). */
const MAX_CLIENT_SETS = 1000;

/**
 * The library clients of one organization and credential, with their discovered routes: the library's
 * own location cache (per client) and resource-area cache (per WebApi), kept across runs.
 */
export interface AdoClientSet {
  readonly webApi: azdev.WebApi;
  core(): Promise<ICoreApi>;
  work(): Promise<IWorkApi>;
  workItemTracking(): Promise<IWorkItemTrackingApi>;
  /** The base URL of an area that may live on its own host (Release on vsrm.dev.azure.com). */
  areaUrl(area: 'Release'): Promise<string>;
}

/**
 * Who is told about each request the library sends: the connection (a run) calling into the shared
 * clients, which may outlive it. Every path into the library runs inside `libraryRequests.run(…)`.
 */
export const libraryRequests = new AsyncLocalStorage<() => void>();

/** Wraps the PAT handler to count every request the library sends, for the sync figures. */
function countingHandler(inner: IRequestHandler): IRequestHandler {
  return {
    prepareRequest: (options) => {
      libraryRequests.getStore()?.();
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

function createClientSet(organizationUrl: string, personalAccessToken: string): AdoClientSet {
  const handler = countingHandler(azdev.getPersonalAccessTokenHandler(personalAccessToken));
  const webApi = new azdev.WebApi(organizationUrl, handler, { socketTimeout: 30_000 });
  /** Library clients are created one after the other (see libraryClient). */
  let creating: Promise<unknown> = Promise.resolve();

  /**
   * One client per area, created one after the other and with its routes discovered before use: the
   * library fetches resource areas again for clients created concurrently, and each client asks OPTIONS
   * again for requests started before its first discovery ended.
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

  const areaUrls = new Map<string, Promise<string>>();
  return {
    webApi,
    core: libraryClient('core', () => webApi.getCoreApi()),
    work: libraryClient('work', () => webApi.getWorkApi()),
    workItemTracking: libraryClient('wit', () => webApi.getWorkItemTrackingApi()),
    /**
     * Resource areas say where an area lives. The library has fetched them once for its own clients: its
     * Release client's base URL reuses that answer (on-premises servers answer with no areas, and every
     * area then lives on the organization URL).
     */
    areaUrl(area) {
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
    },
  };
}

interface Kept {
  credential: string;
  expiresAt: number;
  clients: AdoClientSet;
}

/** Per organization URL: the client set of the credential last used, until it expires. */
const kept = new Map<string, Kept>();

/** A digest, so the map never holds a PAT in clear beyond the clients' own handler. */
const digestOf = (personalAccessToken: string) =>
  createHash('sha256').update(personalAccessToken).digest('base64');

/**
 * The organization's client set: the one kept while it is fresh and made for the same credential, else
 * a new one (a new PAT gets new clients, so nothing learnt with the old one is reused).
 */
export function clientSetFor(
  organizationUrl: string,
  personalAccessToken: string,
  now: number = Date.now(),
): AdoClientSet {
  const credential = digestOf(personalAccessToken);
  const existing = kept.get(organizationUrl);
  if (existing !== undefined && existing.credential === credential && existing.expiresAt > now) {
    return existing.clients;
  }
  const clients = createClientSet(organizationUrl, personalAccessToken);
  kept.delete(organizationUrl);
  kept.set(organizationUrl, { credential, expiresAt: now + ROUTES_TTL_MS, clients });
  for (const [url, entry] of kept) {
    if (kept.size <= MAX_CLIENT_SETS && entry.expiresAt > now) break;
    kept.delete(url);
  }
  return clients;
}

/** Drops what was learnt about the organization's routes, when one of them looks stale. */
export function forgetClientSet(organizationUrl: string, clients: AdoClientSet): void {
  if (kept.get(organizationUrl)?.clients === clients) kept.delete(organizationUrl);
}

/** Drops every kept client set: what a new process starts with (tests measure a first run this way). */
export function forgetAllClientSets(): void {
  kept.clear();
}
