/**
 * finishOrder gives the order a stable sort by (finish time, then id) gives, whether the input is sorted
 * already (the stored linked input's deployments are: one checking pass, the identity), sorted by time
 * with ties out of id order, or in no order; NaN times take the comparator's way.
 */
import { describe, expect, it } from 'vitest';
import { finishOrder } from '../../../../service/src/metrics/delivery/finishOrder.ts';

function expected(finish: readonly number[], ids: readonly string[]): number[] {
  return finish
    .map((_, k) => k)
    .sort((a, b) => {
      const byTime = (finish[a] ?? 0) - (finish[b] ?? 0);
      if (byTime !== 0) return byTime;
      const idA = ids[a] ?? '';
      const idB = ids[b] ?? '';
      return idA < idB ? -1 : idA > idB ? 1 : 0;
    });
}

const CASES: readonly { name: string; finish: number[]; ids: string[] }[] = [
  { name: 'nothing', finish: [], ids: [] },
  { name: 'one', finish: [5], ids: ['a'] },
  { name: 'sorted, no ties', finish: [1, 2, 3, 4], ids: ['d', 'c', 'b', 'a'] },
  { name: 'sorted, ties in id order', finish: [1, 2, 2, 2, 3], ids: ['z', 'a', 'b', 'c', 'a'] },
  { name: 'sorted by time, a tie out of id order', finish: [1, 2, 2, 3], ids: ['a', 'c', 'b', 'a'] },
  { name: 'equal ids in a tie keep their positions', finish: [2, 2, 2], ids: ['b', 'a', 'a'] },
  { name: 'descending', finish: [4, 3, 2, 1], ids: ['a', 'b', 'c', 'd'] },
  { name: 'sorted but for the last', finish: [1, 2, 3, 0], ids: ['a', 'b', 'c', 'd'] },
  { name: 'mixed with ties', finish: [3, 1, 3, 1, 2], ids: ['b', 'b', 'a', 'a', 'c'] },
];

describe('finishOrder', () => {
  it.each(CASES)('orders $name as a stable sort by (time, id)', ({ finish, ids }) => {
    const order = Array.from(finishOrder(Float64Array.from(finish), (k) => ids[k] ?? ''));
    expect(order).toEqual(expected(finish, ids));
  });

  it('orders NaN times as the comparator does', () => {
    const finish = [2, Number.NaN, 1, 1];
    const ids = ['a', 'b', 'd', 'c'];
    const order = Array.from(finishOrder(Float64Array.from(finish), (k) => ids[k] ?? ''));
    const idOrder = (a: number, b: number) => ((ids[a] ?? '') < (ids[b] ?? '') ? -1 : 1);
    expect(order).toEqual([0, 1, 2, 3].sort((a, b) => (finish[a] ?? 0) - (finish[b] ?? 0) || idOrder(a, b)));
  });
});
