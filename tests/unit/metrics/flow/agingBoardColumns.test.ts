import { describe, expect, it } from 'vitest';
import type { AgingBoard, AgingItem } from '../../../../service/src/contract/index.ts';
import { boardAgingColumns, isOverLimit } from '../../../../extension/src/hubs/flow/charts/agingChart.ts';

/** The Aging view's columns from the API's board: board order, WIP limits, over-limit flags, unknowns. */

const board: AgingBoard = {
  name: 'Stories',
  columns: [
    { name: 'New', itemLimit: 0, columnType: 'incoming' },
    { name: 'Dev', itemLimit: 2, columnType: 'inProgress' },
    { name: 'Test', itemLimit: 3, columnType: 'inProgress' },
    { name: 'Ready', itemLimit: 0, columnType: 'inProgress' },
    { name: 'Closed', itemLimit: 0, columnType: 'outgoing' },
  ],
};

const item = (id: number, boardColumn: string | null): AgingItem => ({
  id,
  title: `Item ${id}`,
  workItemType: 'Bug',
  url: `https://example/${id}`,
  state: 'Active',
  category: 'InProgress',
  startedAt: '2026-11-01T00:00:00Z',
  startedOn: '2026-11-01',
  ageDays: id,
  pacePassed: null,
  within: 50,
  zone: 'withinLowest',
  boardColumn,
  boardColumnSource: boardColumn === null ? 'unknown' : 'columnHistory',
});

const summary = (items: readonly AgingItem[]) =>
  boardAgingColumns(board, items, 'Unknown').map((column) => ({
    name: column.name,
    ids: column.items.map((entry) => entry.id),
    limit: column.limit ?? null,
    over: isOverLimit(column),
  }));

describe('aging columns from the board', () => {
  it('keeps every in-progress column in board order, empty ones too, with their limits', () => {
    expect(summary([item(1, 'Dev'), item(2, 'Dev'), item(3, 'Dev'), item(4, 'Test')])).toEqual([
      { name: 'Dev', ids: [1, 2, 3], limit: 2, over: true },
      { name: 'Test', ids: [4], limit: 3, over: false },
      { name: 'Ready', ids: [], limit: null, over: false },
    ]);
  });

  it('is not over at exactly the limit', () => {
    expect(summary([item(1, 'Dev'), item(2, 'Dev')])[0]).toMatchObject({ limit: 2, over: false });
  });

  it('shows incoming and outgoing columns only when they hold an item', () => {
    expect(summary([item(1, 'Closed')]).map((column) => column.name)).toEqual([
      'Dev',
      'Test',
      'Ready',
      'Closed',
    ]);
  });

  it('appends columns the board no longer lists, then the items whose column is unknown', () => {
    expect(summary([item(1, null), item(2, 'Old review'), item(3, 'Dev')]).slice(3)).toEqual([
      { name: 'Old review', ids: [2], limit: null, over: false },
      { name: 'Unknown', ids: [1], limit: null, over: false },
    ]);
  });
});
