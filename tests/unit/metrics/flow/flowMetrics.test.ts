import { describe, expect, it } from 'vitest';
import { parseTeamFlowConfig } from '../../../../service/src/metrics/flow/config.ts';
import type { FlowMetricsInput } from '../../../../service/src/metrics/flow/flowMetrics.ts';
import { computeFlowMetrics } from '../../../../service/src/metrics/flow/flowMetrics.ts';
import { throughputHistory } from '../../../../service/src/metrics/forecast/history.ts';
import { prepareFlow } from '../../../../service/src/metrics/flow/prepare.ts';
import { snapshotAtEndOf } from '../../../../service/src/metrics/flow/snapshot.ts';
import { day } from './engine.ts';
import { item, webTeam, workflow } from './fixtures.ts';

const bug = item(
  2,
  [
    ['2026-03-03T09:00Z', 'Active'],
    ['2026-03-03T18:00Z', 'Closed'],
  ],
  { type: 'Bug', areaPath: 'Fabrikam\\Web\\Api', tags: ['incident'] },
);

const items = [
  item(
    1,
    [
      ['2026-03-01T09:00Z', 'New'],
      ['2026-03-02T09:00Z', 'Active'],
      ['2026-03-04T09:00Z', 'Closed'],
    ],
    { areaPath: 'Fabrikam\\Web' },
  ),
  bug,
  // Moved out of the team: its latest area path is another team's, so none of its history counts.
  item(
    3,
    [
      ['2026-03-01T09:00Z', 'Active'],
      ['2026-03-02T09:00Z', 'Closed'],
    ],
    { areaPath: 'Fabrikam\\Mobile' },
  ),
  // Not a backlog type.
  item(
    4,
    [
      ['2026-03-01T09:00Z', 'Active'],
      ['2026-03-02T09:00Z', 'Closed'],
    ],
    { type: 'Task' },
  ),
  item(5, [['2026-03-04T09:00Z', 'Active']], { areaPath: 'Fabrikam\\Web' }),
];

const base: FlowMetricsInput = {
  items,
  workflow,
  scope: webTeam,
  config: parseTeamFlowConfig({ timeZone: 'UTC' }),
  fromDay: '2026-03-01',
  toDay: '2026-03-05',
};

const counts = (series: readonly { count: number }[]) => series.map((entry) => entry.count);

describe('computeFlowMetrics', () => {
  const result = computeFlowMetrics(base);

  it('keeps the team items only (scope by latest area path and backlog type)', () => {
    expect(result.itemCount).toBe(3);
    expect(result.cycleTime.items.map((entry) => [entry.id, entry.cycleTimeDays])).toEqual([
      [2, 1],
      [1, 3],
    ]);
  });

  it('computes the daily series', () => {
    expect(counts(result.throughput.daily)).toEqual([0, 0, 1, 1, 0]);
    expect(result.throughput.total).toBe(2);
    expect(counts(result.wip.daily)).toEqual([0, 1, 1, 1, 1]);
    expect(result.wip.average).toBe(0.8);
    expect(counts(result.arrivals.daily)).toEqual([0, 1, 1, 1, 0]);
    expect(result.leadTime.items.map((entry) => [entry.id, entry.leadTimeDays])).toEqual([
      [2, 1],
      [1, 4],
    ]);
  });

  it('ages the item in progress at the end of the range', () => {
    expect(result.basisDay).toBe('2026-03-05');
    expect(result.aging.items.map((entry) => [entry.id, entry.ageDays])).toEqual([[5, 2]]);
    expect(result.serviceLevels.map((line) => line.days)).toEqual([1, 3, 3, 3]);
  });

  it('replays aging as of a basis day', () => {
    const replay = computeFlowMetrics({ ...base, basisDay: '2026-03-03' });
    expect(replay.aging.items.map((entry) => [entry.id, entry.ageDays])).toEqual([[1, 2]]);
    expect(replay.serviceLevels[0]).toEqual({ percentile: 50, days: 1, sampleSize: 1 });
  });

  it('honours a configured type list instead of the backlog types', () => {
    const bugsOnly = computeFlowMetrics({
      ...base,
      config: parseTeamFlowConfig({ timeZone: 'UTC', workItemTypes: ['Bug'] }),
    });
    expect(bugsOnly.itemCount).toBe(1);
    expect(bugsOnly.throughput.total).toBe(1);
  });

  it('applies the user filter on top of the scope', () => {
    const tagged = computeFlowMetrics({ ...base, filter: { tags: ['incident'] } });
    expect(tagged.cycleTime.items.map((entry) => entry.id)).toEqual([2]);
  });

  it('counts an item moved into the team for its whole history', () => {
    const movedIn = computeFlowMetrics({
      ...base,
      scope: { ...webTeam, values: [{ value: 'Fabrikam\\Mobile', includeChildren: false }] },
    });
    expect(movedIn.cycleTime.items.map((entry) => [entry.id, entry.completedOn])).toEqual([
      [3, '2026-03-02'],
    ]);
  });

  it('shifts every day in Asia/Tokyo', () => {
    const tokyo = computeFlowMetrics({ ...base, config: parseTeamFlowConfig({ timeZone: 'Asia/Tokyo' }) });
    // 09:00Z is 18:00 JST the same day; 18:00Z on the 3rd is 03:00 JST on the 4th.
    expect(counts(tokyo.throughput.daily)).toEqual([0, 0, 0, 2, 0]);
    expect(tokyo.cycleTime.items.map((entry) => [entry.id, entry.cycleTimeDays])).toEqual([
      [2, 2],
      [1, 3],
    ]);
  });

  it('handles one item, a one-day range and no items', () => {
    const single = computeFlowMetrics({
      ...base,
      items: [bug],
      fromDay: '2026-03-03',
      toDay: '2026-03-03',
    });
    expect(single.itemCount).toBe(1);
    expect(counts(single.throughput.daily)).toEqual([1]);
    expect(single.cycleTimeHistogram).toEqual([{ days: 1, count: 1 }]);
    expect(single.cycleTimeTrend).toEqual([
      { day: '2026-03-03', points: 1, average: 1, standardDeviation: 0 },
    ]);
    const none = computeFlowMetrics({ ...base, items: [] });
    expect(none.itemCount).toBe(0);
    expect(none.cycleTime).toEqual({
      items: [],
      percentiles: [50, 70, 85, 95].map((percentile) => ({ percentile, days: null })),
      completedWithoutStart: [],
    });
    expect(counts(none.wip.daily)).toEqual([0, 0, 0, 0, 0]);
    expect(none.aging.items).toEqual([]);
    expect(none.flowEfficiency.efficiency).toBeNull();
  });

  it('sums throughput per sprint and week', () => {
    const sprints = computeFlowMetrics({
      ...base,
      sprints: [{ name: 'Sprint 9', startDay: '2026-03-02', finishDay: '2026-03-15' }],
    });
    expect(sprints.throughput.sprints).toEqual([
      { name: 'Sprint 9', fromDay: '2026-03-02', toDay: '2026-03-05', days: 4, count: 2 },
    ]);
    expect(sprints.throughput.weekly.map((week) => [week.weekStart, week.count])).toEqual([
      ['2026-02-23', 0],
      ['2026-03-02', 2],
    ]);
  });

  it('gives forecasts their throughput history from the same snapshot', () => {
    const flow = prepareFlow(items.slice(0, 2), workflow, { timeZone: 'UTC' });
    const history = throughputHistory(snapshotAtEndOf(flow, '2026-03-05'), day('2026-03-05'), 5);
    expect(Array.from(history)).toEqual([0, 0, 1, 1, 0]);
  });
});
