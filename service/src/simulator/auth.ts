import type { IncomingMessage } from 'node:http';

export type AuthOutcome = 'authenticated' | 'anonymous' | 'rejected';

/**
 * PAT as the password of basic auth (any user name, as the service accepts) or as a bearer token.
 * Anything else that is present but wrong is `rejected`.
 */
export function authenticate(request: IncomingMessage, pat: string): AuthOutcome {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') return 'anonymous';
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
  if (credentials === '') return 'anonymous';
  if (scheme.toLowerCase() === 'bearer') return credentials === pat ? 'authenticated' : 'rejected';
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const password = separator === -1 ? decoded : decoded.slice(separator + 1);
    return password === pat ? 'authenticated' : 'rejected';
  }
  return 'rejected';
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
