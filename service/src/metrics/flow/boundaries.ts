/**
 * Where a team's flow starts and ends (its commitment and delivery points). The default is by state
 * category (metric definitions § Workflow); a team may choose a state or a board column instead, and
 * every state or column after it in workflow order then counts as past that point.
 */
import type { StateCategory, WorkflowStateMap } from '../../domain/workflow.ts';
import { STATE_CATEGORIES } from '../../domain/workflow.ts';
import { CATEGORY_CODE, UNKNOWN_CATEGORY } from './workflow.ts';

export type FlowBoundary =
  | { kind: 'category' }
  /** Any of these state names (names differ between types); the first found in a type's order marks it. */
  | { kind: 'state'; states: readonly string[] }
  | { kind: 'boardColumn'; column: string };

export const CATEGORY_BOUNDARY: FlowBoundary = { kind: 'category' };

/** Workflow order as data: states per type in process order, and the board's columns left to right. */
export interface WorkflowLayout {
  statesByType?: ReadonlyMap<string, readonly string[]>;
  boardColumns?: readonly string[];
}

/** A change of board column (System.BoardColumn), for column-based boundaries and the column CFD. */
export interface BoardColumnChange {
  at: number;
  column: string;
}

/**
 * Each type's states in workflow order: by category (Proposed → … → Removed), then in the order the
 * layout gives (or the process map's insertion order).
 */
export function orderedStates(
  workflow: WorkflowStateMap,
  layout: WorkflowLayout = {},
): Map<string, string[]> {
  const ordered = new Map<string, string[]>();
  for (const [type, states] of workflow) {
    const given = layout.statesByType?.get(type) ?? [];
    const names = [...new Set([...given.filter((name) => states.has(name)), ...states.keys()])];
    const rank = (name: string): number => CATEGORY_CODE[states.get(name) ?? 'Removed'];
    ordered.set(
      type,
      names
        .map((name, position) => ({ name, position }))
        .sort((a, b) => rank(a.name) - rank(b.name) || a.position - b.position)
        .map(({ name }) => name),
    );
  }
  return ordered;
}

/** Decides the stage code (a category code: Proposed / InProgress / Completed, or Removed) of a moment. */
export interface StageResolver {
  /** True when both boundaries are by category: stage codes are then the category codes themselves. */
  byCategory: boolean;
  usesColumns: boolean;
  stageOf(type: string, state: string, category: number, columnRank: number): number;
}

const STARTED = CATEGORY_CODE.InProgress;
const DONE = CATEGORY_CODE.Completed;
const NOT_STARTED = CATEGORY_CODE.Proposed;

type PointTest = (type: string, state: string, category: number, columnRank: number) => boolean;

function pointTest(
  boundary: FlowBoundary,
  byCategory: (category: number) => boolean,
  order: Map<string, string[]>,
  columns: readonly string[],
): PointTest {
  switch (boundary.kind) {
    case 'category':
      return (_type, _state, category) => byCategory(category);
    case 'boardColumn': {
      const rank = columns.indexOf(boundary.column);
      return (_type, _state, _category, columnRank) => rank >= 0 && columnRank >= rank;
    }
    case 'state': {
      const rankByType = new Map<string, { threshold: number; ranks: Map<string, number> }>();
      for (const [type, names] of order) {
        const ranks = new Map(names.map((name, index) => [name, index]));
        const found = boundary.states.map((name) => ranks.get(name)).filter((rank) => rank !== undefined);
        if (found.length > 0) rankByType.set(type, { threshold: Math.min(...found), ranks });
      }
      return (type, state, category) => {
        const entry = rankByType.get(type);
        if (entry === undefined) return byCategory(category);
        return (entry.ranks.get(state) ?? -1) >= entry.threshold;
      };
    }
  }
}

const isStartedOrLater = (category: number): boolean =>
  category === CATEGORY_CODE.InProgress || category === CATEGORY_CODE.Resolved || category === DONE;
const isCompleted = (category: number): boolean => category === DONE;

export function createStageResolver(
  workflow: WorkflowStateMap,
  start: FlowBoundary = CATEGORY_BOUNDARY,
  end: FlowBoundary = CATEGORY_BOUNDARY,
  layout: WorkflowLayout = {},
): StageResolver {
  const byCategory = start.kind === 'category' && end.kind === 'category';
  const order = orderedStates(workflow, layout);
  const columns = layout.boardColumns ?? [];
  const started = pointTest(start, isStartedOrLater, order, columns);
  const done = pointTest(end, isCompleted, order, columns);
  return {
    byCategory,
    usesColumns: start.kind === 'boardColumn' || end.kind === 'boardColumn',
    stageOf(type, state, category, columnRank) {
      if (byCategory || category === CATEGORY_CODE.Removed || category === UNKNOWN_CATEGORY) return category;
      if (done(type, state, category, columnRank)) return DONE;
      return started(type, state, category, columnRank) ? STARTED : NOT_STARTED;
    },
  };
}

/** Category names in stacking order, for outputs keyed by category. */
export const CATEGORY_ORDER: readonly StateCategory[] = STATE_CATEGORIES;
