import { describe, expect, it } from 'vitest';
import type { BoardColumnChange } from '../../../../service/src/metrics/flow/boundaries.ts';
import { workItemAging } from '../../../../service/src/metrics/flow/aging.ts';
import { day, prepared } from './engine.ts';
import { item, ms } from './fixtures.ts';

/** Aging items' board column at the end of the basis day, from the column moves (replayed like states). */

const items = [
  // Moved Doing → Review on 2026-03-06 (UTC), then → Test late on 2026-03-08 UTC (the 9th in Tokyo).
  item(1, [
    ['2026-03-01T00:00Z', 'New'],
    ['2026-03-02T03:00Z', 'Active'],
  ]),
  // In progress, but no column move recorded: unknown, not guessed by the metric.
  item(2, [['2026-03-03T03:00Z', 'Active']]),
  // Its only move is after the basis days tested: unknown before it.
  item(3, [['2026-03-04T03:00Z', 'Active']]),
];

const moves = new Map<number, BoardColumnChange[]>([
  [
    1,
    [
      { at: ms('2026-03-01T00:00Z'), column: 'Backlog' },
      { at: ms('2026-03-02T03:00Z'), column: 'Doing' },
      { at: ms('2026-03-06T09:00Z'), column: 'Review' },
      { at: ms('2026-03-08T20:00Z'), column: 'Test' },
    ],
  ],
  [3, [{ at: ms('2026-03-20T03:00Z'), column: 'Doing' }]],
]);

const layout = { boardColumns: ['Backlog', 'Doing', 'Review', 'Done'] };

function columnsAt(basis: string, timeZone = 'UTC'): [number, string | null][] {
  const { flow, at } = prepared(items, timeZone, { layout, boardColumns: moves });
  return workItemAging(flow, at(basis), day(basis), 30, [50])
    .items.map((entry): [number, string | null] => [entry.id, entry.boardColumn])
    .sort(([a], [b]) => a - b);
}

describe('aging: board column at the basis day', () => {
  it.each([
    { basis: '2026-03-10', expected: 'Test' },
    { basis: '2026-03-08', expected: 'Test' },
    { basis: '2026-03-07', expected: 'Review' },
    { basis: '2026-03-06', expected: 'Review' },
    { basis: '2026-03-05', expected: 'Doing' },
    { basis: '2026-03-02', expected: 'Doing' },
  ])('the item that moved columns stands in $expected at the end of $basis', ({ basis, expected }) => {
    expect(columnsAt(basis)[0]).toEqual([1, expected]);
  });

  it('reads the day in the team’s zone: a move at 20:00 UTC on the 8th is on the 9th in Tokyo', () => {
    expect(columnsAt('2026-03-08', 'Asia/Tokyo')[0]).toEqual([1, 'Review']);
    expect(columnsAt('2026-03-09', 'Asia/Tokyo')[0]).toEqual([1, 'Test']);
  });

  it('keeps a column the layout does not list (a renamed or removed column) by its recorded name', () => {
    expect(columnsAt('2026-03-09').find(([id]) => id === 1)).toEqual([1, 'Test']);
  });

  it('is null without a recorded move up to the basis day', () => {
    expect(columnsAt('2026-03-10')).toEqual([
      [1, 'Test'],
      [2, null],
      [3, null],
    ]);
    expect(columnsAt('2026-03-21').find(([id]) => id === 3)).toEqual([3, 'Doing']);
  });

  it('is null for every item when the column history was not loaded', () => {
    const { flow, at } = prepared(items, 'UTC', { layout });
    const aging = workItemAging(flow, at('2026-03-10'), day('2026-03-10'), 30, [50]);
    expect(aging.items.map((entry) => entry.boardColumn)).toEqual([null, null, null]);
  });
});
