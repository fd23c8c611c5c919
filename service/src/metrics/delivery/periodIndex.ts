import type { BuildChangeTable } from './buildChanges.ts';
import type { DailyDeployments } from './deploymentFrequency.ts';
import type { LeadTimeColumns } from './leadTimeColumns.ts';
import type { ProductionDeployment } from './model.ts';
import type { TypedArrays } from './scratch.ts';

/**
 * What the period figures need beyond the sorted arrays of PreparedDelivery, built in one pass
 * each: the few deployments that matter to a rate (failed, with incidents, rework) as sorted
 * positions, counts as prefix sums, and lead time numbers as columns. A period's figure is then a
 * pair of binary searches and a copy, whatever the number of weeks and sprints asked for.
 */
export interface PeriodIndex {
  /** BuildChangeTable number of each attempt's build (-1: no linked change). */
  attemptBuild: Int32Array;
  /** Positions in attempts of failed attempts. */
  failedAttempts: Int32Array;
  /** Canceled attempts among attempts[0 … i - 1]. */
  canceledBefore: Int32Array;
  /** Successful deployments with at least one linked change among successful[0 … i - 1]. */
  withChangesBefore: Int32Array;
  /** Positions in successful of deployments with attributed incidents. */
  withIncidents: Int32Array;
  /** Positions in successful of rework deployments (a linked change and rework evidence). */
  withRework: Int32Array;
  leadTimes: LeadTimeColumns;
  table: BuildChangeTable;
  /**
   * Successful days never decrease in finish order (they can only go back where a zone turns its
   * clocks back across midnight): each day's deployments are then one run, the same in every period
   * that contains the day, so its row is built once and shared.
   */
  daysAscending: boolean;
  dailyByDay: Map<number, DailyDeployments>;
  /** Change ids of each build (by table number), built on first use and shared by its redeploys. */
  changeIdsByBuild: (readonly string[] | undefined)[];
}

/** Positions of the items that `keep` holds for, ascending. */
function positionsWhere<T>(items: readonly T[], keep: (item: T) => boolean, arrays: TypedArrays): Int32Array {
  const kept = new Uint8Array(items.length);
  let count = 0;
  items.forEach((item, i) => {
    if (keep(item)) {
      kept[i] = 1;
      count++;
    }
  });
  const positions = arrays.int32(count);
  let n = 0;
  for (let i = 0; i < kept.length; i++) if (kept[i] === 1) positions[n++] = i;
  return positions;
}

/** before[i]: how many of items[0 … i - 1] `count` holds for. */
function countsBefore<T>(items: readonly T[], count: (item: T) => boolean, arrays: TypedArrays): Int32Array {
  const before = arrays.int32(items.length + 1);
  items.forEach((item, i) => (before[i + 1] = (before[i] ?? 0) + (count(item) ? 1 : 0)));
  return before;
}

function ascending(days: Int32Array): boolean {
  for (let i = 1; i < days.length; i++) if ((days[i] ?? 0) < (days[i - 1] ?? 0)) return false;
  return true;
}

export function periodIndexOf(
  attempts: { attempts: readonly ProductionDeployment[]; build: Int32Array },
  successful: { deployments: readonly ProductionDeployment[]; days: Int32Array },
  leadTimes: LeadTimeColumns,
  table: BuildChangeTable,
  arrays: TypedArrays,
): PeriodIndex {
  return {
    attemptBuild: attempts.build,
    failedAttempts: positionsWhere(attempts.attempts, (a) => a.attemptClass === 'failed', arrays),
    canceledBefore: countsBefore(attempts.attempts, (a) => a.attemptClass === 'canceled', arrays),
    withChangesBefore: countsBefore(successful.deployments, (d) => d.changeCount > 0, arrays),
    withIncidents: positionsWhere(successful.deployments, (d) => d.incidents.length > 0, arrays),
    withRework: positionsWhere(successful.deployments, (d) => d.changeCount > 0 && d.reworkSlot >= 0, arrays),
    leadTimes,
    table,
    daysAscending: ascending(successful.days),
    dailyByDay: new Map(),
    // Sized up front: filled in drill-down order, a growing array would turn sparse (and slow).
    changeIdsByBuild: new Array<readonly string[] | undefined>(table.builds.size),
  };
}
