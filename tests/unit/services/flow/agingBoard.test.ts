import { describe, expect, it } from 'vitest';
import type { BoardColumnRecord } from '../../../../service/src/domain/records.ts';
import { agingBoardOf, resolveAgingColumn } from '../../../../service/src/services/flow/agingBoard.ts';
import { pickTeamBoard } from '../../../../service/src/services/flow/board.ts';

const record = (
  position: number,
  name: string,
  columnType: BoardColumnRecord['columnType'],
  itemLimit: number,
  stateMappings: Record<string, string>,
): BoardColumnRecord => ({
  board: 'Stories',
  position,
  id: `c${position}`,
  name,
  columnType,
  itemLimit,
  stateMappings,
});

// Dev and Test share the Active state of a User Story (a common board); Bug's Test column is Resolved.
const COLUMNS = [
  record(3, 'Test', 'inProgress', 3, { 'User Story': 'Active', Bug: 'Resolved' }),
  record(1, 'New', 'incoming', 0, { 'User Story': 'New', Bug: 'New' }),
  record(2, 'Dev', 'inProgress', 5, { 'User Story': 'Active', Bug: 'Active' }),
  record(4, 'Closed', 'outgoing', 0, { 'User Story': 'Closed', Bug: 'Closed' }),
];
const board = pickTeamBoard(COLUMNS, ['User Story', 'Bug']) ?? null;

describe('aging board section', () => {
  it('lists the picked board’s columns left to right with their WIP limits and types', () => {
    expect(agingBoardOf(board)).toEqual({
      name: 'Stories',
      columns: [
        { name: 'New', itemLimit: 0, columnType: 'incoming' },
        { name: 'Dev', itemLimit: 5, columnType: 'inProgress' },
        { name: 'Test', itemLimit: 3, columnType: 'inProgress' },
        { name: 'Closed', itemLimit: 0, columnType: 'outgoing' },
      ],
    });
  });

  it('is null without a board', () => {
    expect(agingBoardOf(null)).toBeNull();
  });
});

describe('an aging item’s column', () => {
  it.each([
    {
      why: 'a recorded move wins over the state',
      item: { workItemType: 'Bug', state: 'Active', boardColumn: 'Test' },
      expected: { boardColumn: 'Test', boardColumnSource: 'columnHistory' },
    },
    {
      why: 'no move: the one column holding the type’s state',
      item: { workItemType: 'Bug', state: 'Resolved', boardColumn: null },
      expected: { boardColumn: 'Test', boardColumnSource: 'stateMapping' },
    },
    {
      why: 'type names match case-insensitively',
      item: { workItemType: 'bug', state: 'Active', boardColumn: null },
      expected: { boardColumn: 'Dev', boardColumnSource: 'stateMapping' },
    },
    {
      why: 'no move and two columns hold the state: unknown, not guessed',
      item: { workItemType: 'User Story', state: 'Active', boardColumn: null },
      expected: { boardColumn: null, boardColumnSource: 'unknown' },
    },
    {
      why: 'no move and no column maps the state',
      item: { workItemType: 'User Story', state: 'Blocked', boardColumn: null },
      expected: { boardColumn: null, boardColumnSource: 'unknown' },
    },
  ])('$why', ({ item, expected }) => {
    expect(resolveAgingColumn(board, item)).toEqual(expected);
  });

  it('is unknown when the team has no board, whatever was recorded', () => {
    expect(resolveAgingColumn(null, { workItemType: 'Bug', state: 'Active', boardColumn: 'Dev' })).toEqual({
      boardColumn: null,
      boardColumnSource: 'unknown',
    });
  });
});
