/** Prepares test items the way the engine does, so metric tests read as (items, range) → numbers. */
import type { FlowItem } from '../../../../service/src/domain/records.ts';
import { dayIndex, endOfDay } from '../../../../service/src/metrics/calendar.ts';
import type { PrepareOptions, PreparedFlow } from '../../../../service/src/metrics/flow/prepare.ts';
import { prepareFlow } from '../../../../service/src/metrics/flow/prepare.ts';
import type { FlowSnapshot } from '../../../../service/src/metrics/flow/snapshot.ts';
import { snapshotAt } from '../../../../service/src/metrics/flow/snapshot.ts';
import { workflow } from './fixtures.ts';

export interface Prepared {
  flow: PreparedFlow;
  /** Snapshot at the end of a day in the flow's zone. */
  at(day: string): FlowSnapshot;
}

export function prepared(
  items: readonly FlowItem[],
  timeZone = 'UTC',
  options: Omit<PrepareOptions, 'timeZone'> = {},
): Prepared {
  const flow = prepareFlow(items, workflow, { timeZone, ...options });
  return { flow, at: (day) => snapshotAt(flow, endOfDay(day, timeZone)) };
}

export const day = dayIndex;
