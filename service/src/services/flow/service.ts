/**
 * Flow answers for one team. `open` is cheap (the organization and one version query of index seeks, no
 * items): the router derives the ETag from the session's version key before anything is loaded or
 * computed. Loads and computations are shared through caches keyed by the same version.
 */
import type { TeamPath } from '../../contract/index.ts';
import { dayOf } from '../../metrics/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { TeamSettingsStore } from '../../storage/teamSettings.ts';
import { ResultCache } from './resultCache.ts';
import { NotFoundError } from '../errors.ts';
import type { ColumnHistory, FlowCaches, FlowSession, Measured } from './session.ts';
import type { TeamFlowData, TeamKey } from './teamData.ts';
import { teamNotSynchronised } from './teamData.ts';
import { createFlowSession } from './session.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings } from '../teamSettings/codec.ts';
import { teamDataStamp } from './dataVersion.ts';

export type { FlowCaches, FlowSession } from './session.ts';

/** Bumped when an answer's shape or maths changes, so ETags issued before no longer match. */
export const FLOW_ANSWER_REVISION = 'flow-2';

export interface FlowService {
  /** Resolves the organization (404 when unknown) and the data version; loads no items. */
  open(path: TeamPath): Promise<FlowSession>;
}

export interface FlowServiceDependencies {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  /** Team settings; without it every team has default settings. */
  teamSettings?: TeamSettingsStore;
  now?: () => number;
  /** Shared by every session of this service; replaceable so a test can inspect it. */
  caches?: FlowCaches;
}

/**
 * What the flow caches may hold, in records (items + transitions for team data, board-column moves for
 * column histories, measured items for computed metrics). At roughly 150–250 bytes a record the defaults
 * keep about 100 MB of team data, 25 MB of column moves and well under 100 MB of computed results
 * (a result holds per-item rows and daily series of its range); least recently used entries go first.
 */
export const FLOW_CACHE_LIMITS = {
  teamData: { maxEntries: 32, maxWeight: 600_000 },
  columnHistory: { maxEntries: 32, maxWeight: 150_000 },
  results: { maxEntries: 128, maxWeight: 600_000 },
} as const;

export function createFlowCaches(limits = FLOW_CACHE_LIMITS): FlowCaches {
  return {
    teamData: new ResultCache<TeamFlowData>({
      ...limits.teamData,
      weigh: (data) => data.items.reduce((sum, item) => sum + 1 + item.transitions.length, 0),
    }),
    columnHistory: new ResultCache<ColumnHistory>({
      ...limits.columnHistory,
      weigh: (history) => [...history.values()].reduce((sum, moves) => sum + moves.length, 0),
    }),
    results: new ResultCache<Measured>({
      ...limits.results,
      weigh: (measured) => measured.metrics.itemCount,
    }),
  };
}

/** Without a settings store every team has default settings, whatever is stored. */
async function readVersion(repository: SeikaRepository, key: TeamKey, withSettings: boolean) {
  const version = await repository.readTeamDataVersion(key.organization, key.project, key.team);
  return withSettings ? version : { ...version, settings: undefined };
}

export function createFlowService(dependencies: FlowServiceDependencies): FlowService {
  const { repository, organizations, teamSettings } = dependencies;
  const now = dependencies.now ?? Date.now;
  const caches = dependencies.caches ?? createFlowCaches();
  return {
    async open(path) {
      const organization = await organizations.find(path.organization);
      if (organization === undefined) {
        throw new NotFoundError(
          `Organization "${path.organization}" is not connected to this Seika service.`,
        );
      }
      const key = { organization: organization.name, project: path.project, team: path.team };
      const version = await readVersion(repository, key, teamSettings !== undefined);
      // Known before any condition is evaluated: If-None-Match: * must not answer 304 for a missing team.
      if (!version.teamKnown) throw teamNotSynchronised(key);
      const settings = decodeTeamSettings(version.settings);
      // The team's own data version, not the organization's: other teams' pages leave its caches be.
      const dataVersion = [
        FLOW_ANSWER_REVISION,
        organization.name,
        organization.url,
        organization.timeZone,
        path.project,
        path.team.toLowerCase(),
        String(teamDataStamp(version)),
        version.settings?.updatedAt ?? 'default-settings',
      ];
      const computeKey = (timeZone: string) => [...dataVersion, dayOf(now(), timeZone)].join('\n');
      return createFlowSession({
        repository,
        caches,
        dataKey: dataVersion.join('\n'),
        organization,
        path,
        settings,
        now,
        computeKey,
        syncedAt: version.lastSuccessfulSync,
        // Answers carry syncedAt, so their ETags (not the computations) follow the last successful sync.
        versionKey: (timeZone) => [computeKey(timeZone), version.lastSuccessfulSync ?? 'never'].join('\n'),
      });
    },
  };
}
