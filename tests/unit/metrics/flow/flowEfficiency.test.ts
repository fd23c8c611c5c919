import { describe, expect, it } from 'vitest';
import { flowEfficiency } from '../../../../service/src/metrics/flow/flowEfficiency.ts';
import { day, prepared } from './engine.ts';
import { item } from './fixtures.ts';

const DAY = 86_400_000;

const items = [
  // 1 day active, 2 days blocked, 1 day active, 1 day resolved (active): 3 active, 2 waiting.
  item(1, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T00:00Z', 'Blocked'],
    ['2026-03-04T00:00Z', 'Active'],
    ['2026-03-05T00:00Z', 'Resolved'],
    ['2026-03-06T00:00Z', 'Closed'],
  ]),
  // Back in New for a day: that day counts in neither.
  item(2, [
    ['2026-02-28T00:00Z', 'New'],
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T00:00Z', 'New'],
    ['2026-03-03T00:00Z', 'Active'],
    ['2026-03-04T00:00Z', 'Closed'],
  ]),
  // Started and closed at the same instant: nothing measured.
  item(3, [
    ['2026-03-05T00:00Z', 'Active'],
    ['2026-03-05T00:00Z', 'Closed'],
  ]),
  // Skipped start: no start, not measured.
  item(4, [
    ['2026-03-01T00:00Z', 'New'],
    ['2026-03-03T00:00Z', 'Closed'],
  ]),
  // Reopened: the time while Closed between completions counts in neither.
  item(5, [
    ['2026-03-01T00:00Z', 'Active'],
    ['2026-03-02T00:00Z', 'Closed'],
    ['2026-03-04T00:00Z', 'Blocked'],
    ['2026-03-05T00:00Z', 'Closed'],
  ]),
];

describe('flow efficiency', () => {
  const { flow, at } = prepared(items);
  const result = flowEfficiency(flow, at('2026-03-31'), day('2026-03-01'), day('2026-03-31'), ['blocked']);

  it.each([
    { id: 1, activeMs: 3 * DAY, waitingMs: 2 * DAY, efficiency: 0.6 },
    { id: 2, activeMs: 2 * DAY, waitingMs: 0, efficiency: 1 },
    { id: 3, activeMs: 0, waitingMs: 0, efficiency: null },
    { id: 5, activeMs: 1 * DAY, waitingMs: 1 * DAY, efficiency: 0.5 },
  ])('item $id: $efficiency', (expected) => {
    expect(result.items.find((entry) => entry.id === expected.id)).toEqual(expected);
  });

  it('leaves out items without a start', () => {
    expect(result.items.map((entry) => entry.id).sort()).toEqual([1, 2, 3, 5]);
  });

  it('aggregates time, not ratios: 6 active days of 9', () => {
    expect(result.activeMs).toBe(6 * DAY);
    expect(result.waitingMs).toBe(3 * DAY);
    expect(result.efficiency).toBeCloseTo(6 / 9, 12);
  });

  it('without waiting states, all started time is active', () => {
    expect(flowEfficiency(flow, at('2026-03-31'), day('2026-03-01'), day('2026-03-31'), []).efficiency).toBe(
      1,
    );
  });

  it('is null with nothing completed', () => {
    const none = flowEfficiency(flow, at('2026-02-28'), day('2026-02-01'), day('2026-02-28'), ['Blocked']);
    expect(none).toEqual({ efficiency: null, activeMs: 0, waitingMs: 0, items: [] });
  });
});
