import { describe, expect, it } from 'vitest';
import type { AgingItem, FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';
import {
  agingColumns,
  columnOffset,
  paceZone,
} from '../../../../../extension/src/hubs/flow/charts/agingChart.ts';
import { isStale } from '../../../../../extension/src/hubs/flow/state/freshness.ts';
import {
  groupCoincident,
  type ScatterItem,
} from '../../../../../extension/src/hubs/flow/charts/scatterChart.ts';
import { stackBands } from '../../../../../extension/src/hubs/flow/views/cumulativeFlowSeries.ts';
import { binItems } from '../../../../../extension/src/hubs/flow/views/histogramBins.ts';
import { overviewFigures } from '../../../../../extension/src/hubs/flow/views/overviewFigures.ts';
import { throughputBars } from '../../../../../extension/src/hubs/flow/views/throughputSeries.ts';
import { summaryFixture } from './summaryFixture.ts';

function scatterItem(id: number, completedOn: string, days: number, workItemType = 'Bug'): ScatterItem {
  return { id, title: `Item ${id}`, workItemType, url: `https://example/${id}`, completedOn, days };
}

function agingItem(id: number, state: string, category: string, ageDays: number): AgingItem {
  return {
    id,
    title: `Item ${id}`,
    workItemType: 'Bug',
    url: `https://example/${id}`,
    state,
    category,
    startedAt: '2026-01-01T00:00:00Z',
    startedOn: '2026-01-01',
    ageDays,
    pacePassed: null,
    within: 50,
    zone: 'withinLowest',
  };
}

describe('overviewFigures', () => {
  it('reads every tile from the summary', () => {
    const figures = overviewFigures(summaryFixture());
    expect(figures).toMatchObject({
      wipToday: 4,
      throughputLast4Weeks: 28,
      throughputDays: 28,
      cycleTime50: 3,
      cycleTime85: 9,
      aging85: 9,
      serviceLevel: { percentile: 85, days: 9 },
    });
    expect(figures.agingPast85.map((item) => item.id)).toEqual([1]);
  });

  it('withholds percentiles, aging lines and the SLE below five items', () => {
    const base = summaryFixture();
    const few: FlowSummaryResponse = {
      ...base,
      cycleTime: { ...base.cycleTime, items: base.cycleTime.items.slice(0, 4) },
      aging: { ...base.aging, lookback: { ...base.aging.lookback, completedItems: 4 } },
      serviceLevels: {
        ...base.serviceLevels,
        serviceLevels: base.serviceLevels.serviceLevels.map((level) => ({ ...level, sampleSize: 4 })),
      },
    };
    expect(overviewFigures(few)).toMatchObject({
      cycleTime50: null,
      cycleTime85: null,
      aging85: null,
      agingPast85: [],
      serviceLevel: null,
      cycleTimeSample: 4,
    });
  });

  it('counts a short range’s days only', () => {
    const base = summaryFixture();
    const short = { ...base, throughput: { ...base.throughput, daily: base.throughput.daily.slice(0, 10) } };
    expect(overviewFigures(short)).toMatchObject({ throughputLast4Weeks: 10, throughputDays: 10 });
  });
});

describe('groupCoincident', () => {
  it('groups items of the same day and days taken, in reading order, coloured by the first item', () => {
    const groups = groupCoincident(
      [
        scatterItem(1, '2026-01-02', 5),
        scatterItem(2, '2026-01-01', 3, 'Story'),
        scatterItem(3, '2026-01-02', 5, 'Story'),
        scatterItem(4, '2026-01-02', 2),
      ],
      ['Bug', 'Story'],
    );
    expect(
      groups.map((group) => [
        group.completedOn,
        group.days,
        group.items.map((item) => item.id),
        group.typeIndex,
      ]),
    ).toEqual([
      ['2026-01-01', 3, [2], 1],
      ['2026-01-02', 2, [4], 0],
      ['2026-01-02', 5, [1, 3], 0],
    ]);
  });
  it('answers no groups for no items', () => {
    expect(groupCoincident([], [])).toEqual([]);
  });
});

describe('stackBands', () => {
  it('stacks the last band at the bottom and drops bands empty on every day', () => {
    const stacked = stackBands({
      days: ['d1', 'd2'],
      bands: [
        { name: 'Proposed', counts: [3, 1] },
        { name: 'Removed', counts: [0, 0] },
        { name: 'InProgress', counts: [2, 2] },
        { name: 'Completed', counts: [1, 4] },
      ],
    });
    expect(stacked.map((band) => [band.name, band.tops])).toEqual([
      ['Proposed', [6, 7]],
      ['InProgress', [3, 6]],
      ['Completed', [1, 4]],
    ]);
  });
});

describe('binItems', () => {
  it('makes contiguous bins from 1 to the longest value', () => {
    expect(binItems([{ days: 3 }, { days: 1 }, { days: 3 }])).toEqual([
      { days: 1, count: 1 },
      { days: 2, count: 0 },
      { days: 3, count: 2 },
    ]);
    expect(binItems([])).toEqual([]);
  });
});

describe('throughputBars', () => {
  it('uses the service’s daily, weekly and sprint totals as they are', () => {
    const summary = summaryFixture();
    expect(throughputBars(summary, 'day')).toHaveLength(30);
    expect(throughputBars(summary, 'week').map((bar) => [bar.label, bar.count])).toEqual([['2026-11-02', 7]]);
    expect(throughputBars(summary, 'sprint').map((bar) => [bar.label, bar.fromDay, bar.count])).toEqual([
      ['Sprint 3', '2026-11-09', 5],
    ]);
  });
});

describe('agingColumns', () => {
  it('keeps the given order, empty columns included, and appends states not listed', () => {
    const columns = agingColumns(
      [
        agingItem(1, 'Active', 'InProgress', 3),
        agingItem(2, 'Review', 'Resolved', 1),
        agingItem(3, 'Active', 'InProgress', 9),
      ],
      ['Active', 'Resolved'],
      (item) => item.state,
    );
    expect(columns.map((column) => [column.name, column.items.map((item) => item.id)])).toEqual([
      ['Active', [1, 3]],
      ['Resolved', []],
      ['Review', [2]],
    ]);
  });
  it('spreads dots inside their column, the same way every time', () => {
    for (const id of [1, 2, 99, 123_456]) {
      expect(Math.abs(columnOffset(id))).toBeLessThanOrEqual(0.3);
      expect(columnOffset(id)).toBe(columnOffset(id));
    }
  });
});

describe('isStale', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it.each([
    [null, false],
    ['2026-12-07T11:55:00Z', false],
    ['2026-12-07T06:00:00Z', false],
    ['2026-12-07T05:59:59Z', true],
    ['2026-12-01T00:00:00Z', true],
  ] as const)('synced at %s → %s', (syncedAt, expected) => {
    expect(isStale(syncedAt, now)).toBe(expected);
  });
});

describe('paceZone', () => {
  it.each([
    [1, 13, 19, 'withinLowest'],
    [13, 13, 19, 'withinLowest'],
    [14, 13, 19, 'between'],
    [19, 13, 19, 'between'],
    [20, 13, 19, 'beyondHighest'],
    [5, undefined, 19, 'noHistory'],
  ] as const)('age %i against %s/%s → %s', (age, lowest, highest, zone) => {
    expect(paceZone(age, lowest, highest)).toBe(zone);
  });
});
