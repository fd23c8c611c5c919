/**
 * The authorization layer for servers tests build with createApp: against the simulator (its users,
 * connectionData and permissions API over HTTP), or against a fixed Azure DevOps double for hand-seeded
 * databases that have no simulator behind them.
 */
import { randomUUID } from 'node:crypto';
import { createAccessService, type AccessService } from '../../service/src/services/access/accessService.ts';
import {
  AzureDevOpsAccessError,
  type AzureDevOpsAccessPort,
} from '../../service/src/services/access/azureDevOps.ts';
import { createHttpAzureDevOps } from '../../service/src/services/access/httpAzureDevOps.ts';
import { staticOrganizationDirectory } from '../../service/src/services/organizationDirectory.ts';
import type { RunningSimulator } from '../../service/src/simulator/index.ts';

export interface TestCaller {
  userId: string;
  userToken: string;
}

/** Access control over the simulator's organizations (all of them, connected under their own names). */
export function simulatorAccess(simulator: RunningSimulator, timeZone = 'Asia/Tokyo'): AccessService {
  return createAccessService({
    directory: staticOrganizationDirectory(
      simulator.organizations.map((organization) => ({
        name: organization.name,
        url: organization.url,
        timeZone,
        instanceId: organization.instanceId,
      })),
    ),
    azureDevOps: createHttpAzureDevOps(),
  });
}

/**
 * A member with a project role in the simulator's (first) organization. `administrator` also
 * administers every team; the owner (Project Collection Administrator) is `simulatorOwner`.
 */
export function simulatorMember(
  simulator: RunningSimulator,
  role: 'reader' | 'contributor' | 'administrator',
  name = `${role}-${Math.random().toString(36).slice(2, 8)}`,
): TestCaller {
  const { identities, model } = simulator;
  const userId = randomUUID();
  identities.addUser({ id: userId, displayName: name, uniqueName: `${name}@seika.example.com` });
  identities.join(simulator.organization, userId, {
    projects: Object.fromEntries(model.projects.map((project) => [project.id, role])),
  });
  return {
    userId,
    userToken: identities.issueToken({ userId, organization: simulator.organization, kind: 'access' }),
  };
}

/** The token every request of a seeded (simulator-less) harness carries. */
export const SEEDED_CALLER: TestCaller = { userId: 'user-1', userToken: 'seeded-user-token' };

/**
 * Azure DevOps for hand-seeded organizations: SEEDED_CALLER is a member (and administrator) of each;
 * any other token is refused as Azure DevOps refuses an unknown one.
 */
export function seededAccess(
  organizations: readonly { name: string; url: string; timeZone: string }[],
): AccessService {
  const port: AzureDevOpsAccessPort = {
    async connectionData(organizationUrl, credential) {
      if (credential.token !== SEEDED_CALLER.userToken)
        throw new AzureDevOpsAccessError('credentials_refused', 'unknown token');
      return {
        userId: SEEDED_CALLER.userId,
        displayName: 'Seeded user',
        instanceId: `instance:${organizationUrl}`,
      };
    },
    hasPermissions: async (_url, _credential, _namespace, _bits, tokens) => tokens.map(() => true),
    project: async (_url, _credential, project) => ({
      id: `project:${project.toLowerCase()}`,
      name: project,
    }),
    team: async (_url, _credential, _projectId, team) => ({ id: `team:${team.toLowerCase()}`, name: team }),
    refusedAreas: async () => [],
  };
  return createAccessService({
    directory: staticOrganizationDirectory(
      organizations.map((organization) => ({ ...organization, instanceId: `instance:${organization.url}` })),
    ),
    azureDevOps: port,
  });
}
