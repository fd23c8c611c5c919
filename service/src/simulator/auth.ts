import type { IncomingMessage } from 'node:http';

import type { IdentityDirectory, TokenGrant } from './identity/directory.ts';

export type AuthOutcome = 'authenticated' | 'anonymous' | 'rejected';

/**
 * The token a request presents: the PAT or access token as the password of basic auth (any user name,
 * as the service accepts) or as a bearer token. null: no credentials; '' : a scheme the service refuses.
 */
export function presentedToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') return null;
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
  if (credentials === '') return null;
  if (scheme.toLowerCase() === 'bearer') return credentials;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    return separator === -1 ? decoded : decoded.slice(separator + 1);
  }
  return '';
}

/** Compares the request's credentials with one PAT. Anything present but wrong is `rejected`. */
export function authenticate(request: IncomingMessage, pat: string): AuthOutcome {
  const token = presentedToken(request);
  if (token === null) return 'anonymous';
  return token === pat ? 'authenticated' : 'rejected';
}

/**
 * Who a request is, in one organization: `rejected` for a token Azure DevOps does not know (it answers
 * its sign-in page), `forbidden` for a live token of a user who is not a member of this organization or
 * that was issued for another one (it answers 401 TF400813 naming the user).
 */
export type Identification =
  | { readonly outcome: 'authenticated'; readonly grant: TokenGrant }
  | { readonly outcome: 'anonymous' }
  | { readonly outcome: 'rejected' }
  | { readonly outcome: 'forbidden'; readonly userId: string };

export function identify(
  request: IncomingMessage,
  directory: IdentityDirectory,
  organization: string,
): Identification {
  const token = presentedToken(request);
  if (token === null) return { outcome: 'anonymous' };
  const grant = token === '' ? undefined : directory.resolve(token);
  if (grant === undefined) return { outcome: 'rejected' };
  const member = directory.membership(organization, grant.userId) !== undefined;
  if (!member || grant.organization !== organization.toLowerCase())
    return { outcome: 'forbidden', userId: grant.userId };
  return { outcome: 'authenticated', grant };
}

/**
 * What Azure DevOps Services answers (status 203) when credentials are present but invalid: it
 * redirects to its sign-in page. azure-devops-node-api cannot parse this and returns null.
 */
export const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="utf-8"><title>Azure DevOps Services | Sign In</title></head>
<body>
<div class="signin">
<h1>Azure DevOps</h1>
<p>Sign in to continue to Azure DevOps.</p>
<a href="https://app.vssps.visualstudio.com/_signin?realm=dev.azure.com">Sign in</a>
</div>
</body>
</html>
`;

export const WWW_AUTHENTICATE =
  'Bearer authorization_uri=https://login.microsoftonline.com/common, Basic realm="https://dev.azure.com/"';
