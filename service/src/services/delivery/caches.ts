/**
 * The delivery service's caches, keyed by data version like the ETags: a project's records are read once
 * per version and shared by the project and its teams; each view (scope, zone, range) is computed once
 * and shared by every endpoint that answers from it, concurrent requests included.
 */
import type { DeliveryInput, DeliveryReport } from '../../metrics/delivery/index.ts';
import type { DeliveryRecords } from '../../storage/delivery/repository.ts';
import { ResultCache } from '../flow/resultCache.ts';
import type { ScopedInput } from './scope.ts';

/** One view's computation: the scoped input, the report and the sync it reflects. */
export interface Computed {
  input: DeliveryInput;
  attributionVia: ReadonlyMap<number, 'explicitLink' | 'lastBefore'> | undefined;
  report: DeliveryReport;
  syncedAt: string | null;
}

export interface DeliveryCaches {
  records: ResultCache<DeliveryRecords>;
  /** A scope's records with changes linked to builds (what every view of it computes from). */
  inputs: ResultCache<ScopedInput>;
  results: ResultCache<Computed>;
}

/**
 * Limits in records (deployments + changes + build commits + incidents). A 200,000-build organization's
 * busiest project holds about 30,000 of them; the defaults keep a handful of such projects and views
 * (a few hundred MB at most at the largest scale, typically tens).
 */
export const DELIVERY_CACHE_LIMITS = {
  records: { maxEntries: 16, maxWeight: 400_000 },
  inputs: { maxEntries: 32, maxWeight: 600_000 },
  results: { maxEntries: 64, maxWeight: 400_000 },
} as const;

function recordCount(records: {
  deployments: readonly unknown[];
  changes: readonly unknown[];
  incidents: readonly unknown[];
}): number {
  return records.deployments.length + records.changes.length + records.incidents.length;
}

export function createDeliveryCaches(limits = DELIVERY_CACHE_LIMITS): DeliveryCaches {
  return {
    records: new ResultCache<DeliveryRecords>({
      ...limits.records,
      weigh: (records) => recordCount(records) + records.buildCommits.length,
    }),
    inputs: new ResultCache<ScopedInput>({
      ...limits.inputs,
      weigh: (scoped) => recordCount(scoped.input) + scoped.input.links.length,
    }),
    results: new ResultCache<Computed>({
      ...limits.results,
      weigh: (computed) => recordCount(computed.input) + computed.input.links.length,
    }),
  };
}
