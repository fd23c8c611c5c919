import type { RequestHandler } from 'express';
import { errors as joseErrors, jwtVerify } from 'jose';
import { errorBody, HttpError } from './httpErrors.ts';

/**
 * Verifies the extension's app token (SDK.getAppToken()): a JWT signed HS256 with the extension's
 * certificate secret from the Marketplace. The token names the user but not the organization.
 */
export function requireAppToken(secret: string): RequestHandler {
  const key = new TextEncoder().encode(secret);
  return async (request, response, next) => {
    const header = request.get('authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (token === undefined) {
      const error = new HttpError(
        401,
        'missing_token',
        'Send the Azure DevOps app token as "Authorization: Bearer <token>" (SDK.getAppToken()).',
      );
      response.status(401).json(errorBody(error));
      return;
    }
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        clockTolerance: 30,
        requiredClaims: ['exp'],
      });
      response.locals['userId'] = typeof payload['nameid'] === 'string' ? payload['nameid'] : undefined;
      next();
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      const body = new HttpError(
        401,
        expired ? 'token_expired' : 'invalid_token',
        expired
          ? 'The app token has expired; reload the page to get a new one.'
          : 'The app token is not valid for this service (wrong signature or malformed).',
      );
      response.status(401).json(errorBody(body));
    }
  };
}
