import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { RunningSimulator } from '../simulator/index.ts';

/**
 * The access token the preview host answers SDK.getAccessToken() with (extension/src/preview-host):
 * the demo user's, valid in the demo organization of the simulator only.
 */
export const PREVIEW_ACCESS_TOKEN = 'seika-preview-access-token';

/** The preview's user as an organization administrator of the simulated organization. */
export function seatDemoUser(
  simulator: RunningSimulator,
  user: { id: string; name: string; displayName: string },
): void {
  const { identities, model } = simulator;
  identities.addUser({ id: user.id, displayName: user.displayName, uniqueName: user.name });
  identities.join(simulator.organization, user.id, {
    collectionAdministrator: true,
    projects: Object.fromEntries(model.projects.map((project) => [project.id, 'administrator' as const])),
  });
  identities.registerToken(PREVIEW_ACCESS_TOKEN, {
    userId: user.id,
    kind: 'access',
    organization: simulator.organization,
    scopes: 'full',
    expiresAt: undefined,
  });
}

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
