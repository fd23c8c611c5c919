/**
 * Data-quality flags per item (metric definitions § Workflow): skipped start, reopened, backward move,
 * more than one start, state not in any category. Evaluated on the real state history up to an instant.
 */
import type { PreparedFlow } from './prepare.ts';
import type { WorkflowFlags } from './workflow.ts';
import { UNKNOWN_CATEGORY, resolveCodes } from './workflow.ts';

export type DataQualityFlag = keyof WorkflowFlags;

export const DATA_QUALITY_FLAGS: readonly DataQualityFlag[] = [
  'skippedStart',
  'reopened',
  'backwardMove',
  'multipleStarts',
  'stateNotInCategory',
];

export interface FlaggedItem {
  id: number;
  title: string;
  flags: DataQualityFlag[];
  /** States in no category, when flagged so. */
  unknownStates: string[];
}

export interface DataQualityReport {
  /** Items with at least one flag, by id. */
  items: FlaggedItem[];
  counts: Record<DataQualityFlag, number>;
}

export function dataQuality(flow: PreparedFlow, asOf: number): DataQualityReport {
  const counts: Record<DataQualityFlag, number> = {
    skippedStart: 0,
    reopened: 0,
    backwardMove: 0,
    multipleStarts: 0,
    stateNotInCategory: 0,
  };
  const items: FlaggedItem[] = [];
  const { offsets, times, codes, stateIds } = flow.states;
  for (let item = 0; item < flow.records.length; item++) {
    const record = flow.records[item];
    const resolved = resolveCodes(times, codes, asOf, offsets[item], offsets[item + 1]);
    const { skippedStart, reopened, backwardMove, multipleStarts, stateNotInCategory } = resolved.flags;
    if (
      record === undefined ||
      !(skippedStart || reopened || backwardMove || multipleStarts || stateNotInCategory)
    ) {
      continue;
    }
    const flags = DATA_QUALITY_FLAGS.filter((flag) => resolved.flags[flag]);
    for (const flag of flags) counts[flag]++;
    const unknownStates = new Set<string>();
    for (let i = offsets[item] ?? 0; i <= resolved.lastIndex; i++) {
      if (codes[i] === UNKNOWN_CATEGORY) unknownStates.add(flow.stateNames[stateIds[i] ?? -1] ?? '');
    }
    items.push({ id: record.id, title: record.title, flags, unknownStates: [...unknownStates] });
  }
  items.sort((a, b) => a.id - b.id);
  return { items, counts };
}
