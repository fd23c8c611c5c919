/** Item-level sections: aging WIP with its zones, service levels, and data-quality flags with the history behind them. */
import type { AgingZone, DataQualityFlagName } from '../../contract/index.ts';
import type { FlowItem } from '../../domain/records.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import type { AgingEntry, FlowMetrics } from '../../metrics/index.ts';
import { dayOf, endOfDay, shareWithin } from '../../metrics/index.ts';
import { agingBoardOf, resolveAgingColumn } from './agingBoard.ts';
import type { SectionContext, Sections } from './sections.ts';
import { iso, itemUrl } from './sections.ts';

export const FLAG_DESCRIPTIONS: Record<DataQualityFlagName, string> = {
  skippedStart:
    'Completed without ever entering an InProgress or Resolved state: counted in throughput, no cycle time.',
  reopened: 'Left the Completed category after being completed; it counts once, at its final completion.',
  backwardMove: 'Moved to an earlier state category at least once (e.g. from InProgress back to Proposed).',
  multipleStarts:
    'Entered InProgress/Resolved from outside them more than once; cycle time runs from the first start.',
  stateNotInCategory: 'Was in a state the process maps to no category (renamed or deleted state).',
};

function zoneOf(entry: AgingEntry, lines: readonly { days: number | null }[]): AgingZone {
  if (lines.every((line) => line.days === null)) return 'noHistory';
  if (entry.pacePassed === null) return 'withinLowest';
  return entry.within === null ? 'beyondHighest' : 'between';
}

export function agingSection(metrics: FlowMetrics, context: SectionContext): Sections['aging'] {
  const { aging } = metrics;
  return {
    basis: aging.basisDay,
    lookback: aging.lookback,
    percentiles: aging.percentiles,
    items: aging.items.map((entry) => ({
      id: entry.id,
      title: entry.title,
      workItemType: entry.workItemType,
      url: itemUrl(context, entry.id),
      state: entry.state,
      category: entry.category,
      startedAt: iso(entry.startedAt),
      startedOn: entry.startedOn,
      ageDays: entry.ageDays,
      pacePassed: entry.pacePassed,
      within: entry.within,
      zone: zoneOf(entry, aging.percentiles),
      ...resolveAgingColumn(context.board, entry),
    })),
    board: agingBoardOf(context.board),
  };
}

export function serviceLevelsSection(metrics: FlowMetrics): Sections['serviceLevels'] {
  const { lookback } = metrics.aging;
  const inRange = metrics.cycleTime.items.map((entry) => entry.cycleTimeDays);
  return {
    basis: metrics.basisDay,
    lookback,
    serviceLevels: metrics.serviceLevels.map((level) => ({
      percentile: level.percentile,
      days: level.days,
      sampleSize: level.sampleSize,
      statement:
        level.days === null
          ? `No item completed from ${lookback.fromDay} to ${lookback.toDay}: no ${level.percentile}% service level yet.`
          : `${level.percentile}% of items finish within ${level.days} ${level.days === 1 ? 'day' : 'days'}.`,
      shareWithinInRange: level.days === null ? null : shareWithin(inRange, level.days),
    })),
  };
}

export function dataQualitySection(
  metrics: FlowMetrics,
  context: SectionContext,
  items: readonly FlowItem[],
  workflow: WorkflowStateMap,
): Sections['dataQuality'] {
  const asOf = endOfDay(metrics.toDay, metrics.timeZone);
  const flagged = new Set(metrics.dataQuality.items.map((item) => item.id));
  const byId = new Map(items.filter(({ item }) => flagged.has(item.id)).map((item) => [item.item.id, item]));
  return {
    asOf: iso(asOf),
    counts: metrics.dataQuality.counts,
    flagDescriptions: FLAG_DESCRIPTIONS,
    items: metrics.dataQuality.items.map((flaggedItem) => {
      const flowItem = byId.get(flaggedItem.id);
      const history = (flowItem?.transitions ?? [])
        .filter((transition) => transition.at <= asOf)
        .map((transition) => ({
          at: iso(transition.at),
          day: dayOf(transition.at, metrics.timeZone),
          state: transition.toState,
          category: workflow.get(transition.workItemType)?.get(transition.toState) ?? null,
        }));
      return {
        id: flaggedItem.id,
        title: flaggedItem.title,
        workItemType: flowItem?.item.workItemType ?? '',
        url: itemUrl(context, flaggedItem.id),
        state: history.at(-1)?.state ?? flowItem?.item.state ?? '',
        flags: flaggedItem.flags,
        unknownStates: flaggedItem.unknownStates,
        history,
      };
    }),
  };
}
