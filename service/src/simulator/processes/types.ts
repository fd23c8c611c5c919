import type { StateCategory } from '../../domain/workflow.ts';

export interface StateDef {
  readonly name: string;
  readonly color: string;
  readonly category: StateCategory;
}

export interface WorkItemTypeDef {
  readonly name: string;
  readonly referenceName: string;
  readonly color: string;
  readonly icon: string;
  readonly states: readonly StateDef[];
  /** System.Reason when entering a state moving forward (and for the initial state). */
  readonly reasons: Readonly<Record<string, string>>;
  /** System.Reason when moving back to an earlier state (reactivation, rework). */
  readonly backwardReason: string;
}

export type BoardColumnType = 'incoming' | 'inProgress' | 'outgoing';

/** One column of a process's default Kanban board: the state it maps to for each type on the board. */
export interface ColumnDef {
  readonly name: string;
  readonly columnType: BoardColumnType;
  /** State this column maps to (the same state name for every type on the board). */
  readonly state: string;
  readonly itemLimit: number;
  readonly isSplit: boolean;
}

export interface BacklogLevelDef {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly color: string;
  readonly types: readonly string[];
}

export type BugsBehavior = 'off' | 'asRequirements' | 'asTasks';

export interface ProcessDef {
  readonly name: string;
  readonly templateTypeId: string;
  /** For inherited processes: the system process it derives from. */
  readonly parent: string | undefined;
  readonly types: readonly WorkItemTypeDef[];
  readonly requirement: BacklogLevelDef;
  readonly task: BacklogLevelDef;
  /** Portfolio levels from the top (Epics) down. */
  readonly portfolio: readonly BacklogLevelDef[];
  /** The bug category; Basic has no Bug type, so its list is empty. */
  readonly bug: BacklogLevelDef;
  readonly effortField: { readonly referenceName: string; readonly name: string };
  readonly defaultBugsBehavior: BugsBehavior;
  /** Default columns of the requirement board (state names shared by its types). */
  readonly requirementColumns: readonly ColumnDef[];
}

const typeIndex = new WeakMap<ProcessDef, Map<string, WorkItemTypeDef>>();

/** A process's work item type by name (case-insensitive). */
export function typeOf(process: ProcessDef, name: string): WorkItemTypeDef | undefined {
  let index = typeIndex.get(process);
  if (!index) {
    index = new Map(process.types.map((type) => [type.name.toLowerCase(), type]));
    typeIndex.set(process, index);
  }
  return index.get(name.toLowerCase());
}

export function stateOf(type: WorkItemTypeDef, name: string): StateDef | undefined {
  return type.states.find((state) => state.name === name);
}

/** Columns mapping each state 1:1 in workflow order (the default for portfolio boards). */
export function columnsFromStates(states: readonly StateDef[]): ColumnDef[] {
  const visible = states.filter((state) => state.category !== 'Removed');
  return visible.map((state, index) => ({
    name: state.name,
    columnType: index === 0 ? 'incoming' : index === visible.length - 1 ? 'outgoing' : 'inProgress',
    state: state.name,
    itemLimit: index === 0 || index === visible.length - 1 ? 0 : 5,
    isSplit: false,
  }));
}
