import { describe, expect, it } from 'vitest';
import { dataQuality } from '../../../../service/src/metrics/flow/dataQuality.ts';
import { prepared } from './engine.ts';
import { item, ms } from './fixtures.ts';

const items = [
  item(1, [
    ['2026-03-01T00:00Z', 'New'],
    ['2026-03-02T00:00Z', 'Active'],
    ['2026-03-03T00:00Z', 'Closed'],
  ]),
  item(2, [
    ['2026-03-01T00:00Z', 'New'],
    ['2026-03-03T00:00Z', 'Closed'],
  ]),
  item(3, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T00:00Z', 'Closed'],
    ['2026-03-04T00:00Z', 'Active'],
  ]),
  item(4, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T00:00Z', 'Limbo'],
    ['2026-03-03T00:00Z', 'Purgatory'],
    ['2026-03-04T00:00Z', 'Limbo'],
  ]),
  item(5, [
    ['2026-03-01T00:00Z', 'Resolved'],
    ['2026-03-02T00:00Z', 'Active'],
  ]),
];

describe('data quality flags', () => {
  const { flow } = prepared(items);

  it('flags each item as of the end of its history', () => {
    expect(dataQuality(flow, ms('2026-03-31T00:00Z'))).toEqual({
      items: [
        { id: 2, title: 'Item 2', flags: ['skippedStart'], unknownStates: [] },
        { id: 3, title: 'Item 3', flags: ['reopened', 'backwardMove', 'multipleStarts'], unknownStates: [] },
        { id: 4, title: 'Item 4', flags: ['stateNotInCategory'], unknownStates: ['Limbo', 'Purgatory'] },
        { id: 5, title: 'Item 5', flags: ['backwardMove'], unknownStates: [] },
      ],
      counts: { skippedStart: 1, reopened: 1, backwardMove: 2, multipleStarts: 1, stateNotInCategory: 1 },
    });
  });

  it('only sees history up to the instant', () => {
    const early = dataQuality(flow, ms('2026-03-02T12:00Z'));
    expect(early.items.map((entry) => [entry.id, entry.flags])).toEqual([
      [4, ['stateNotInCategory']],
      [5, ['backwardMove']],
    ]);
  });
});
