import { describe, expect, it } from 'vitest';
import {
  UNCATEGORISED,
  cumulativeFlowByCategory,
  cumulativeFlowByColumn,
  cumulativeFlowByState,
} from '../../../../service/src/metrics/flow/cumulativeFlow.ts';
import { day, prepared } from './engine.ts';
import { item, ms } from './fixtures.ts';

const items = [
  item(1, [
    ['2026-02-28T00:00Z', 'New'],
    ['2026-03-02T10:00Z', 'Active'],
    ['2026-03-03T10:00Z', 'Closed'],
  ]),
  item(2, [['2026-03-02T05:00Z', 'New']]),
  item(3, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T00:00Z', 'Limbo'],
    ['2026-03-03T00:00Z', 'Resolved'],
  ]),
  item(4, [
    ['2026-03-01T00:00Z', 'New'],
    ['2026-03-02T00:00Z', 'Removed'],
    ['2026-03-03T00:00Z', 'New'],
  ]),
];

const boardColumns = new Map([
  [
    1,
    [
      { at: ms('2026-03-01T00:00Z'), column: 'Backlog' },
      { at: ms('2026-03-02T10:00Z'), column: 'Doing' },
      { at: ms('2026-03-03T10:00Z'), column: 'Done' },
    ],
  ],
  [2, [{ at: ms('2026-03-02T05:00Z'), column: 'Backlog' }]],
  [3, [{ at: ms('2026-03-01T00:00Z'), column: 'Mystery' }]],
]);

const range = [day('2026-03-01'), day('2026-03-03')] as const;

describe('cumulative flow', () => {
  it('by category: counts at the end of each day, in workflow order', () => {
    const { flow } = prepared(items);
    expect(cumulativeFlowByCategory(flow, ...range)).toEqual({
      days: ['2026-03-01', '2026-03-02', '2026-03-03'],
      bands: [
        { name: 'Proposed', counts: [2, 1, 2] },
        { name: 'InProgress', counts: [1, 1, 0] },
        { name: 'Resolved', counts: [0, 0, 1] },
        { name: 'Completed', counts: [0, 0, 1] },
        { name: 'Removed', counts: [0, 1, 0] },
        { name: UNCATEGORISED, counts: [0, 1, 0] },
      ],
    });
  });

  it('by state: categories first, then the process order within each', () => {
    const { flow } = prepared(items);
    expect(cumulativeFlowByState(flow, ...range).bands).toEqual([
      { name: 'New', counts: [2, 1, 2] },
      { name: 'Active', counts: [1, 1, 0] },
      { name: 'Resolved', counts: [0, 0, 1] },
      { name: 'Closed', counts: [0, 0, 1] },
      { name: 'Removed', counts: [0, 1, 0] },
      { name: 'Limbo', counts: [0, 1, 0] },
    ]);
  });

  it('by state: a layout orders states within a category', () => {
    const { flow } = prepared(items);
    const layout = { statesByType: new Map([['User Story', ['Blocked', 'Active']]]) };
    const names = cumulativeFlowByState(flow, ...range, layout).bands.map((band) => band.name);
    expect(names).toEqual(['New', 'Active', 'Resolved', 'Closed', 'Removed', 'Limbo']);
  });

  it('by board column: layout order, unknown columns after, items without a column in no band', () => {
    const { flow } = prepared(items, 'UTC', {
      layout: { boardColumns: ['Backlog', 'Doing', 'Done'] },
      boardColumns,
    });
    expect(cumulativeFlowByColumn(flow, ...range).bands).toEqual([
      { name: 'Backlog', counts: [1, 1, 1] },
      { name: 'Doing', counts: [0, 1, 0] },
      { name: 'Done', counts: [0, 0, 1] },
      { name: 'Mystery', counts: [1, 1, 1] },
    ]);
  });

  it.each([
    { zone: 'UTC', proposed: [1, 0] },
    { zone: 'Asia/Tokyo', proposed: [0, 1] },
  ])('day boundaries in $zone', ({ zone, proposed }) => {
    const { flow } = prepared(
      [
        item(1, [
          ['2026-03-01T15:30Z', 'New'],
          ['2026-03-02T15:30Z', 'Active'],
        ]),
      ],
      zone,
    );
    const bands = cumulativeFlowByCategory(flow, day('2026-03-01'), day('2026-03-02')).bands;
    expect(bands[0]).toEqual({ name: 'Proposed', counts: proposed });
  });

  it('is empty for an empty range', () => {
    const { flow } = prepared(items);
    const result = cumulativeFlowByCategory(flow, day('2026-03-02'), day('2026-03-01'));
    expect(result.days).toEqual([]);
    expect(result.bands.every((band) => band.counts.length === 0)).toBe(true);
  });
});
