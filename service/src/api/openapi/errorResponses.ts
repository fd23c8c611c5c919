/**
 * Error responses that name the codes a route can send, so a client (and the tests) can tell a documented
 * refusal from an undocumented one. Each is the ApiError body with `error.code` narrowed to the codes listed.
 */
import type { ApiErrorCode } from '../../contract/errorCodes.ts';
import type { JsonSchema } from './schemas.ts';
import { schemaRef } from './schemas.ts';

export interface ErrorResponse {
  description: string;
  content: { 'application/json': { schema: JsonSchema } };
}

export function codedError(description: string, codes: readonly ApiErrorCode[]): ErrorResponse {
  const narrowed = {
    type: 'object',
    properties: { error: { type: 'object', properties: { code: { enum: [...codes] } } } },
  };
  return {
    description: `${description} Codes: ${codes.join(', ')}.`,
    content: { 'application/json': { schema: { allOf: [schemaRef('ApiError'), narrowed] } } },
  };
}

/** The app token (appTokenAuth) and the user token (the access layer), on every guarded route. */
export const UNAUTHORIZED_CODES = [
  'missing_token',
  'token_expired',
  'invalid_token',
  'missing_user_token',
  'user_token_refused',
] as const satisfies readonly ApiErrorCode[];

/** Refusals of the access layer that any role can meet: the token's user, organization or connection. */
export const ORGANIZATION_REFUSALS = [
  'user_mismatch',
  'not_organization_member',
  'organization_instance_mismatch',
  'organization_needs_reconnect',
] as const satisfies readonly ApiErrorCode[];

/** A route's answer to a body over express.json's limit (413) before the route sees it. */
export const TOO_LARGE = codedError('The body is over 1 MB.', ['bad_request']);

/** The access layer could not ask Azure DevOps about the caller just now. */
export const UNAVAILABLE = codedError(
  "Seika could not verify the caller's access with Azure DevOps; try again.",
  ['azure_devops_unavailable'],
);
