import type {
  ConnectOrganizationResponse,
  CycleTimeResponse,
  FlowSummaryResponse,
  HowManyResponse,
  TeamSettingsResponse,
  WhenResponse,
  OrganizationListResponse,
  SyncStatusResponse,
  TeamListResponse,
} from '../../../service/src/contract/index.ts';
import { ORGANIZATION_HEADER, USER_TOKEN_HEADER } from '../../../service/src/contract/access/headers.ts';
import type { AuditLogResponse } from '../../../service/src/contract/access/audit.ts';
import type { SyncHealthResponse } from '../../../service/src/contract/syncStatus.ts';
import type {
  SprintOutlookResponse,
  SprintTargetsResponse,
  TeamSprintsResponse,
} from '../../../service/src/contract/targets/sprintTargets.ts';
import type { UsageReport } from '../../../service/src/contract/usage/usage.ts';
import type { AdoptionResponse } from '../../../service/src/contract/usage/adoption.ts';
import type { CompanyHolidaysResponse } from '../../../service/src/contract/calendar/workingCalendar.ts';
import type { TargetSuggestionsResponse } from '../../../service/src/contract/targets/suggestions.ts';
import type {
  InsightExperimentsResponse,
  InsightsResponse,
} from '../../../service/src/contract/insights/insights.ts';
import type {
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
  DeliverySummaryResponse,
  DeliveryTrendResponse,
} from '../../../service/src/contract/delivery/responses.ts';
import type {
  DeliverySettingsPreviewResponse,
  DeliverySettingsResponse,
} from '../../../service/src/contract/delivery/settings.ts';
import { errorFromResponse, SeikaApiError } from './apiError.ts';
import {
  deliveryBasePath,
  deliveryUrl,
  organizationPath,
  organizationsPath,
  projectPath,
  sprintPath,
  teamBasePath,
  toSearchParams,
} from './paths.ts';
import type { SeikaClient } from './seikaClientApi.ts';

export { SeikaApiError };
export { toSearchParams } from './paths.ts';
export type { DeliveryPageQuery, SeikaClient } from './seikaClientApi.ts';

/**
 * The one typed client for Seika's service. Types come from the service contract (types only: the
 * contract's zod schemas stay out of the bundle; the server validates what it sends).
 */

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

/** The parts of a request this client varies; headers are a plain record so they merge by name. */
interface RequestShape {
  method?: 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
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
    getTargetSuggestions(sprint, signal) {
      return getJson<TargetSuggestionsResponse>(sprintPath(sprint, 'targets/suggestions'), signal);
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
      return getJson<TeamListResponse>(`${projectPath(organization, project)}/teams`, signal);
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
    getCompanyHolidays(organization, signal) {
      return getJson<CompanyHolidaysResponse>(`${organizationPath(organization)}/company-holidays`, signal);
    },
    async putCompanyHolidays(organization, holidays, signal) {
      const response = await send(
        `${organizationPath(organization)}/company-holidays`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ holidays }),
        },
        signal,
      );
      return (await response.json()) as CompanyHolidaysResponse;
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
    async previewDeliverySettings(project, draft, signal) {
      const response = await send(
        `${deliveryBasePath(project)}/delivery/settings/preview`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(draft) },
        signal,
      );
      return (await response.json()) as DeliverySettingsPreviewResponse;
    },
  };
}

/** Build-time service URL, else this page's own origin (the preview/dev build is served by the service). */
export function defaultServiceUrl(): string {
  const configured: string | undefined = import.meta.env.VITE_SEIKA_SERVICE_URL;
  return configured && configured.length > 0 ? configured : window.location.origin;
}
