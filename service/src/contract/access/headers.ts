/** The hub's own Azure DevOps access token (SDK.getAccessToken()), beside the app token. */
export const USER_TOKEN_HEADER = 'X-Seika-User-Token';

/** Which organization a request without one in its path speaks for (listing): SDK.getHost().name. */
export const ORGANIZATION_HEADER = 'X-Seika-Organization';

/** Answers of the authorization layer: 401 for missing or refused credentials, 403 for the wrong ones. */
export const ACCESS_ERROR_CODES = [
  'missing_user_token',
  'user_token_refused',
  'user_mismatch',
  'not_organization_member',
  'organization_instance_mismatch',
  'organization_needs_reconnect',
  'requires_collection_administrator',
  'requires_project_administrator',
  'requires_team_administrator',
  'project_not_visible',
  'azure_devops_unavailable',
] as const;
export type AccessErrorCode = (typeof ACCESS_ERROR_CODES)[number];
