import {
  BOARD_COLUMN_TYPES,
  type BoardColumnRecord,
  type TeamIterationRecord,
} from '../../../domain/records.ts';
import { integer, optionalText, text } from '../rows.ts';
import type { SqlExecutor } from '../sqlDatabase.ts';
import type { TeamPageKey } from './teamPageWrites.ts';

/** A team's iterations as last read: the answer is the whole list, so it replaces what was stored. */
export async function replaceIterations(
  executor: SqlExecutor,
  key: TeamPageKey,
  iterations: readonly TeamIterationRecord[],
): Promise<void> {
  const team = key.team.toLowerCase();
  await executor.run('DELETE FROM team_iterations WHERE organization = ? AND project = ? AND team = ?', [
    key.organization,
    key.project,
    team,
  ]);
  for (const iteration of iterations) {
    await executor.run(
      `INSERT INTO team_iterations (organization, project, team, iteration_id, name, path, start_day, finish_day, raw_page_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        key.organization,
        key.project,
        team,
        iteration.id,
        iteration.name,
        iteration.path,
        iteration.startDay,
        iteration.finishDay,
        key.rawPageId,
      ],
    );
  }
}

export async function readIterations(
  executor: SqlExecutor,
  organization: string,
  project: string,
  team: string,
): Promise<TeamIterationRecord[]> {
  const rows = await executor.all(
    `SELECT * FROM team_iterations WHERE organization = ? AND project = ? AND team = ?
     ORDER BY start_day IS NULL, start_day, name`,
    [organization, project, team.toLowerCase()],
  );
  return rows.map((row) => ({
    id: text(row, 'iteration_id'),
    name: text(row, 'name'),
    path: text(row, 'path'),
    startDay: optionalText(row, 'start_day'),
    finishDay: optionalText(row, 'finish_day'),
  }));
}

export async function replaceBoardColumns(
  executor: SqlExecutor,
  key: TeamPageKey,
  board: string,
  columns: readonly BoardColumnRecord[],
): Promise<void> {
  const team = key.team.toLowerCase();
  await executor.run(
    'DELETE FROM board_columns WHERE organization = ? AND project = ? AND team = ? AND board = ?',
    [key.organization, key.project, team, board],
  );
  for (const column of columns) {
    await executor.run(
      `INSERT INTO board_columns (organization, project, team, board, position, column_id, name, column_type, item_limit,
         state_mappings, raw_page_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        key.organization,
        key.project,
        team,
        board,
        column.position,
        column.id,
        column.name,
        column.columnType,
        column.itemLimit,
        JSON.stringify(column.stateMappings),
        key.rawPageId,
      ],
    );
  }
}

export async function readBoardColumns(
  executor: SqlExecutor,
  organization: string,
  project: string,
  team: string,
): Promise<BoardColumnRecord[]> {
  const rows = await executor.all(
    'SELECT * FROM board_columns WHERE organization = ? AND project = ? AND team = ? ORDER BY board, position',
    [organization, project, team.toLowerCase()],
  );
  return rows.map((row) => {
    const columnType = BOARD_COLUMN_TYPES.find((type) => type === text(row, 'column_type'));
    if (columnType === undefined)
      throw new Error(`Stored board column type ${text(row, 'column_type')} is unknown`);
    const mappings: unknown = JSON.parse(text(row, 'state_mappings'));
    if (typeof mappings !== 'object' || mappings === null)
      throw new Error('Stored state mappings are not an object');
    const stateMappings: Record<string, string> = {};
    for (const [type, state] of Object.entries(mappings))
      if (typeof state === 'string') stateMappings[type] = state;
    return {
      board: text(row, 'board'),
      position: integer(row, 'position'),
      id: text(row, 'column_id'),
      name: text(row, 'name'),
      columnType,
      itemLimit: integer(row, 'item_limit'),
      stateMappings,
    };
  });
}
