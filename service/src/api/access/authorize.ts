import type { Request, RequestHandler, Response } from 'express';
import { ORGANIZATION_HEADER, USER_TOKEN_HEADER } from '../../contract/access/headers.ts';
import type { AccessService, Caller } from '../../services/access/accessService.ts';
import { AccessDeniedError } from '../../services/access/errors.ts';
import { InvalidOrganizationUrlError, parseOrganizationUrl } from '../../services/access/organizationUrl.ts';
import { AzureDevOpsAccessError, type ConnectionIdentity } from '../../services/access/azureDevOps.ts';
import { HttpError, invalidInput } from '../httpErrors.ts';
import { connectOrganizationRequestSchema } from '../../contract/organizations.ts';
import { guardFor } from './routeRequirements.ts';

/** What the authorization layer leaves for the routers. */
export type Verified =
  | { readonly kind: 'caller'; readonly caller: Caller }
  | { readonly kind: 'administratorAt'; readonly identity: ConnectionIdentity }
  | { readonly kind: 'listing'; readonly organization: string; readonly caller: Caller | undefined };

const verifiedByResponse = new WeakMap<Response, Verified>();
const MAX_TOKEN_LENGTH = 16_384;

export function verifiedOf(response: Response): Verified {
  const verified = verifiedByResponse.get(response);
  if (verified === undefined) throw new Error('A route ran without passing the authorization layer');
  return verified;
}

export function callerOf(response: Response): Caller {
  const verified = verifiedOf(response);
  if (verified.kind !== 'caller') throw new Error('This route needs a verified caller');
  return verified.caller;
}

function userToken(request: Request): string {
  const token = request.get(USER_TOKEN_HEADER)?.trim();
  if (token === undefined || token === '' || token.length > MAX_TOKEN_LENGTH || /\s/.test(token))
    throw new HttpError(
      401,
      'missing_user_token',
      `Send the user's Azure DevOps access token (SDK.getAccessToken()) as "${USER_TOKEN_HEADER}".`,
    );
  return token;
}

function asHttpError(error: unknown): unknown {
  return error instanceof AccessDeniedError ? new HttpError(error.status, error.code, error.message) : error;
}

/**
 * The one authorization layer: after the app token is verified, every API request is matched to its
 * route's guard (routeRequirements.ts) and refused unless the user's own Azure DevOps token proves the
 * organization and the role. A path without a guard is refused as not found, so no route runs unguarded.
 */
export function authorizeRequests(access: AccessService, allowedOrigins: readonly string[]): RequestHandler {
  return async (request, response, next) => {
    const guard = guardFor(request.method, request.path);
    if (guard === undefined)
      throw new HttpError(
        404,
        'not_found',
        `No API route ${request.method} ${request.baseUrl}${request.path}.`,
      );
    const appUserId = typeof response.locals['userId'] === 'string' ? response.locals['userId'] : undefined;
    try {
      if (guard.kind === 'organization') {
        const caller = await access.authorize({
          appUserId,
          userToken: userToken(request),
          organization: guard.organization,
          requirement: guard.requirement,
        });
        verifiedByResponse.set(response, { kind: 'caller', caller });
      } else if (guard.kind === 'listing') {
        const organization = request.get(ORGANIZATION_HEADER)?.trim() ?? '';
        if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,49}$/.test(organization))
          throw new HttpError(
            400,
            'missing_organization',
            `Name the organization the hub runs in as "${ORGANIZATION_HEADER}" (SDK.getHost().name).`,
          );
        const token = userToken(request);
        const caller = await access
          .authorize({ appUserId, userToken: token, organization, requirement: { role: 'member' } })
          .catch((error: unknown) => {
            // Not connected: nothing to show and nothing to verify against.
            if (error instanceof AccessDeniedError && error.code === 'organization_not_connected')
              return undefined;
            throw error;
          });
        verifiedByResponse.set(response, { kind: 'listing', organization, caller });
      } else {
        // The body's shape first (400, nothing verified yet), then the URL policy (422), then Azure DevOps.
        const body = connectOrganizationRequestSchema.safeParse(request.body ?? {});
        if (!body.success) throw invalidInput(body.error, 'body');
        const url = body.data.organizationUrl;
        let address;
        try {
          address = parseOrganizationUrl(url, allowedOrigins);
        } catch (error) {
          if (!(error instanceof InvalidOrganizationUrlError)) throw error;
          throw new HttpError(
            422,
            'invalid_organization_url',
            `organizationUrl ${error.message}.`,
            'organizationUrl',
          );
        }
        const identity = await access.authorizeAdministratorAt({
          appUserId,
          userToken: userToken(request),
          address,
        });
        verifiedByResponse.set(response, { kind: 'administratorAt', identity });
      }
    } catch (error) {
      if (error instanceof AzureDevOpsAccessError)
        throw new HttpError(422, error.problem, error.message, 'organizationUrl');
      throw asHttpError(error);
    }
    next();
  };
}
