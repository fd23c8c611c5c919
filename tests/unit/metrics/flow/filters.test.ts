import { describe, expect, it } from 'vitest';
import type { FlowFilter } from '../../../../service/src/metrics/flow/filters.ts';
import { applyFilter } from '../../../../service/src/metrics/flow/filters.ts';
import { item } from './fixtures.ts';

const created = [['2026-03-01T00:00Z', 'New']] as const;
const items = [
  item(1, created, { type: 'User Story', tags: ['Checkout', 'Q1'], areaPath: 'Fabrikam\\Web' }),
  item(2, created, { type: 'Bug', tags: ['checkout'], areaPath: 'Fabrikam\\Web\\Payments' }),
  item(3, created, { type: 'Bug', tags: [], areaPath: 'Fabrikam\\Web\\Payments\\Cards' }),
  item(4, created, { type: 'User Story', tags: ['Q1'], areaPath: 'Fabrikam\\Website' }),
];

describe('applyFilter', () => {
  it.each<{ name: string; filter: FlowFilter; ids: number[] }>([
    { name: 'no filter keeps all', filter: {}, ids: [1, 2, 3, 4] },
    { name: 'types, case-insensitive', filter: { workItemTypes: ['bug'] }, ids: [2, 3] },
    { name: 'empty type list keeps all', filter: { workItemTypes: [] }, ids: [1, 2, 3, 4] },
    { name: 'any of the tags, case-insensitive', filter: { tags: ['CHECKOUT', 'q1'] }, ids: [1, 2, 4] },
    { name: 'all of the tags', filter: { tags: ['checkout', 'q1'], tagMatch: 'all' }, ids: [1] },
    { name: 'area path and below', filter: { areaPath: 'Fabrikam\\Web\\Payments' }, ids: [2, 3] },
    {
      name: 'area path does not match a sibling prefix',
      filter: { areaPath: 'fabrikam\\web' },
      ids: [1, 2, 3],
    },
    {
      name: 'combined',
      filter: { workItemTypes: ['Bug'], tags: ['checkout'], areaPath: 'Fabrikam\\Web' },
      ids: [2],
    },
  ])('$name', ({ filter, ids }) => {
    expect(applyFilter(items, filter).map((flowItem) => flowItem.item.id)).toEqual(ids);
  });
});
