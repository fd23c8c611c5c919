/**
 * Delivery answers for a project or one of its teams. `open` is cheap (the organization and one version
 * query, no records): the router derives the ETag from the session's version key before anything is
 * loaded or computed.
 */
import type { DeliveryPath } from '../../contract/index.ts';
import { computeDeliveryMetrics } from '../../metrics/delivery/index.ts';
import type { DeliveryRepository } from '../../storage/delivery/repository.ts';
import type { DeliverySettingsStore } from '../../storage/delivery/settings.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import { teamNotMapped, type MissingMapping } from './errors.ts';
import type { DeliveryScope } from './scope.ts';
import { createDeliverySession, type ComputeDelivery, type DeliverySession } from './session.ts';
import { createDeliveryCaches, type DeliveryCaches } from './caches.ts';
import { decodeDeliverySettings, teamMappingOf } from './settingsCodec.ts';
import type { ProjectDeliverySettings } from '../../contract/index.ts';
import { NotFoundError } from '../errors.ts';
import { teamNotSynchronised } from '../flow/teamData.ts';
import type { ConnectedOrganization, OrganizationDirectory } from '../organizationDirectory.ts';

export type { DeliverySession } from './session.ts';

/** Bumped when an answer's shape or maths changes, so ETags issued before no longer match. */
export const DELIVERY_ANSWER_REVISION = 'delivery-1';

export interface DeliveryService {
  /** Resolves the organization, project and team (404 when unknown, 409 when the team is not mapped); loads no records. */
  open(path: DeliveryPath): Promise<DeliverySession>;
}

export interface DeliveryServiceDependencies {
  repository: SeikaRepository;
  delivery: DeliveryRepository;
  organizations: OrganizationDirectory;
  settings: DeliverySettingsStore;
  /** The engine; replaceable so a test can count computations. */
  compute?: ComputeDelivery;
  /** Shared by every session of this service; replaceable so a test can inspect it. */
  caches?: DeliveryCaches;
}

export async function findOrganization(
  organizations: OrganizationDirectory,
  name: string,
): Promise<ConnectedOrganization> {
  const organization = await organizations.find(name);
  if (organization === undefined) {
    throw new NotFoundError(`Organization "${name}" is not connected to this Seika service.`);
  }
  return organization;
}

export function projectNotSynchronised(project: string): NotFoundError {
  return new NotFoundError(
    `Project "${project}" has not been synchronised yet; check the name or wait for the first sync to finish.`,
  );
}

/** The team's mapped pipelines and repositories, or a 409 naming what is missing. */
function teamScope(settings: ProjectDeliverySettings, project: string, team: string): DeliveryScope {
  const mapping = teamMappingOf(settings, team);
  const missing: MissingMapping[] = [];
  if (
    mapping === undefined ||
    mapping.buildDefinitionIds.length + mapping.releaseDefinitionIds.length === 0
  ) {
    missing.push('pipelines');
  }
  if (mapping === undefined || mapping.repositories.length === 0) missing.push('repositories');
  if (mapping === undefined || missing.length > 0) throw teamNotMapped(project, team, missing);
  return { kind: 'team', team, mapping };
}

export function createDeliveryService(dependencies: DeliveryServiceDependencies): DeliveryService {
  const compute = dependencies.compute ?? computeDeliveryMetrics;
  const caches = dependencies.caches ?? createDeliveryCaches();
  return {
    async open(path) {
      const organization = await findOrganization(dependencies.organizations, path.organization);
      const version = await dependencies.settings.readVersion(organization.name, path.project, path.team);
      // Known before any condition is evaluated: If-None-Match: * must not answer 304 for a missing project.
      if (!version.projectKnown) throw projectNotSynchronised(path.project);
      if (path.team !== undefined && !version.teamKnown) {
        throw teamNotSynchronised({
          organization: organization.name,
          project: path.project,
          team: path.team,
        });
      }
      const settings = decodeDeliverySettings(version.settings);
      const scope: DeliveryScope =
        path.team === undefined ? { kind: 'project' } : teamScope(settings, path.project, path.team);
      const projectVersion = [
        DELIVERY_ANSWER_REVISION,
        organization.name,
        organization.url,
        organization.timeZone,
        path.project,
        String(version.lastRawPage),
        version.lastFinishedRun ?? '',
        version.settings?.updatedAt ?? 'default-settings',
      ];
      const dataVersion = [...projectVersion, path.team?.toLowerCase() ?? ''];
      return createDeliverySession({
        repository: dependencies.repository,
        delivery: dependencies.delivery,
        organization,
        project: path.project,
        scope,
        settings,
        compute,
        caches,
        recordsKey: projectVersion.join('\n'),
        scopeKey: dataVersion.join('\n'),
        versionKey: (timeZone) => [...dataVersion, timeZone].join('\n'),
      });
    },
  };
}
