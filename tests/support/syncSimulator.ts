import { createAdoConnection } from '../../service/src/ado/clients.ts';
import { silentLogger } from '../../service/src/logger.ts';
import type { RunningSimulator } from '../../service/src/simulator/index.ts';
import { syncOrganization } from '../../service/src/sync/syncOrganization.ts';

type SyncDependencies = Parameters<typeof syncOrganization>[0];

/** One sync run of the simulator's organization with the real client library, quietly logged by default. */
export function syncSimulator(
  simulator: RunningSimulator,
  options: Omit<SyncDependencies, 'createConnection' | 'logger' | 'target'> &
    Partial<Pick<SyncDependencies, 'logger'>>,
): ReturnType<typeof syncOrganization> {
  return syncOrganization({
    createConnection: createAdoConnection,
    logger: silentLogger,
    ...options,
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}
