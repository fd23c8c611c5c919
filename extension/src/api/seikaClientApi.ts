import type { TargetSuggestionsResponse } from '../../../service/src/contract/targets/suggestions.ts';
import type {
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
  CompanyHoliday,
  CompanyHolidaysResponse,
} from '../../../service/src/contract/calendar/workingCalendar.ts';
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
  DeliverySettingsPreviewResponse,
  DeliverySettingsResponse,
  ProjectDeliverySettingsInput,
} from '../../../service/src/contract/delivery/settings.ts';

/**
 * What the one typed client of Seika's service offers. Types come from the service contract (types only:
 * the contract's zod schemas stay out of the bundle; the server validates what it sends).
 */
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
  /** Suggested target values from the team's last six ended sprints, each with its hit rate. */
  getTargetSuggestions(sprint: SprintPath, signal?: AbortSignal): Promise<TargetSuggestionsResponse>;
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
  /** The organization's company holidays (any member). */
  getCompanyHolidays(organization: string, signal?: AbortSignal): Promise<CompanyHolidaysResponse>;
  /** Replaces them (collection administrators); a refused list rejects with its code. */
  putCompanyHolidays(
    organization: string,
    holidays: readonly CompanyHoliday[],
    signal?: AbortSignal,
  ): Promise<CompanyHolidaysResponse>;
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
  /** What draft settings would mark as production, beside the saved ones; stores nothing. */
  previewDeliverySettings(
    project: ProjectPath,
    draft: ProjectDeliverySettingsInput,
    signal?: AbortSignal,
  ): Promise<DeliverySettingsPreviewResponse>;
}

/** A drill-down page: the range plus `offset` and `limit`. */
export type DeliveryPageQuery = DeliveryQuery & { offset?: number; limit?: number };
