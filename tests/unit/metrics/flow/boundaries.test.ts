import { describe, expect, it } from 'vitest';
import type { FlowBoundary } from '../../../../service/src/metrics/flow/boundaries.ts';
import { orderedStates } from '../../../../service/src/metrics/flow/boundaries.ts';
import { cycleTimesFromSnapshot } from '../../../../service/src/metrics/flow/cycleTime.ts';
import { dailyWip } from '../../../../service/src/metrics/flow/wip.ts';
import type { FlowItem } from '../../../../service/src/domain/records.ts';
import { day, prepared } from './engine.ts';
import { item, ms, workflow } from './fixtures.ts';

const throughResolved = item(1, [
  ['2026-03-01T00:00Z', 'New'],
  ['2026-03-02T00:00Z', 'Active'],
  ['2026-03-04T00:00Z', 'Resolved'],
  ['2026-03-06T00:00Z', 'Closed'],
]);
const skipsResolved = item(2, [
  ['2026-03-02T00:00Z', 'Active'],
  ['2026-03-05T00:00Z', 'Closed'],
]);
const backFromResolved = item(3, [
  ['2026-03-02T00:00Z', 'Active'],
  ['2026-03-03T00:00Z', 'Resolved'],
  ['2026-03-04T00:00Z', 'Active'],
]);
const task = item(
  4,
  [
    ['2026-03-02T00:00Z', 'Active'],
    ['2026-03-03T00:00Z', 'Closed'],
  ],
  { type: 'Task' },
);
const columns = new Map([
  // Item 3 sits in a column the layout does not list: it ranks before every listed column.
  [3, [{ at: ms('2026-03-01T00:00Z'), column: 'Parking' }]],
  [
    1,
    [
      { at: ms('2026-02-28T00:00Z'), column: 'Backlog' },
      { at: ms('2026-03-03T00:00Z'), column: 'Doing' },
      { at: ms('2026-03-05T00:00Z'), column: 'Done' },
    ],
  ],
]);
const layout = { boardColumns: ['Backlog', 'Doing', 'Review', 'Done'] };

interface Case {
  name: string;
  startPoint?: FlowBoundary;
  endPoint?: FlowBoundary;
  items: FlowItem[];
  cycleTimes: [number, number][];
  withoutStart?: number[];
  wip?: number[];
}

const cases: Case[] = [
  {
    name: 'default: by category',
    items: [throughResolved, skipsResolved, backFromResolved, task],
    cycleTimes: [
      [4, 2],
      [2, 4],
      [1, 5],
    ],
    // Per item: 1 [0,1,1,1,1,0], 2 [0,1,1,1,0,0], 3 [0,1,1,1,1,1], Task [0,1,0,0,0,0].
    wip: [0, 4, 3, 3, 2, 1],
  },
  {
    name: 'start at state Resolved: earlier InProgress states are before the start',
    startPoint: { kind: 'state', states: ['Resolved'] },
    items: [throughResolved, skipsResolved, backFromResolved, task],
    // The Task has no Resolved state: its boundary stays by category.
    cycleTimes: [
      [4, 2],
      [1, 3],
    ],
    withoutStart: [2],
    // Per item: 1 [0,0,0,1,1,0], 2 never, 3 [0,0,1,0,0,0], Task [0,1,0,0,0,0].
    wip: [0, 1, 1, 1, 1, 0],
  },
  {
    name: 'end at state Resolved: Resolved completes, going back reopens',
    endPoint: { kind: 'state', states: ['Resolved'] },
    items: [throughResolved, skipsResolved, backFromResolved, task],
    cycleTimes: [
      [4, 2],
      [1, 3],
      [2, 4],
    ],
    // Per item: 1 [0,1,1,0,0,0], 2 [0,1,1,1,0,0], 3 [0,1,0,1,1,1], Task [0,1,0,0,0,0].
    wip: [0, 4, 2, 2, 1, 1],
  },
  {
    name: 'start at board column Doing (item 3, in an unlisted column, never starts)',
    startPoint: { kind: 'boardColumn', column: 'Doing' },
    items: [throughResolved, backFromResolved],
    cycleTimes: [[1, 4]],
    wip: [0, 0, 1, 1, 1, 0],
  },
  {
    name: 'end at board column Doing: an unlisted column is not past it',
    endPoint: { kind: 'boardColumn', column: 'Doing' },
    items: [backFromResolved],
    cycleTimes: [],
    wip: [0, 1, 1, 1, 1, 1],
  },
  {
    name: 'end at board column Review: Done is after it',
    endPoint: { kind: 'boardColumn', column: 'Review' },
    items: [throughResolved],
    cycleTimes: [[1, 4]],
    wip: [0, 1, 1, 1, 0, 0],
  },
];

describe('team start and end points', () => {
  it.each(cases)('$name', ({ startPoint, endPoint, items, cycleTimes, withoutStart, wip }) => {
    const { flow, at } = prepared(items, 'UTC', { startPoint, endPoint, layout, boardColumns: columns });
    const result = cycleTimesFromSnapshot(flow, at('2026-03-31'), day('2026-03-01'), day('2026-03-31'));
    expect(result.entries.map((entry) => [entry.id, entry.cycleTimeDays])).toEqual(cycleTimes);
    expect(result.completedWithoutStart).toEqual(withoutStart ?? []);
    if (wip) expect(Array.from(dailyWip(flow, day('2026-03-01'), day('2026-03-06')))).toEqual(wip);
  });
});

describe('orderedStates', () => {
  it('orders by category, then process order', () => {
    expect(orderedStates(workflow).get('User Story')).toEqual([
      'New',
      'Active',
      'Blocked',
      'Resolved',
      'Closed',
      'Removed',
    ]);
  });

  it('lets a layout reorder states within a category only', () => {
    const layout = { statesByType: new Map([['User Story', ['Closed', 'Blocked', 'Active', 'Unknown']]]) };
    expect(orderedStates(workflow, layout).get('User Story')).toEqual([
      'New',
      'Blocked',
      'Active',
      'Resolved',
      'Closed',
      'Removed',
    ]);
  });
});
