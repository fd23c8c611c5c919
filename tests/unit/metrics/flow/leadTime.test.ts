import { describe, expect, it } from 'vitest';
import { computeLeadTimes } from '../../../../service/src/metrics/flow/leadTime.ts';
import type { FlowItem } from '../../../../service/src/domain/records.ts';
import { day, prepared } from './engine.ts';
import { item } from './fixtures.ts';

interface Case {
  name: string;
  items: FlowItem[];
  timeZone?: string;
  expected: { id: number; days: number; hours: number }[];
}

const cases: Case[] = [
  {
    name: 'from creation, not from start',
    items: [
      item(1, [
        ['2026-03-01T09:00Z', 'New'],
        ['2026-03-03T09:00Z', 'Active'],
        ['2026-03-05T10:00Z', 'Closed'],
      ]),
    ],
    expected: [{ id: 1, days: 5, hours: 97 }],
  },
  {
    name: 'an item that skipped start still has a lead time',
    items: [
      item(2, [
        ['2026-03-02T00:00Z', 'New'],
        ['2026-03-02T12:00Z', 'Closed'],
      ]),
    ],
    expected: [{ id: 2, days: 1, hours: 12 }],
  },
  {
    name: 'UTC: created 14:30Z on the 1st, closed 15:30Z on the 2nd is 2 days',
    items: [
      item(3, [
        ['2026-03-01T14:30Z', 'New'],
        ['2026-03-02T15:30Z', 'Closed'],
      ]),
    ],
    expected: [{ id: 3, days: 2, hours: 25 }],
  },
  {
    name: 'Asia/Tokyo: the same item is 3 days',
    timeZone: 'Asia/Tokyo',
    items: [
      item(3, [
        ['2026-03-01T14:30Z', 'New'],
        ['2026-03-02T15:30Z', 'Closed'],
      ]),
    ],
    expected: [{ id: 3, days: 3, hours: 25 }],
  },
  {
    name: 'reopened: from creation to the final completion',
    items: [
      item(4, [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Closed'],
        ['2026-03-04T00:00Z', 'Active'],
        ['2026-03-09T00:00Z', 'Closed'],
      ]),
    ],
    expected: [{ id: 4, days: 9, hours: 192 }],
  },
  {
    name: 'completed after the range, removed or deleted items: none',
    items: [
      item(5, [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-04-01T00:00Z', 'Closed'],
      ]),
      item(6, [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Closed'],
        ['2026-03-03T00:00Z', 'Removed'],
      ]),
      item(
        7,
        [
          ['2026-03-01T00:00Z', 'New'],
          ['2026-03-02T00:00Z', 'Closed'],
        ],
        { isDeleted: true },
      ),
    ],
    expected: [],
  },
  { name: 'no items', items: [], expected: [] },
];

describe('computeLeadTimes', () => {
  it.each(cases)('$name', ({ items, timeZone, expected }) => {
    const { flow, at } = prepared(items, timeZone);
    const result = computeLeadTimes(flow, at('2026-03-31'), day('2026-03-01'), day('2026-03-31'));
    expect(
      result.items.map((entry) => ({ id: entry.id, days: entry.leadTimeDays, hours: entry.leadTimeHours })),
    ).toEqual(expected);
  });

  it('gives percentile lines over lead-time days', () => {
    const items = [1, 2, 3, 4].map((length, index) =>
      item(index + 1, [
        ['2026-03-01T00:00Z', 'New'],
        [`2026-03-0${length}T12:00Z`, 'Closed'],
      ]),
    );
    const { flow, at } = prepared(items);
    const result = computeLeadTimes(
      flow,
      at('2026-03-31'),
      day('2026-03-01'),
      day('2026-03-31'),
      [50, 75, 100],
    );
    expect(result.percentiles).toEqual([
      { percentile: 50, days: 2 },
      { percentile: 75, days: 3 },
      { percentile: 100, days: 4 },
    ]);
  });
});
