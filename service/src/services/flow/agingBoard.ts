/**
 * The board side of aging WIP: the team's board columns with their WIP limits, and each item's column at
 * the basis day — from its recorded column moves, else from the one column that holds its state, else
 * unknown (said so, never guessed).
 */
import type { AgingBoard, BoardColumnSource } from '../../contract/index.ts';
import type { TeamBoardColumn } from './board.ts';

export interface AgingBoardInput {
  name: string;
  columnDetails: readonly TeamBoardColumn[];
}

export function agingBoardOf(board: AgingBoardInput | null): AgingBoard | null {
  if (board === null) return null;
  return {
    name: board.name,
    columns: board.columnDetails.map(({ name, itemLimit, columnType }) => ({ name, itemLimit, columnType })),
  };
}

export interface ResolvedColumn {
  boardColumn: string | null;
  boardColumnSource: BoardColumnSource;
}

/**
 * The column an aging item stood in at the end of the basis day. A recorded move wins; without one, the
 * item's state decides only when exactly one column maps it for the item's type (split or shared
 * columns make the state ambiguous, so the column stays unknown).
 */
export function resolveAgingColumn(
  board: AgingBoardInput | null,
  item: { workItemType: string; state: string; boardColumn: string | null },
): ResolvedColumn {
  if (board === null) return { boardColumn: null, boardColumnSource: 'unknown' };
  if (item.boardColumn !== null) return { boardColumn: item.boardColumn, boardColumnSource: 'columnHistory' };
  const type = item.workItemType.toLowerCase();
  const holding = board.columnDetails.filter((column) =>
    Object.entries(column.stateMappings).some(
      ([mappedType, state]) => mappedType.toLowerCase() === type && state === item.state,
    ),
  );
  const [only] = holding;
  return holding.length === 1 && only !== undefined
    ? { boardColumn: only.name, boardColumnSource: 'stateMapping' }
    : { boardColumn: null, boardColumnSource: 'unknown' };
}
