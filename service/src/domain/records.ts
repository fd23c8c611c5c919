/**
 * Normalised, source-independent records. Sync writes them; metrics read only them.
 * Timestamps are epoch milliseconds (UTC) so metric code never parses strings on hot paths.
 */

/** Where a normalised row came from: the raw page that carried its source revision. */
export interface Provenance {
  rawPageId: number;
}

/** The latest known state of a work item, with the facts flow metrics need. */
export interface WorkItemRecord {
  id: number;
  project: string;
  workItemType: string;
  title: string;
  areaPath: string;
  tags: readonly string[];
  state: string;
  createdAt: number;
  changedAt: number;
  revision: number;
  isDeleted: boolean;
  provenance: Provenance;
}

/** One change of System.State (including the first state at creation, where fromState is null). */
export interface StateTransitionRecord {
  workItemId: number;
  revision: number;
  at: number;
  fromState: string | null;
  toState: string;
  /** The item's type at the time of the transition (types can change). */
  workItemType: string;
  provenance: Provenance;
}

/** A work item together with its state history in time order: the unit flow metrics work on. */
export interface FlowItem {
  item: WorkItemRecord;
  transitions: readonly StateTransitionRecord[];
}

/** Which area paths a team owns (team field values). */
export interface TeamScope {
  /** Usually System.AreaPath; a custom team field otherwise. */
  field: string;
  values: readonly { value: string; includeChildren: boolean }[];
  /** Work item types on the team's backlogs (requirement backlog, plus bugs unless bugsBehavior is off). */
  backlogWorkItemTypes: readonly string[];
}

/** One revision of a work item, reduced to the fields Seika uses. The normalised form of a raw revision. */
export interface WorkItemRevisionRecord {
  workItemId: number;
  revision: number;
  project: string;
  workItemType: string;
  title: string;
  areaPath: string;
  state: string;
  tags: readonly string[];
  createdAt: number;
  changedAt: number;
  isDeleted: boolean;
  /** System.BoardColumn: the team board column the item is in, when it is on a board. */
  boardColumn: string | null;
  /**
   * System.IterationPath: the iteration (sprint) the item is planned into. Absent or null when not known
   * (a revision synced before Seika asked for it, or a payload without it).
   */
  iterationPath?: string | null;
}

/** One move into an iteration (System.IterationPath), for sprint scope: baseline, added, removed, carried over. */
export interface IterationChangeRecord {
  workItemId: number;
  revision: number;
  at: number;
  iterationPath: string;
  provenance: Provenance;
}

/** One move to another board column (System.BoardColumn), for column-based boundaries and the column CFD. */
export interface BoardColumnChangeRecord {
  workItemId: number;
  revision: number;
  at: number;
  column: string;
  provenance: Provenance;
}

/** A team's iteration (sprint). Days are the API's date-only values (midnight UTC, unadjusted). */
export interface TeamIterationRecord {
  id: string;
  name: string;
  path: string;
  startDay: string | null;
  finishDay: string | null;
}

export const BOARD_COLUMN_TYPES = ['incoming', 'inProgress', 'outgoing'] as const;
export type BoardColumnType = (typeof BOARD_COLUMN_TYPES)[number];

/** A column of a team's board, in board order, with the state each work item type has in it. */
export interface BoardColumnRecord {
  board: string;
  position: number;
  id: string;
  name: string;
  columnType: BoardColumnType;
  itemLimit: number;
  stateMappings: Readonly<Record<string, string>>;
}

/** A link between two work items as last reported (reporting links API); inactive means removed. */
export interface WorkItemLinkRecord {
  sourceId: number;
  targetId: number;
  /** Reference name, e.g. System.LinkTypes.Hierarchy-Forward, System.LinkTypes.Related. */
  linkType: string;
  changedAt: number;
  isActive: boolean;
}
