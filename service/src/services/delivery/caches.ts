/**
 * The delivery service's caches, keyed by data version like the ETags: a project's records are read once
 * per version and shared by the project and its teams; a scope's records are sorted and joined once per
 * zone and shared by its views; each view (scope, zone, range) is computed once and shared by every
 * endpoint that answers from it, concurrent requests included.
 */
import {
  deploymentRowCount,
  LinkTable,
  type AttributionVia,
  type DeliveryInput,
  type DeliveryReport,
  type Links,
  type PreparedDelivery,
} from '../../metrics/delivery/index.ts';
import type { DeliveryRecords } from '../../storage/delivery/repository.ts';
import { ResultCache } from '../flow/resultCache.ts';
import type { ScopedInput } from './scope.ts';

/** One view's computation: the scoped input and the report. */
export interface Computed {
  input: DeliveryInput;
  attributionVia: ReadonlyMap<number, AttributionVia> | undefined;
  report: DeliveryReport;
}

export interface DeliveryCaches {
  records: ResultCache<DeliveryRecords>;
  /** A scope's records with changes linked to builds (what every view of it computes from). */
  inputs: ResultCache<ScopedInput>;
  /** A scope's input prepared for one zone (prepareDelivery): what every range of it reads. */
  prepared: ResultCache<PreparedDelivery>;
  results: ResultCache<Computed>;
}

/**
 * Limits in record objects (deployments, changes, build commits, incidents, link objects, drill-down rows
 * and lead time samples; a few hundred bytes each). A 200,000-build organization's busiest project holds
 * about 30,000 records; one project holding all 200,000 builds about 760,000 (some 330 MB), and its
 * records still fit, so its later views reuse them. Inputs and views share the records' objects and
 * weigh only what they add, except a project's input read from the stored linked input (storedInput.ts):
 * it holds its own records, which the records cache then does not, so inputs may weigh the records' share
 * too. A preparation weighs its attempt and incident objects and its columns (as slots); the project of
 * 200,000 builds prepares to about 250,000. Typically tens of MB are held, a few hundred at the largest
 * scale.
 */
export const DELIVERY_CACHE_LIMITS = {
  records: { maxEntries: 16, maxWeight: 800_000 },
  inputs: { maxEntries: 32, maxWeight: 1_400_000 },
  prepared: { maxEntries: 32, maxWeight: 600_000 },
  results: { maxEntries: 64, maxWeight: 600_000 },
} as const;

/** Array slots and typed-array columns cost a few bytes where a record object costs a few hundred. */
const SLOTS_PER_RECORD = 32;

function recordCount(records: {
  deployments: readonly unknown[];
  changes: readonly unknown[];
  incidents: readonly unknown[];
}): number {
  return records.deployments.length + records.changes.length + records.incidents.length;
}

/** Link objects weigh as records; a LinkTable's columns (13 bytes a link) as slots. */
function linkWeight(links: Links): number {
  return links instanceof LinkTable ? links.length / SLOTS_PER_RECORD : links.length;
}

/** What a scope's input adds to its project's records (its team-filtered arrays), or its own records; and its links. */
function inputWeight(scoped: ScopedInput): number {
  const { input } = scoped;
  const records = scoped.ownsRecords === true ? recordCount(input) : recordCount(input) / SLOTS_PER_RECORD;
  return records + linkWeight(input.links);
}

/** What a preparation adds: an object per attempt and incident (and its attribution), columns as slots. */
function preparedWeight(prepared: PreparedDelivery): number {
  const columns = prepared.leadTimeDays.length * 8 + prepared.index.table.changeIndices.length * 2;
  return prepared.attempts.length + 2 * prepared.incidents.length + columns / SLOTS_PER_RECORD;
}

/** What a view adds: drill-down rows and the lead time samples a list may build (kept once built). */
function viewWeight(computed: Computed): number {
  const leadTime = computed.report.window.leadTimeForChanges;
  const samples = leadTime.status === 'ok' ? leadTime.changes : 0;
  const rows = deploymentRowCount(computed.report);
  return rows + samples + recordCount(computed.input) / SLOTS_PER_RECORD;
}

export function createDeliveryCaches(limits = DELIVERY_CACHE_LIMITS): DeliveryCaches {
  return {
    records: new ResultCache<DeliveryRecords>({
      ...limits.records,
      weigh: (records) => recordCount(records) + records.buildCommits.length,
    }),
    inputs: new ResultCache<ScopedInput>({
      ...limits.inputs,
      weigh: (scoped) => Math.ceil(inputWeight(scoped)),
    }),
    prepared: new ResultCache<PreparedDelivery>({
      ...limits.prepared,
      weigh: (prepared) => Math.ceil(preparedWeight(prepared)),
    }),
    results: new ResultCache<Computed>({
      ...limits.results,
      weigh: (computed) => Math.ceil(viewWeight(computed)),
    }),
  };
}
