import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * Mints app tokens the way Azure DevOps does for an installed extension (HS256 with the extension's
 * secret, ~70 minutes), so the preview exercises the same verification path as production.
 */
export function createDemoTokenMinter(secret: string, user: { id: string }): () => Promise<string> {
  const key = new TextEncoder().encode(secret);
  return () =>
    new SignJWT({ nameid: user.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('app.vstoken.visualstudio.com')
      .setAudience('seika-preview')
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('70m')
      .sign(key);
}

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
