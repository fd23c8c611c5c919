import type {
  ApiError,
  ConnectOrganizationRequest,
  ConnectOrganizationResponse,
  CycleTimeQuery,
  CycleTimeResponse,
  FlowQuery,
  FlowSummaryResponse,
  HowManyQuery,
  HowManyResponse,
  TeamFlowSettingsInput,
  TeamSettingsResponse,
  WhenQuery,
  WhenResponse,
  OrganizationListResponse,
  SyncStatusResponse,
  TeamPath,
  TeamListResponse,
} from '../../../service/src/contract/index.ts';
import { ORGANIZATION_HEADER, USER_TOKEN_HEADER } from '../../../service/src/contract/access/headers.ts';
import type { AuditLogResponse } from '../../../service/src/contract/access/audit.ts';
import type { SyncHealthResponse } from '../../../service/src/contract/syncStatus.ts';
import type {
  SprintOutlookResponse,
  SprintPath,
  SprintTargetsInput,
  SprintTargetsResponse,
  TeamSprintsResponse,
} from '../../../service/src/contract/targets/sprintTargets.ts';
import type { UsageEvent, UsageReport } from '../../../service/src/contract/usage/usage.ts';
import type { AdoptionResponse } from '../../../service/src/contract/usage/adoption.ts';
import type {
  InsightAction,
  InsightExperimentsResponse,
  InsightSettings,
  InsightsResponse,
} from '../../../service/src/contract/insights/insights.ts';
import type {
  SprintReviewInput,
  SprintReviewResponse,
  TargetHistoryResponse,
} from '../../../service/src/contract/targets/review.ts';
import type { AccessCapabilitiesResponse } from '../../../service/src/contract/access/capabilities.ts';
import type {
  DeliveryChangesResponse,
  DeliveryDeploymentsResponse,
  DeliveryIncidentsResponse,
} from '../../../service/src/contract/delivery/items.ts';
import type {
  DeliveryPath,
  DeliveryQuery,
  ProjectPath,
} from '../../../service/src/contract/delivery/query.ts';
import type {
  DeliverySummaryResponse,
  DeliveryTrendResponse,
} from '../../../service/src/contract/delivery/responses.ts';
import type {
  DeliverySettingsResponse,
  ProjectDeliverySettingsInput,
} from '../../../service/src/contract/delivery/settings.ts';

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
  /** Resolves the user's own Azure DevOps access token (SDK.getAccessToken()): proves the organization. */
  getUserToken: () => Promise<string>;
  /** The organization the hub runs in (SDK.getHost().name): what listing organizations is about. */
  organization: string;
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
  /** Disconnects; with `deleteData`, the service also deletes every row of the organization. */
  disconnectOrganization(
    organization: string,
    signal?: AbortSignal,
    options?: { deleteData?: boolean },
  ): Promise<void>;
  getSyncStatus(organization: string, signal?: AbortSignal): Promise<SyncStatusResponse>;
  /** What the user may do in the organization (and a project and team), to show only usable controls. */
  getAccessCapabilities(
    organization: string,
    scope?: { project?: string; team?: string },
    signal?: AbortSignal,
  ): Promise<AccessCapabilitiesResponse>;
  /** Administrators' changes to Seika's settings, newest first (Project Collection Administrators only). */
  getAuditLog(organization: string, signal?: AbortSignal): Promise<AuditLogResponse>;
  /** Every flow metric of one range and filter set in one answer (the Flow hub's main request). */
  getFlowSummary(team: TeamPath, query: FlowQuery, signal?: AbortSignal): Promise<FlowSummaryResponse>;
  getTeamSettings(team: TeamPath, signal?: AbortSignal): Promise<TeamSettingsResponse>;
  putTeamSettings(
    team: TeamPath,
    settings: TeamFlowSettingsInput,
    signal?: AbortSignal,
  ): Promise<TeamSettingsResponse>;
  getHowManyForecast(team: TeamPath, query: HowManyQuery, signal?: AbortSignal): Promise<HowManyResponse>;
  getWhenForecast(team: TeamPath, query: WhenQuery, signal?: AbortSignal): Promise<WhenResponse>;
  /** The team's dated sprints, the current one, and which have targets. */
  getTeamSprints(team: TeamPath, signal?: AbortSignal): Promise<TeamSprintsResponse>;
  getSprintTargets(sprint: SprintPath, signal?: AbortSignal): Promise<SprintTargetsResponse>;
  /** Saves the sprint's goal and targets (team administrators); a refused kind is a SeikaApiError "target_refused". */
  putSprintTargets(
    sprint: SprintPath,
    targets: SprintTargetsInput,
    signal?: AbortSignal,
  ): Promise<SprintTargetsResponse>;
  getSprintOutlook(sprint: SprintPath, signal?: AbortSignal): Promise<SprintOutlookResponse>;
  getSprintReview(sprint: SprintPath, signal?: AbortSignal): Promise<SprintReviewResponse>;
  /** Team administrators: reasons per missed target and the Keep/Problem/Try notes. */
  putSprintReview(
    sprint: SprintPath,
    review: SprintReviewInput,
    signal?: AbortSignal,
  ): Promise<SprintReviewResponse>;
  /** Members (when the lead allows it): reasons per missed target only. */
  putMissReasons(
    sprint: SprintPath,
    missReasons: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<SprintReviewResponse>;
  getTargetHistory(team: TeamPath, signal?: AbortSignal): Promise<TargetHistoryResponse>;
  /** The project's synchronised teams (the team switcher). */
  listTeams(
    project: { organization: string; project: string },
    signal?: AbortSignal,
  ): Promise<TeamListResponse>;
  /** The sync's state for a team's hub: what the Flow hub's freshness line says. */
  getTeamSyncHealth(team: TeamPath, signal?: AbortSignal): Promise<SyncHealthResponse>;
  /** The team's improvement insights this week (at most three) and the rule catalogue. */
  getInsights(team: TeamPath, signal?: AbortSignal): Promise<InsightsResponse>;
  /** Team administrators: acknowledge, dismiss (with a reason) or make an experiment of a finding. */
  actOnInsight(
    team: TeamPath,
    action: {
      ruleId: InsightAction['ruleId'];
      weekStart: string;
      action: InsightAction['action'];
      note?: string;
      iterationId?: string | null;
    },
    signal?: AbortSignal,
  ): Promise<InsightsResponse>;
  /** The team's experiments, each judged with control-chart signals. */
  getInsightExperiments(team: TeamPath, signal?: AbortSignal): Promise<InsightExperimentsResponse>;
  /** Team administrators: which rules are on and the weekly digest's webhook (null switches it off). */
  putInsightSettings(
    team: TeamPath,
    settings: InsightSettings,
    signal?: AbortSignal,
  ): Promise<InsightsResponse>;
  /** Tells the service a view was opened (counted per team and week, no identity kept). */
  recordUsage(organization: string, event: UsageEvent, signal?: AbortSignal): Promise<void>;
  getUsageReport(organization: string, weeks: number, signal?: AbortSignal): Promise<UsageReport>;
  /** How each team uses Azure DevOps, each gap with its fix (Project Collection Administrators). */
  getAdoption(organization: string, signal?: AbortSignal): Promise<AdoptionResponse>;
  /** Every delivery figure of a range, per project or (with `team`) per team. */
  getDeliverySummary(
    path: DeliveryPath,
    query: DeliveryQuery,
    signal?: AbortSignal,
  ): Promise<DeliverySummaryResponse>;
  /** The figures per week (and per sprint for a team) over a range. */
  getDeliveryTrend(
    path: DeliveryPath,
    query: DeliveryQuery,
    signal?: AbortSignal,
  ): Promise<DeliveryTrendResponse>;
  /** One page of the production deployment attempts of a range. */
  getDeliveryDeployments(
    path: DeliveryPath,
    query: DeliveryPageQuery,
    signal?: AbortSignal,
  ): Promise<DeliveryDeploymentsResponse>;
  /** One page of the changes first delivered in a range. */
  getDeliveryChanges(
    path: DeliveryPath,
    query: DeliveryPageQuery,
    signal?: AbortSignal,
  ): Promise<DeliveryChangesResponse>;
  /** One page of the incidents created in a range, with their attribution. */
  getDeliveryIncidents(
    path: DeliveryPath,
    query: DeliveryPageQuery,
    signal?: AbortSignal,
  ): Promise<DeliveryIncidentsResponse>;
  /** A whole drill-down list of a range as the service's CSV (one row per item). */
  getDeliveryCsv(
    path: DeliveryPath,
    list: 'deployments' | 'changes' | 'incidents',
    query: DeliveryQuery,
    signal?: AbortSignal,
  ): Promise<string>;
  getDeliverySettings(project: ProjectPath, signal?: AbortSignal): Promise<DeliverySettingsResponse>;
  /** Project administrators only; the service decides. */
  putDeliverySettings(
    project: ProjectPath,
    settings: ProjectDeliverySettingsInput,
    signal?: AbortSignal,
  ): Promise<DeliverySettingsResponse>;
}

/** A drill-down page: the range plus `offset` and `limit`. */
export type DeliveryPageQuery = DeliveryQuery & { offset?: number; limit?: number };

/** Query parameters as text: lists become comma lists, undefined values are left out. */
export function toSearchParams(query: object): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.map(String).join(','));
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      search.set(key, String(value));
    }
  }
  return search;
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
  method?: 'POST' | 'PUT' | 'DELETE';
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

function sprintPath(sprint: SprintPath, resource: 'targets' | 'outlook' | 'review'): string {
  return `${teamBasePath(sprint)}/sprints/${encodeURIComponent(sprint.iterationId)}/${resource}`;
}

function deliveryBasePath({ organization, project, team }: DeliveryPath): string {
  const projectPath = `${organizationPath(organization)}/projects/${encodeURIComponent(project)}`;
  return team === undefined ? projectPath : `${projectPath}/teams/${encodeURIComponent(team)}`;
}

function deliveryUrl(path: DeliveryPath, resource: string, query: object): string {
  return `${deliveryBasePath(path)}/delivery/${resource}?${toSearchParams(query).toString()}`;
}

export function createSeikaClient(options: SeikaClientOptions): SeikaClient {
  const fetchImpl = options.fetch ?? fetch.bind(window);
  const serviceUrl = options.serviceUrl.replace(/\/+$/, '');

  /** Sends one request with the bearer token; any non-2xx answer becomes a SeikaApiError. */
  async function send(path: string, init: RequestShape, signal: AbortSignal | undefined): Promise<Response> {
    const [token, userToken] = await Promise.all([options.getToken(), options.getUserToken()]);
    let response: Response;
    try {
      response = await fetchImpl(`${serviceUrl}${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${token}`,
          [USER_TOKEN_HEADER]: userToken,
          [ORGANIZATION_HEADER]: options.organization,
          Accept: 'application/json',
          ...init.headers,
        },
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
    async disconnectOrganization(organization, signal, options = {}) {
      const query = options.deleteData === true ? '?deleteData=true' : '';
      await send(`${organizationPath(organization)}${query}`, { method: 'DELETE' }, signal);
    },
    getSyncStatus(organization, signal) {
      return getJson<SyncStatusResponse>(`${organizationPath(organization)}/sync-status`, signal);
    },
    getAccessCapabilities(organization, scope = {}, signal) {
      const search = new URLSearchParams();
      if (scope.project !== undefined) search.set('project', scope.project);
      if (scope.team !== undefined) search.set('team', scope.team);
      const query = search.toString();
      return getJson<AccessCapabilitiesResponse>(
        `${organizationPath(organization)}/access${query === '' ? '' : `?${query}`}`,
        signal,
      );
    },
    getAuditLog(organization, signal) {
      return getJson<AuditLogResponse>(`${organizationPath(organization)}/audit`, signal);
    },
    getFlowSummary(team, query, signal) {
      const search = toSearchParams(query).toString();
      return getJson<FlowSummaryResponse>(`${teamBasePath(team)}/flow/summary?${search}`, signal);
    },
    getTeamSettings(team, signal) {
      return getJson<TeamSettingsResponse>(`${teamBasePath(team)}/flow/settings`, signal);
    },
    async putTeamSettings(team, settings, signal) {
      const response = await send(
        `${teamBasePath(team)}/flow/settings`,
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings) },
        signal,
      );
      return (await response.json()) as TeamSettingsResponse;
    },
    getHowManyForecast(team, query, signal) {
      const search = toSearchParams(query).toString();
      return getJson<HowManyResponse>(`${teamBasePath(team)}/flow/forecast/how-many?${search}`, signal);
    },
    getWhenForecast(team, query, signal) {
      const search = toSearchParams(query).toString();
      return getJson<WhenResponse>(`${teamBasePath(team)}/flow/forecast/when?${search}`, signal);
    },
    getTeamSprints(team, signal) {
      return getJson<TeamSprintsResponse>(`${teamBasePath(team)}/sprints`, signal);
    },
    getSprintTargets(sprint, signal) {
      return getJson<SprintTargetsResponse>(sprintPath(sprint, 'targets'), signal);
    },
    async putSprintTargets(sprint, targets, signal) {
      const response = await send(
        sprintPath(sprint, 'targets'),
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(targets) },
        signal,
      );
      return (await response.json()) as SprintTargetsResponse;
    },
    getSprintOutlook(sprint, signal) {
      return getJson<SprintOutlookResponse>(sprintPath(sprint, 'outlook'), signal);
    },
    getSprintReview(sprint, signal) {
      return getJson<SprintReviewResponse>(sprintPath(sprint, 'review'), signal);
    },
    async putSprintReview(sprint, review, signal) {
      const response = await send(
        sprintPath(sprint, 'review'),
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(review) },
        signal,
      );
      return (await response.json()) as SprintReviewResponse;
    },
    async putMissReasons(sprint, missReasons, signal) {
      const response = await send(
        `${sprintPath(sprint, 'review')}/reasons`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ missReasons }),
        },
        signal,
      );
      return (await response.json()) as SprintReviewResponse;
    },
    listTeams({ organization, project }, signal) {
      return getJson<TeamListResponse>(
        `${organizationPath(organization)}/projects/${encodeURIComponent(project)}/teams`,
        signal,
      );
    },
    getTeamSyncHealth(team, signal) {
      return getJson<SyncHealthResponse>(`${teamBasePath(team)}/sync-health`, signal);
    },
    getInsights(team, signal) {
      return getJson<InsightsResponse>(`${teamBasePath(team)}/insights`, signal);
    },
    async actOnInsight(team, action, signal) {
      const response = await send(
        `${teamBasePath(team)}/insights/actions`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(action) },
        signal,
      );
      return (await response.json()) as InsightsResponse;
    },
    async putInsightSettings(team, settings, signal) {
      const response = await send(
        `${teamBasePath(team)}/insights/settings`,
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings) },
        signal,
      );
      return (await response.json()) as InsightsResponse;
    },
    getInsightExperiments(team, signal) {
      return getJson<InsightExperimentsResponse>(`${teamBasePath(team)}/insights/experiments`, signal);
    },
    getTargetHistory(team, signal) {
      return getJson<TargetHistoryResponse>(`${teamBasePath(team)}/sprints/history`, signal);
    },
    async recordUsage(organization, event, signal) {
      await send(
        `${organizationPath(organization)}/usage/events`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) },
        signal,
      );
    },
    getUsageReport(organization, weeks, signal) {
      return getJson<UsageReport>(`${organizationPath(organization)}/usage?weeks=${weeks}`, signal);
    },
    getAdoption(organization, signal) {
      return getJson<AdoptionResponse>(`${organizationPath(organization)}/adoption`, signal);
    },
    getDeliverySummary(path, query, signal) {
      return getJson<DeliverySummaryResponse>(deliveryUrl(path, 'summary', query), signal);
    },
    getDeliveryTrend(path, query, signal) {
      return getJson<DeliveryTrendResponse>(deliveryUrl(path, 'trend', query), signal);
    },
    getDeliveryDeployments(path, query, signal) {
      return getJson<DeliveryDeploymentsResponse>(deliveryUrl(path, 'deployments', query), signal);
    },
    getDeliveryChanges(path, query, signal) {
      return getJson<DeliveryChangesResponse>(deliveryUrl(path, 'changes', query), signal);
    },
    getDeliveryIncidents(path, query, signal) {
      return getJson<DeliveryIncidentsResponse>(deliveryUrl(path, 'incidents', query), signal);
    },
    async getDeliveryCsv(path, list, query, signal) {
      const response = await send(
        deliveryUrl(path, list, { ...query, format: 'csv' }),
        { headers: { Accept: 'text/csv' } },
        signal,
      );
      return response.text();
    },
    getDeliverySettings(project, signal) {
      return getJson<DeliverySettingsResponse>(`${deliveryBasePath(project)}/delivery/settings`, signal);
    },
    async putDeliverySettings(project, settings, signal) {
      const response = await send(
        `${deliveryBasePath(project)}/delivery/settings`,
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings) },
        signal,
      );
      return (await response.json()) as DeliverySettingsResponse;
    },
  };
}

/** Build-time service URL, else this page's own origin (the preview/dev build is served by the service). */
export function defaultServiceUrl(): string {
  const configured: string | undefined = import.meta.env.VITE_SEIKA_SERVICE_URL;
  return configured && configured.length > 0 ? configured : window.location.origin;
}
