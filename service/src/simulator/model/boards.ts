import { derivedGuid } from './ids.ts';
import type { BoardModel, ColumnModel } from './organization.ts';
import { columnsFromStates, typeOf } from '../processes/types.ts';
import type { BacklogLevelDef, BugsBehavior, ColumnDef, ProcessDef } from '../processes/types.ts';

function column(seed: number, boardId: string, def: ColumnDef, types: readonly string[]): ColumnModel {
  return {
    id: derivedGuid(seed, `column:${boardId}:${def.name}`),
    name: def.name,
    columnType: def.columnType,
    itemLimit: def.itemLimit,
    isSplit: def.isSplit,
    description: '',
    stateMappings: Object.fromEntries(types.map((type) => [type, def.state])),
  };
}

function board(
  seed: number,
  teamId: string,
  level: BacklogLevelDef,
  types: readonly string[],
  columns: readonly ColumnDef[],
  extensionId: string,
): BoardModel {
  const id = derivedGuid(seed, `board:${teamId}:${level.id}`);
  return {
    id,
    name: level.name,
    levelId: level.id,
    extensionId,
    columns: columns.map((def) => column(seed, id, def, types)),
  };
}

const hexId = (guid: string): string => guid.replace(/-/g, '').toUpperCase();

/**
 * A team's Kanban boards: one per portfolio level and the requirement level (bugs join the requirement
 * board when the team manages them as requirements). The requirement board's WEF field carries the
 * team id, as the first simulator did.
 */
export function teamBoards(
  seed: number,
  process: ProcessDef,
  teamId: string,
  bugsBehavior: BugsBehavior,
  requirementColumns: readonly ColumnDef[] = process.requirementColumns,
): BoardModel[] {
  const bugsOnBoard = bugsBehavior === 'asRequirements' ? process.bug.types : [];
  const requirementTypes = [...process.requirement.types, ...bugsOnBoard];
  const portfolio = process.portfolio.map((level) => {
    const type = typeOf(process, level.types[0] ?? '');
    const columns = type ? columnsFromStates(type.states) : [];
    return board(
      seed,
      teamId,
      level,
      level.types,
      columns,
      hexId(derivedGuid(seed, `wef:${teamId}:${level.id}`)),
    );
  });
  return [
    ...portfolio,
    board(seed, teamId, process.requirement, requirementTypes, requirementColumns, hexId(teamId)),
  ];
}
