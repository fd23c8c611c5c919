import type {
  ApiError,
  ConnectOrganizationRequest,
  ConnectOrganizationResponse,
  CycleTimeQuery,
  CycleTimeResponse,
  OrganizationListResponse,
  SyncStatusResponse,
  TeamPath,
} from '../../../service/src/contract/index.ts';

/**
 * The one typed client for Seika's service. Types come from the service contract (types only: the
 * contract's zod schemas stay out of the bundle; the server validates what it sends).
 */

/** A failed API call, carrying the server's own message when the body was an ApiError. */
export class SeikaApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly parameter: string | undefined;

  constructor(message: string, status: number, code: string, parameter?: string) {
    super(message);
    this.name = 'SeikaApiError';
    this.status = status;
    this.code = code;
    this.parameter = parameter;
  }
}

export interface SeikaClientOptions {
  /** Service origin (and optional path prefix), without a trailing slash. */
  serviceUrl: string;
  /** Resolves the bearer token for each request (the extension's app token). */
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
}

export interface SeikaClient {
  getCycleTime(team: TeamPath, query: CycleTimeQuery, signal?: AbortSignal): Promise<CycleTimeResponse>;
  /** Organizations connected to the service (never with a credential). */
  listOrganizations(signal?: AbortSignal): Promise<OrganizationListResponse>;
  /** Connects an organization; a refused PAT is a SeikaApiError with parameter "personalAccessToken". */
  connectOrganization(
    request: ConnectOrganizationRequest,
    signal?: AbortSignal,
  ): Promise<ConnectOrganizationResponse>;
  disconnectOrganization(organization: string, signal?: AbortSignal): Promise<void>;
  getSyncStatus(organization: string, signal?: AbortSignal): Promise<SyncStatusResponse>;
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return false;
  }
  const error: unknown = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    'code' in error &&
    typeof error.code === 'string'
  );
}

async function errorFromResponse(response: Response): Promise<SeikaApiError> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isApiError(body)) {
      return new SeikaApiError(body.error.message, response.status, body.error.code, body.error.parameter);
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to the status line.
  }
  const statusLine = `${response.status} ${response.statusText}`.trim();
  return new SeikaApiError(`The Seika service answered ${statusLine}.`, response.status, 'http_error');
}

const organizationsPath = '/api/v1/organizations';

/** The parts of a request this client varies; headers are a plain record so they merge by name. */
interface RequestShape {
  method?: 'POST' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
}

function organizationPath(organization: string): string {
  return `${organizationsPath}/${encodeURIComponent(organization)}`;
}

function teamBasePath({ organization, project, team }: TeamPath): string {
  return [
    '/api/v1/organizations',
    encodeURIComponent(organization),
    'projects',
    encodeURIComponent(project),
    'teams',
    encodeURIComponent(team),
  ].join('/');
}

export function createSeikaClient(options: SeikaClientOptions): SeikaClient {
  const fetchImpl = options.fetch ?? fetch.bind(window);
  const serviceUrl = options.serviceUrl.replace(/\/+$/, '');

  /** Sends one request with the bearer token; any non-2xx answer becomes a SeikaApiError. */
  async function send(path: string, init: RequestShape, signal: AbortSignal | undefined): Promise<Response> {
    const token = await options.getToken();
    let response: Response;
    try {
      response = await fetchImpl(`${serviceUrl}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...init.headers },
        signal,
      });
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      throw new SeikaApiError(`The Seika service at ${serviceUrl} could not be reached.`, 0, 'network_error');
    }
    if (!response.ok) {
      throw await errorFromResponse(response);
    }
    return response;
  }

  async function getJson<T>(path: string, signal: AbortSignal | undefined): Promise<T> {
    const response = await send(path, {}, signal);
    // The server builds this body from the same contract schema; trusting its shape is deliberate.
    return (await response.json()) as T;
  }

  async function postJson<T>(path: string, body: unknown, signal: AbortSignal | undefined): Promise<T> {
    const response = await send(
      path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      signal,
    );
    return (await response.json()) as T;
  }

  return {
    getCycleTime(team, query, signal) {
      const search = new URLSearchParams({ from: query.from, to: query.to });
      if (query.timeZone) {
        search.set('timeZone', query.timeZone);
      }
      return getJson<CycleTimeResponse>(`${teamBasePath(team)}/flow/cycle-time?${search.toString()}`, signal);
    },
    listOrganizations(signal) {
      return getJson<OrganizationListResponse>(organizationsPath, signal);
    },
    connectOrganization(request, signal) {
      return postJson<ConnectOrganizationResponse>(organizationsPath, request, signal);
    },
    async disconnectOrganization(organization, signal) {
      await send(organizationPath(organization), { method: 'DELETE' }, signal);
    },
    getSyncStatus(organization, signal) {
      return getJson<SyncStatusResponse>(`${organizationPath(organization)}/sync-status`, signal);
    },
  };
}

/** Build-time service URL, else this page's own origin (the preview/dev build is served by the service). */
export function defaultServiceUrl(): string {
  const configured: string | undefined = import.meta.env.VITE_SEIKA_SERVICE_URL;
  return configured && configured.length > 0 ? configured : window.location.origin;
}
