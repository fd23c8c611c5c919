/**
 * Every `error.code` the API answers with. The hubs word each one from their string tables (the English
 * `message` stays in the body for API users); tests/unit/contract/errorCodes.test.ts fails when the service
 * sends a code missing here, or when a code here is no longer sent.
 */
export const API_ERROR_CODES = [
  // Requests
  /** A path segment, query parameter or body field is missing, unknown or invalid (`parameter` names it). */
  'invalid_parameter',
  /** The body is not JSON, or not a JSON object. */
  'invalid_json',
  /** Express refused the request before a route saw it (a body over the size limit, for example). */
  'bad_request',
  /** No such route, or something the path names (team, sprint, organization) does not exist or is not synced yet. */
  'not_found',
  /** A setting of the team forbids this caller to do it (members writing review reasons, say). */
  'forbidden',
  /** The service failed unexpectedly; the error is logged. */
  'internal_error',
  // App token (appTokenAuth)
  /** No `Authorization: Bearer` app token. */
  'missing_token',
  /** The app token has expired. */
  'token_expired',
  /** The app token's signature or shape is wrong. */
  'invalid_token',
  /** The app token names no user (usage events). */
  'missing_user',
  // The authorization layer (api/access)
  /** No `X-Seika-User-Token` header. */
  'missing_user_token',
  /** Azure DevOps refused the user's own access token. */
  'user_token_refused',
  /** The user token and the app token name different users. */
  'user_mismatch',
  /** The caller is not a member of the organization. */
  'not_organization_member',
  /** The organization was deleted and re-created under the same name since it was connected. */
  'organization_instance_mismatch',
  /** The organization's stored PAT was refused; an administrator must reconnect it. */
  'organization_needs_reconnect',
  /** Connecting, disconnecting, sync status, audit log, usage and company holidays need a collection administrator. */
  'requires_collection_administrator',
  /** Delivery settings need a project administrator. */
  'requires_project_administrator',
  /** Team settings, targets, reviews and insight actions need a team (or project) administrator. */
  'requires_team_administrator',
  /** The caller cannot see the project. */
  'project_not_visible',
  /** Seika could not check the caller's access with Azure DevOps just now. */
  'azure_devops_unavailable',
  /** The organization is not connected to Seika. */
  'organization_not_connected',
  /** Listing organizations without `X-Seika-Organization`. */
  'missing_organization',
  // Connecting an organization
  /** The organization URL is not https://dev.azure.com/{organization} (or an allowed origin). */
  'invalid_organization_url',
  /** Azure DevOps at that URL could not be reached. */
  'unreachable',
  /** What answered at that URL is not Azure DevOps. */
  'not_azure_devops',
  /** Azure DevOps refused the PAT. */
  'credentials_refused',
  /** Azure DevOps says the caller may not do this in that organization. */
  'not_authorized',
  /** The PAT lacks a scope Seika reads with (`parameter`: personalAccessToken). */
  'insufficient_scopes',
  /** The PAT belongs to another organization than the URL. */
  'pat_wrong_organization',
  /** Another organization with that name is already connected. */
  'organization_name_taken',
  // Flow, delivery, targets, insights
  /** The team has no sprint covering the day asked about. */
  'no_current_sprint',
  /** The sprint has no start or finish date. */
  'no_sprint_dates',
  /** The team is scoped by a custom team field, not area paths. */
  'unsupported_team_field',
  /** The team has no pipelines or repositories mapped in the project's delivery settings. */
  'team_not_mapped',
  /** A sprint target that would measure people is refused (`parameter`: targets.N.kind). */
  'target_refused',
  /** An insight action's `weekStart` is not a Monday of the team's weeks up to this one. */
  'invalid_week_start',
  /** The digest webhook is not a Slack or Teams incoming-webhook URL. */
  'digest_url_refused',
  // Company holidays (422, `parameter`: holidays.N.field)
  /** More than 100 holiday ranges. */
  'too_many_holidays',
  /** A start or end that is not a YYYY-MM-DD calendar day. */
  'invalid_day',
  /** A range whose start is after its end. */
  'start_after_end',
  /** A range longer than 31 days. */
  'holiday_too_long',
  /** A range without a name. */
  'name_required',
  /** A name over 100 characters. */
  'name_too_long',
  // Service hooks (answered to Azure DevOps, not to the hubs)
  /** The hook delivery's credentials were missing or wrong. */
  'unauthorized',
  /** The hook delivery was refused (unknown organization, stale or malformed event). */
  'rejected',
  // The preview host (local only)
  /** The preview host could not mint an app token. */
  'app_token_failed',
  /** The preview host's page is missing: the hubs are not built. */
  'extension_not_built',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Whether a code from an answer is one the hubs have words for. */
export function isApiErrorCode(code: string): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly string[]).includes(code);
}
