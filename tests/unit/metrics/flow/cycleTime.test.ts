import { describe, expect, it } from 'vitest';
import { computeCycleTimes } from '../../../../service/src/metrics/flow/cycleTime.ts';
import type { FlowItem } from '../../../../service/src/domain/records.ts';
import { flowItem, ms, workflow } from './fixtures.ts';

interface Expected {
  id: number;
  days: number;
  hours: number;
  completedOn: string;
}

interface Case {
  name: string;
  items: FlowItem[];
  fromDay?: string;
  toDay?: string;
  timeZone?: string;
  expected: Expected[];
  withoutStart?: number[];
}

const MARCH = { fromDay: '2026-03-01', toDay: '2026-03-31' };

const cases: Case[] = [
  {
    name: 'same-day completion is 1 day',
    items: [
      flowItem({
        id: 1,
        history: [
          ['2026-03-04T09:00Z', 'New'],
          ['2026-03-05T01:00Z', 'Active'],
          ['2026-03-05T08:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [{ id: 1, days: 1, hours: 7, completedOn: '2026-03-05' }],
  },
  {
    name: 'a reopened item completes once, at its final completion, from its first start',
    items: [
      flowItem({
        id: 2,
        history: [
          ['2026-03-01T09:00Z', 'New'],
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-04T09:00Z', 'Closed'],
          ['2026-03-05T09:00Z', 'Active'],
          ['2026-03-08T09:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [{ id: 2, days: 7, hours: 144, completedOn: '2026-03-08' }],
  },
  {
    name: 'an item that skipped InProgress has no cycle time and is listed without start',
    items: [
      flowItem({
        id: 3,
        history: [
          ['2026-03-01T09:00Z', 'New'],
          ['2026-03-03T09:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [],
    withoutStart: [3],
  },
  {
    name: 'an item whose latest state is Removed is excluded even if it completed in the window',
    items: [
      flowItem({
        id: 4,
        history: [
          ['2026-03-01T09:00Z', 'New'],
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-03T09:00Z', 'Closed'],
          ['2026-04-10T09:00Z', 'Removed'],
        ],
      }),
    ],
    expected: [],
  },
  {
    name: 'a deleted item is excluded',
    items: [
      flowItem({
        id: 5,
        isDeleted: true,
        history: [
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-03T09:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [],
  },
  {
    name: 'entering Resolved counts as the start',
    items: [
      flowItem({
        id: 6,
        history: [
          ['2026-03-01T09:00Z', 'New'],
          ['2026-03-03T10:00Z', 'Resolved'],
          ['2026-03-05T10:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [{ id: 6, days: 3, hours: 48, completedOn: '2026-03-05' }],
  },
  {
    name: 'UTC day boundaries: 14:30Z on the 1st to 15:30Z on the 2nd is 2 days',
    timeZone: 'UTC',
    items: [
      flowItem({
        id: 7,
        history: [
          ['2026-03-01T14:30Z', 'Active'],
          ['2026-03-02T15:30Z', 'Closed'],
        ],
      }),
    ],
    expected: [{ id: 7, days: 2, hours: 25, completedOn: '2026-03-02' }],
  },
  {
    name: 'Asia/Tokyo day boundaries: the same item is 23:30 on the 1st to 00:30 on the 3rd, 3 days',
    timeZone: 'Asia/Tokyo',
    items: [
      flowItem({
        id: 7,
        history: [
          ['2026-03-01T14:30Z', 'Active'],
          ['2026-03-02T15:30Z', 'Closed'],
        ],
      }),
    ],
    expected: [{ id: 7, days: 3, hours: 25, completedOn: '2026-03-03' }],
  },
  {
    name: 'Asia/Tokyo window: completion at 00:30 JST on the 3rd is outside a window ending the 2nd',
    timeZone: 'Asia/Tokyo',
    fromDay: '2026-03-01',
    toDay: '2026-03-02',
    items: [
      flowItem({
        id: 7,
        history: [
          ['2026-03-01T14:30Z', 'Active'],
          ['2026-03-02T15:30Z', 'Closed'],
        ],
      }),
    ],
    expected: [],
  },
  {
    name: 'completion at the last millisecond of the window counts; one millisecond later does not',
    items: [
      flowItem({
        id: 8,
        history: [
          ['2026-03-30T09:00Z', 'Active'],
          ['2026-03-31T23:59:59.999Z', 'Closed'],
        ],
      }),
      flowItem({
        id: 9,
        history: [
          ['2026-03-30T09:00Z', 'Active'],
          ['2026-04-01T00:00:00.000Z', 'Closed'],
        ],
      }),
    ],
    expected: [{ id: 8, days: 2, hours: (39 * 3_600_000 - 1) / 3_600_000, completedOn: '2026-03-31' }],
  },
  {
    name: 'completion before the window start is excluded',
    items: [
      flowItem({
        id: 10,
        history: [
          ['2026-02-20T09:00Z', 'Active'],
          ['2026-02-28T23:59Z', 'Closed'],
        ],
      }),
    ],
    expected: [],
  },
  {
    name: 'completed in the window and reopened after the window end still counts (state as of window end)',
    items: [
      flowItem({
        id: 11,
        history: [
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-10T09:00Z', 'Closed'],
          ['2026-04-05T09:00Z', 'Active'],
        ],
      }),
    ],
    expected: [{ id: 11, days: 9, hours: 192, completedOn: '2026-03-10' }],
  },
  {
    name: 'reopened in the window and not re-completed by the window end is excluded',
    items: [
      flowItem({
        id: 12,
        history: [
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-10T09:00Z', 'Closed'],
          ['2026-03-20T09:00Z', 'Active'],
          ['2026-04-02T09:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [],
  },
  {
    name: 'moving between two Completed states keeps the first entry into the category',
    items: [
      flowItem({
        id: 13,
        type: 'Feature',
        history: [
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-04T09:00Z', 'Closed'],
          ['2026-03-09T09:00Z', 'Accepted'],
        ],
      }),
    ],
    expected: [{ id: 13, days: 3, hours: 48, completedOn: '2026-03-04' }],
  },
  {
    name: 'a second start does not move the start: cycle time runs from the first',
    items: [
      flowItem({
        id: 14,
        history: [
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-03T09:00Z', 'New'],
          ['2026-03-06T09:00Z', 'Active'],
          ['2026-03-08T09:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [{ id: 14, days: 7, hours: 144, completedOn: '2026-03-08' }],
  },
  {
    name: 'items come out in completion order, ids of items without start too',
    items: [
      flowItem({
        id: 21,
        history: [
          ['2026-03-02T09:00Z', 'Active'],
          ['2026-03-12T09:00Z', 'Closed'],
        ],
      }),
      flowItem({
        id: 22,
        history: [
          ['2026-03-05T09:00Z', 'New'],
          ['2026-03-09T09:00Z', 'Closed'],
        ],
      }),
      flowItem({
        id: 23,
        history: [
          ['2026-03-03T09:00Z', 'Active'],
          ['2026-03-04T09:00Z', 'Closed'],
        ],
      }),
      flowItem({
        id: 24,
        history: [
          ['2026-03-01T09:00Z', 'New'],
          ['2026-03-02T09:00Z', 'Closed'],
        ],
      }),
    ],
    expected: [
      { id: 23, days: 2, hours: 24, completedOn: '2026-03-04' },
      { id: 21, days: 11, hours: 240, completedOn: '2026-03-12' },
    ],
    withoutStart: [24, 22],
  },
  { name: 'empty input', items: [], expected: [] },
];

describe('computeCycleTimes', () => {
  it.each(cases)('$name', ({ items, fromDay, toDay, timeZone, expected, withoutStart }) => {
    const result = computeCycleTimes({
      items,
      workflow,
      fromDay: fromDay ?? MARCH.fromDay,
      toDay: toDay ?? MARCH.toDay,
      timeZone: timeZone ?? 'UTC',
    });
    expect(
      result.items.map((entry) => ({
        id: entry.id,
        days: entry.cycleTimeDays,
        hours: entry.cycleTimeHours,
        completedOn: entry.completedOn,
      })),
    ).toEqual(expected);
    expect(result.completedWithoutStart).toEqual(withoutStart ?? []);
  });

  it('reports start and completion instants and the item fields', () => {
    const result = computeCycleTimes({
      items: [
        flowItem({
          id: 30,
          title: 'Checkout',
          type: 'Bug',
          history: [
            ['2026-03-01T09:00Z', 'New'],
            ['2026-03-02T10:00Z', 'Active'],
            ['2026-03-03T11:00Z', 'Closed'],
          ],
        }),
      ],
      workflow,
      ...MARCH,
      timeZone: 'UTC',
    });
    expect(result.items).toEqual([
      {
        id: 30,
        title: 'Checkout',
        workItemType: 'Bug',
        startedAt: ms('2026-03-02T10:00Z'),
        completedAt: ms('2026-03-03T11:00Z'),
        completedOn: '2026-03-03',
        cycleTimeDays: 2,
        cycleTimeHours: 25,
      },
    ]);
  });

  it('returns null percentile lines for an empty window', () => {
    const result = computeCycleTimes({ items: [], workflow, ...MARCH, timeZone: 'Asia/Tokyo' });
    expect(result.percentiles).toEqual([
      { percentile: 50, days: null },
      { percentile: 70, days: null },
      { percentile: 85, days: null },
      { percentile: 95, days: null },
    ]);
  });

  /** One item per cycle time, each started on March 1st at 09:00Z. */
  function itemsWithCycleTimes(days: readonly number[]): FlowItem[] {
    return days.map((length, index) => {
      const completed = new Date(Date.UTC(2026, 2, length, 17, 0));
      return flowItem({
        id: 100 + index,
        history: [
          ['2026-03-01T09:00Z', 'Active'],
          [completed.toISOString(), 'Closed'],
        ],
      });
    });
  }

  it.each([
    {
      name: 'n=20, 1..20: ranks 10, 14, 17, 19 exactly',
      days: Array.from({ length: 20 }, (_, i) => i + 1),
      percentiles: [50, 70, 85, 95],
      lines: [10, 14, 17, 19],
    },
    {
      name: 'ties at the boundary: [2,2,2,2,5] gives 2 up to rank 4, then 5',
      days: [5, 2, 2, 2, 2],
      percentiles: [50, 70, 80, 81, 95],
      lines: [2, 2, 2, 5, 5],
    },
    { name: 'one item: every line is that item', days: [4], percentiles: [0, 50, 100], lines: [4, 4, 4] },
    {
      name: 'n=10 with ties',
      days: [1, 2, 2, 2, 3, 5, 5, 8, 13, 20],
      percentiles: [50, 70, 85, 95],
      lines: [3, 5, 13, 20],
    },
  ])('percentile lines: $name', ({ days, percentiles, lines }) => {
    const result = computeCycleTimes({
      items: itemsWithCycleTimes(days),
      workflow,
      ...MARCH,
      timeZone: 'UTC',
      percentiles,
    });
    expect(result.items.map((entry) => entry.cycleTimeDays).sort((a, b) => a - b)).toEqual(
      [...days].sort((a, b) => a - b),
    );
    expect(result.percentiles).toEqual(percentiles.map((percentile, i) => ({ percentile, days: lines[i] })));
  });
});

describe('computeCycleTimes with transitions out of order', () => {
  it('orders them by time (then revision) first', () => {
    const ordered = flowItem({
      id: 40,
      history: [
        ['2026-03-02T09:00Z', 'Active'],
        ['2026-03-04T09:00Z', 'Closed'],
      ],
    });
    const shuffled = { ...ordered, transitions: [...ordered.transitions].reverse() };
    const result = computeCycleTimes({ items: [shuffled], workflow, ...MARCH, timeZone: 'UTC' });
    expect(result.items.map((entry) => entry.cycleTimeDays)).toEqual([3]);
  });
});
