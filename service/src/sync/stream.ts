import type { AdoConnection } from '../ado/clients.ts';
import type { AdoScope } from '../ado/scopes.ts';
import type { StreamFeature } from '../contract/syncStatus.ts';
import type { Logger } from '../logger.ts';
import type { ProductionRule } from '../metrics/delivery/production.ts';
import type { DeliveryRepository, IncidentRule } from '../storage/delivery/repository.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import type { StreamProgress } from './progress.ts';
import type { SyncSettings } from './syncSettings.ts';

export interface StreamContext {
  organization: string;
  connection: AdoConnection;
  repository: SeikaRepository;
  /** Delivery storage; streams that declare `needsDelivery` fail without it. */
  delivery?: DeliveryRepository;
  logger: Logger;
  progress: StreamProgress;
  maxPageSize?: number;
  /** The project's production mark (its saved delivery settings); the default /prod/i when absent. */
  productionRule?: (project: string) => Promise<ProductionRule>;
  /** The project's incident rule (its saved delivery settings); the default (Bug tagged incident) when absent. */
  incidentRule?: (project: string) => Promise<IncidentRule>;
  /** The run's clock (refresh cadence, backfill horizon). */
  now?: () => number;
  /** Overrides of the environment's sync settings (tests). */
  settings?: Partial<SyncSettings>;
  /** Read team metadata whatever its age (a full run asked for it). */
  refreshMetadata?: boolean;
  /** The run named this stream (a service hook or an operator asked for it): no cadence skips it. */
  namedStream?: boolean;
}

/**
 * A stream's page size: the largest its API allows (fewest requests), unless the sync's `maxPageSize`
 * (SEIKA_SYNC_PAGE_SIZE, or tests forcing many pages) asks for less.
 */
export function pageSizeFor(maxPageSize: number | undefined, largest: number): number {
  return Math.min(maxPageSize ?? largest, largest);
}

export interface StreamResult {
  pages: number;
  items: number;
}

/** What a stream's data serves: without the stream's scopes, users lose this feature's figures. */
export type { StreamFeature } from '../contract/syncStatus.ts';

/** The PAT scopes every request of a stream needs (any one missing refuses the stream) and what it feeds. */
export interface StreamAccess {
  readonly scopes: readonly AdoScope[];
  readonly feature: StreamFeature;
}

/** One independent thing to copy (revisions, metadata, builds …); streams of an organization run concurrently. */
export interface SyncStream {
  readonly name: string;
  readonly access: StreamAccess;
  /** Streams whose rows this one reads: when they run in the same sync, it starts once they have ended. */
  readonly after?: readonly string[];
  /** Writes delivery rows: a full sync without a delivery store leaves it out. */
  readonly needsDelivery?: boolean;
  run(context: StreamContext): Promise<StreamResult>;
}
