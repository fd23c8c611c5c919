/**
 * Flow answers for one team. `open` is cheap (the organization and one version query, no items): the
 * router derives the ETag from the session's version key before anything is loaded or computed.
 */
import type { TeamPath } from '../../contract/index.ts';
import { dayOf } from '../../metrics/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { FlowDataVersion, TeamSettingsStore } from '../../storage/teamSettings.ts';
import { NotFoundError } from '../errors.ts';
import type { FlowSession } from './session.ts';
import type { TeamKey } from './teamData.ts';
import { teamNotSynchronised } from './teamData.ts';
import { createFlowSession } from './session.ts';
import type { OrganizationDirectory } from '../organizationDirectory.ts';
import { decodeTeamSettings } from '../teamSettings/codec.ts';

export type { FlowSession } from './session.ts';

/** Bumped when an answer's shape or maths changes, so ETags issued before no longer match. */
export const FLOW_ANSWER_REVISION = 'flow-2';

export interface FlowService {
  /** Resolves the organization (404 when unknown) and the data version; loads no items. */
  open(path: TeamPath): Promise<FlowSession>;
}

export interface FlowServiceDependencies {
  repository: SeikaRepository;
  organizations: OrganizationDirectory;
  /** Team settings and the data version; without it every team has default settings. */
  teamSettings?: TeamSettingsStore;
  now?: () => number;
}

type VersionReader = (key: TeamKey) => Promise<FlowDataVersion & { lastSync: string | undefined }>;

/** Without a settings store: defaults, and the last successful sync as the data version. */
function versionFromRepository(repository: SeikaRepository): VersionReader {
  return async (key) => {
    const [lastSync, scope] = await Promise.all([
      repository.lastSuccessfulSync(key.organization),
      repository.getTeamScope(key.organization, key.project, key.team),
    ]);
    return {
      settings: undefined,
      lastRawPage: null,
      finishedSyncRuns: 0,
      teamKnown: scope !== undefined,
      lastSync,
    };
  };
}

function versionFromStore(store: TeamSettingsStore): VersionReader {
  return async (key) => ({
    ...(await store.readVersion(key.organization, key.project, key.team)),
    lastSync: undefined,
  });
}

export function createFlowService(dependencies: FlowServiceDependencies): FlowService {
  const { repository, organizations, teamSettings } = dependencies;
  const now = dependencies.now ?? Date.now;
  const readVersion =
    teamSettings === undefined ? versionFromRepository(repository) : versionFromStore(teamSettings);
  return {
    async open(path) {
      const organization = await organizations.find(path.organization);
      if (organization === undefined) {
        throw new NotFoundError(
          `Organization "${path.organization}" is not connected to this Seika service.`,
        );
      }
      const key = { organization: organization.name, project: path.project, team: path.team };
      const version = await readVersion(key);
      // Known before any condition is evaluated: If-None-Match: * must not answer 304 for a missing team.
      if (!version.teamKnown) throw teamNotSynchronised(key);
      const settings = decodeTeamSettings(version.settings);
      const dataVersion = [
        FLOW_ANSWER_REVISION,
        organization.name,
        organization.url,
        organization.timeZone,
        path.project,
        path.team.toLowerCase(),
        String(version.lastRawPage),
        String(version.finishedSyncRuns),
        version.lastSync ?? '',
        version.settings?.updatedAt ?? 'default-settings',
      ];
      return createFlowSession({
        repository,
        organization,
        path,
        settings,
        now,
        versionKey: (timeZone) => [...dataVersion, dayOf(now(), timeZone)].join('\n'),
      });
    },
  };
}
