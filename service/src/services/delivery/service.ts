/**
 * Delivery answers for a project or one of its teams. `open` is cheap (the organization and one version
 * query, no records): the router derives the ETag from the session's version key before anything is
 * loaded or computed.
 */
import type { DeliveryPath } from '../../contract/index.ts';
import { prepareDelivery, reportFromPrepared } from '../../metrics/delivery/index.ts';
import type { DeliveryRepository } from '../../storage/delivery/repository.ts';
import type { DeliverySettingsStore } from '../../storage/delivery/settings.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import type { StreamStatusStore } from '../../storage/tenants.ts';
import { teamNotMapped, type MissingMapping } from './errors.ts';
import type { DeliveryScope } from './scope.ts';
import { createDeliverySession, type DeliveryEngine, type DeliverySession } from './session.ts';
import { createDeliveryCaches, type DeliveryCaches } from './caches.ts';
import { recomputationPending } from './recompute.ts';
import { decodeDeliverySettings, recomputeMarkOf, teamMappingOf } from './settingsCodec.ts';
import type { DeliveryPending, ProjectDeliverySettings } from '../../contract/index.ts';
import { NotFoundError } from '../errors.ts';
import { teamNotSynchronised } from '../flow/teamData.ts';
import type { ConnectedOrganization, OrganizationDirectory } from '../organizationDirectory.ts';
import type { DeliveryCalendarSource } from '../calendar/deliveryCalendar.ts';
import {
  effectiveHolidayCalendar,
  NO_TEAM_CALENDAR,
  nonWorkingDaysBetween,
  teamWorkingCalendar,
} from '../../metrics/targets/index.ts';

export type { DeliverySession } from './session.ts';

/** Weekends and the zone's national holidays: the calendar while no calendar source is wired. */
async function defaultNonWorkingDays(range: { from: string; to: string; timeZone: string }) {
  const calendar = teamWorkingCalendar(NO_TEAM_CALENDAR, [], effectiveHolidayCalendar(null, range.timeZone));
  return Promise.resolve(nonWorkingDaysBetween(range.from, range.to, calendar, []));
}

/** Bumped when an answer's shape or maths changes, so ETags issued before no longer match. */
export const DELIVERY_ANSWER_REVISION = 'delivery-2';

export interface DeliveryService {
  /** Resolves the organization, project and team (404 when unknown, 409 when the team is not mapped); loads no records. */
  open(path: DeliveryPath): Promise<DeliverySession>;
}

export interface DeliveryServiceDependencies {
  repository: SeikaRepository;
  delivery: DeliveryRepository;
  organizations: OrganizationDirectory;
  settings: DeliverySettingsStore;
  /**
   * The sync's per-stream state, read only while a production-mark change may await its recomputation;
   * without it (a store nothing syncs) no answer is ever pending.
   */
  streamStatus?: Pick<StreamStatusStore, 'list'>;
  /** The engine; replaceable so a test can count preparations and computations. */
  engine?: DeliveryEngine;
  /** Shared by every session of this service; replaceable so a test can inspect it. */
  caches?: DeliveryCaches;
  /** Non-working days for the calendar; without it, weekends and the zone's national holidays only. */
  calendar?: DeliveryCalendarSource;
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

/** The metrics engine, its range-independent step (prepareDelivery) shared by a scope's views. */
export const DELIVERY_ENGINE: DeliveryEngine = { prepare: prepareDelivery, report: reportFromPrepared };

export function createDeliveryService(dependencies: DeliveryServiceDependencies): DeliveryService {
  const engine = dependencies.engine ?? DELIVERY_ENGINE;
  const caches = dependencies.caches ?? createDeliveryCaches();
  /**
   * Changes seen settled by this instance. Settled stays settled (later runs only move on), so no later
   * run in progress turns an answer pending again, and a settled change costs no further status read.
   */
  const settled = new Set<string>();

  async function pendingOf(
    organization: string,
    project: string,
    mark: DeliveryPending | undefined,
  ): Promise<DeliveryPending | null> {
    if (mark === undefined || dependencies.streamStatus === undefined) return null;
    const key = [organization, project, mark.since].join('\n');
    if (settled.has(key)) return null;
    const pending = recomputationPending(mark, await dependencies.streamStatus.list(organization));
    if (pending === null) settled.add(key);
    return pending;
  }

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
      const pending = await pendingOf(organization.name, path.project, recomputeMarkOf(version.settings));
      const scope: DeliveryScope =
        path.team === undefined ? { kind: 'project' } : teamScope(settings, path.project, path.team);
      const projectVersion = [
        DELIVERY_ANSWER_REVISION,
        organization.name,
        organization.url,
        organization.timeZone,
        path.project,
        // The project's own delivery data version: other projects' pages leave its caches be.
        String(version.dataVersion),
        version.settings?.updatedAt ?? 'default-settings',
      ];
      const calendarScope = { organization: organization.name, project: path.project, team: path.team };
      // Company holidays and the team's holiday calendar change the calendar's shading, hence the ETag.
      const calendarVersion = (await dependencies.calendar?.version(calendarScope)) ?? 'default-calendar';
      // Pending or not is part of the answer: the ETag changes when the recomputation settles.
      const dataVersion = [
        ...projectVersion,
        path.team?.toLowerCase() ?? '',
        String(version.teamDataVersion),
        pending?.since ?? 'settled',
      ];
      return createDeliverySession({
        repository: dependencies.repository,
        delivery: dependencies.delivery,
        organization,
        project: path.project,
        scope,
        settings,
        pending,
        engine,
        caches,
        syncedAt: version.lastSuccessfulSync,
        recordsKey: projectVersion.join('\n'),
        scopeKey: dataVersion.join('\n'),
        versionKey: (timeZone) => [...dataVersion, timeZone, calendarVersion].join('\n'),
        nonWorkingDays: (range) =>
          dependencies.calendar?.nonWorkingDays(calendarScope, range) ?? defaultNonWorkingDays(range),
      });
    },
  };
}
