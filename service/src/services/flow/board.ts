/**
 * The team's board and sprints as the metric engine wants them: a board's column order (and the state
 * order it implies per type) as a WorkflowLayout, and dated iterations as Sprints.
 */
import type { BoardColumnRecord, TeamIterationRecord } from '../../domain/records.ts';
import type { Sprint, WorkflowLayout } from '../../metrics/index.ts';
import { dayIndex } from '../../metrics/index.ts';

export interface TeamBoard {
  name: string;
  /** Column names left to right. */
  columns: string[];
  layout: WorkflowLayout;
}

/** A picked board also keeps its columns' WIP limits, types and state per work item type (for aging). */
export interface PickedTeamBoard extends TeamBoard {
  columnDetails: TeamBoardColumn[];
}

export type TeamBoardColumn = Pick<BoardColumnRecord, 'name' | 'itemLimit' | 'columnType' | 'stateMappings'>;

/**
 * A team has a board per backlog level; flow metrics use the one whose columns map the team's measured
 * types (most of them; ties to the first board by name). A lone board is used whatever it maps.
 */
export function pickTeamBoard(
  columns: readonly BoardColumnRecord[],
  measuredTypes: readonly string[],
): PickedTeamBoard | undefined {
  const boards = new Map<string, BoardColumnRecord[]>();
  for (const column of columns) boards.set(column.board, [...(boards.get(column.board) ?? []), column]);
  const wanted = new Set(measuredTypes.map((type) => type.toLowerCase()));
  let best: { name: string; columns: BoardColumnRecord[]; score: number } | undefined;
  for (const [name, boardColumns] of [...boards].sort(([a], [b]) => a.localeCompare(b))) {
    const mapped = new Set(
      boardColumns.flatMap((column) => Object.keys(column.stateMappings).map((type) => type.toLowerCase())),
    );
    const score = [...wanted].filter((type) => mapped.has(type)).length;
    if (best === undefined || score > best.score) best = { name, columns: boardColumns, score };
  }
  if (best === undefined || (best.score === 0 && boards.size > 1)) return undefined;
  const ordered = [...best.columns].sort((a, b) => a.position - b.position);
  const statesByType = new Map<string, string[]>();
  for (const column of ordered) {
    for (const [type, state] of Object.entries(column.stateMappings)) {
      const states = statesByType.get(type) ?? [];
      if (!states.includes(state)) states.push(state);
      statesByType.set(type, states);
    }
  }
  const names = ordered.map((column) => column.name);
  const columnDetails = ordered.map(({ name, itemLimit, columnType, stateMappings }) => ({
    name,
    itemLimit,
    columnType,
    stateMappings,
  }));
  return { name: best.name, columns: names, columnDetails, layout: { boardColumns: names, statesByType } };
}

export interface DatedSprint extends Sprint {
  id: string;
  path: string;
}

function isDay(value: string | null): value is string {
  if (value === null) return false;
  try {
    dayIndex(value);
    return true;
  } catch {
    return false;
  }
}

/** Iterations with both dates (others cannot be placed on the calendar), in start order. */
export function datedSprints(iterations: readonly TeamIterationRecord[]): DatedSprint[] {
  const sprints: DatedSprint[] = [];
  for (const iteration of iterations) {
    const { startDay, finishDay } = iteration;
    if (!isDay(startDay) || !isDay(finishDay) || finishDay < startDay) continue;
    sprints.push({ id: iteration.id, name: iteration.name, path: iteration.path, startDay, finishDay });
  }
  return sprints.sort((a, b) => a.startDay.localeCompare(b.startDay) || a.name.localeCompare(b.name));
}

export function sprintsOverlapping(
  sprints: readonly DatedSprint[],
  fromDay: string,
  toDay: string,
): DatedSprint[] {
  return sprints.filter((sprint) => sprint.startDay <= toDay && sprint.finishDay >= fromDay);
}

export function sprintContaining(sprints: readonly DatedSprint[], day: string): DatedSprint | undefined {
  return sprints.find((sprint) => sprint.startDay <= day && day <= sprint.finishDay);
}
