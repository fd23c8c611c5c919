import type {
  BoardColumnChangeRecord,
  BoardColumnRecord,
  FlowItem,
  IterationChangeRecord,
  TeamIterationRecord,
  WorkItemLinkRecord,
  StateTransitionRecord,
  TeamScope,
  WorkItemRecord,
  WorkItemRevisionRecord,
} from '../domain/records.ts';
import type { DayOfWeek, TeamCalendarRecord } from '../domain/teamCalendar.ts';
import type { StateCategory, WorkflowStateMap } from '../domain/workflow.ts';

/** A page exactly as the API returned it, with the request that produced it. */
export interface RawPage {
  stream: string;
  requestUrl: string;
  requestToken: string | null;
  responseToken: string | null;
  isLastBatch: boolean;
  itemCount: number;
  body: string;
}

/**
 * Where an apply's rows come from: a page just fetched (stored now), or one stored earlier (re-normalising).
 * With `quarantine`, the page's records that could not be normalised replace what the page had in
 * quarantine, in the same transaction as its rows (an empty list empties it: a fixed mapping).
 */
export type PageSource = (RawPage | { storedPageId: number }) & {
  quarantine?: { stream: string; records: readonly QuarantinedRecord[] };
};

export interface StoredRawPage extends RawPage {
  id: number;
  fetchedAt: string;
}

export interface WorkflowStateRow {
  workItemType: string;
  state: string;
  category: StateCategory;
}

/**
 * Derives a work item's state transitions from consecutive revisions in order; `stateBefore` is the state
 * of the stored revision just before the first one given (null when they start at the item's creation).
 */
export type TransitionDeriver = (
  revisions: readonly (WorkItemRevisionRecord & { rawPageId: number })[],
  stateBefore: string | null,
) => StateTransitionRecord[];

/** Board-column moves from consecutive revisions; `columnBefore` as `stateBefore` above. */
export type ColumnChangeDeriver = (
  revisions: readonly (WorkItemRevisionRecord & { rawPageId: number })[],
  columnBefore: string | null,
) => BoardColumnChangeRecord[];

/** Moves between iterations from consecutive revisions; `iterationBefore` as `stateBefore` above. */
export type IterationChangeDeriver = (
  revisions: readonly (WorkItemRevisionRecord & { rawPageId: number })[],
  iterationBefore: string | null,
) => IterationChangeRecord[];

export interface RevisionDerivers {
  transitions: TransitionDeriver;
  columnChanges: ColumnChangeDeriver;
  iterationChanges: IterationChangeDeriver;
}

/** An item's moves into iterations, in time order: its sprint membership history. */
export interface ItemIterationHistory {
  workItemId: number;
  moves: { at: number; iterationPath: string }[];
}

/** A stored (area path, work item type) pair: what decides whether an item belongs to a team. */
export interface ItemKind {
  areaPath: string;
  workItemType: string;
}

/** Exact stored values a team-scoped read selects: items whose area path AND type are among them. */
export interface ItemSelection {
  areaPaths: readonly string[];
  workItemTypes: readonly string[];
}

/**
 * What a team's flow answers depend on in storage; every part is an index seek or a read of the project's
 * area versions. Data versions (storage/sql/dataVersions.ts) are 0 for data not written since they were kept.
 */
export interface TeamDataVersion {
  settings: { settings: string; updatedAt: string } | undefined;
  /** Data version of the team's metadata (scope, iterations, board columns, calendar). */
  teamVersion: number;
  /** Data version of the project's workflow. */
  workflowVersion: number;
  /** The team's field values, to choose its areas among `areaVersions`; empty when the team is unknown. */
  fieldValues: TeamScope['values'];
  /** Each area path of the project (normalised: lower-cased, no outer separators) with its data version. */
  areaVersions: readonly { area: string; version: number }[];
  /** When the organization's last successful sync run finished: the answers' `syncedAt`. */
  lastSuccessfulSync: string | null;
  teamKnown: boolean;
}

/** A record of a raw page that could not be normalised: kept aside, the page's other records apply. */
export interface QuarantinedRecord {
  /** Index of the record in the page's list. */
  position: number;
  /** The record's own key, e.g. `123#4` (work item 123, revision 4). */
  itemKey: string;
  /** The record as Azure DevOps sent it (identities are removed before it is stored). */
  item: unknown;
  reason: string;
}

export interface StoredQuarantinedRecord extends QuarantinedRecord {
  stream: string;
  rawPageId: number;
  quarantinedAt: number;
}

export interface SyncRunSummary {
  pages: number;
  requests: number;
  revisions: number;
}

/**
 * Everything the service stores. Every method is scoped by organization: no call can read across tenants.
 * Each "apply" method is atomic: either the raw page and all rows derived from it are stored, or nothing is.
 */
export interface SeikaRepository {
  /** Stores a revisions page and its normalised revisions, then re-derives transitions of the touched items. */
  applyRevisionPage(
    organization: string,
    page: PageSource,
    revisions: readonly WorkItemRevisionRecord[],
    derive: RevisionDerivers,
    /** The page's records that could not be normalised; they replace what the page had in quarantine. */
    quarantined?: readonly QuarantinedRecord[],
  ): Promise<number>;
  /** Records kept aside because they could not be normalised, oldest page first. */
  listQuarantined(organization: string): Promise<StoredQuarantinedRecord[]>;
  /** Stores a page none of whose records could be normalised, with its quarantine; nothing else applies. */
  applyQuarantinedPage(organization: string, page: PageSource): Promise<number>;
  applyIterationsPage(
    organization: string,
    project: string,
    team: string,
    page: PageSource,
    iterations: readonly TeamIterationRecord[],
  ): Promise<number>;
  /** Replaces the team's columns of one board. */
  applyBoardColumnsPage(
    organization: string,
    project: string,
    team: string,
    board: string,
    page: PageSource,
    columns: readonly BoardColumnRecord[],
  ): Promise<number>;
  applyWorkflowPage(
    organization: string,
    project: string,
    page: PageSource,
    states: readonly WorkflowStateRow[],
  ): Promise<number>;
  applyTeamScopePage(
    organization: string,
    project: string,
    team: string,
    page: PageSource,
    scope: TeamScope,
  ): Promise<number>;
  /** The team's working weekdays from its settings (the page is the team-scope page that carried them). */
  applyTeamWorkingDays(
    organization: string,
    project: string,
    team: string,
    page: PageSource,
    workingDays: readonly DayOfWeek[],
  ): Promise<number>;
  /** Replaces one iteration's team days off. */
  applyTeamDaysOffPage(
    organization: string,
    project: string,
    team: string,
    iterationId: string,
    page: PageSource,
    daysOff: readonly { start: string; end: string }[],
  ): Promise<number>;
  /** The team's working weekdays and days off of every iteration read. */
  getTeamCalendar(organization: string, project: string, team: string): Promise<TeamCalendarRecord>;

  /** Latest state of each link wins (a later change of the same link replaces an earlier one). */
  applyLinksPage(
    organization: string,
    page: PageSource,
    links: readonly WorkItemLinkRecord[],
    /** The page's links that could not be read; they replace what the page had in quarantine. */
    quarantined?: readonly QuarantinedRecord[],
  ): Promise<number>;
  /** Links currently active whose source or target is one of the organization's items. */
  getActiveLinks(organization: string): Promise<WorkItemLinkRecord[]>;

  getWatermark(organization: string, stream: string): Promise<string | undefined>;
  /** Moves a watermark. Callers do so only after every page of the run is stored. */
  setWatermark(organization: string, stream: string, value: string): Promise<void>;

  startSyncRun(organization: string): Promise<number>;
  finishSyncRun(
    runId: number,
    outcome: { status: 'succeeded' | 'failed'; error?: string } & SyncRunSummary,
  ): Promise<void>;
  lastSuccessfulSync(organization: string): Promise<string | undefined>;

  listRawPages(organization: string, stream: string): Promise<StoredRawPage[]>;
  /** Raw pages of every kind after `afterId`, in the order they were stored, `limit` at a time. */
  rawPagesAfter(organization: string, afterId: number, limit: number): Promise<StoredRawPage[]>;
  /** Organizations that have raw pages. */
  organizationsWithRawPages(): Promise<string[]>;
  /** Deletes every normalised row of the organization; raw pages and watermarks stay. */
  clearNormalised(organization: string): Promise<void>;
  getWorkflow(organization: string, project: string): Promise<WorkflowStateMap>;
  getTeamScope(organization: string, project: string, team: string): Promise<TeamScope | undefined>;
  /** The project's synchronised teams, as Azure DevOps spells their names (lower-cased when not yet re-synced). */
  listTeams(organization: string, project: string): Promise<string[]>;
  getWorkItems(organization: string, project: string): Promise<WorkItemRecord[]>;
  getFlowItems(organization: string, project: string): Promise<FlowItem[]>;
  /** Distinct (area path, type) pairs of the project's items (team-scoped reads choose among them). */
  getItemKinds(organization: string, project: string): Promise<ItemKind[]>;
  /** getFlowItems restricted to the selection, read through an index rather than filtered afterwards. */
  getSelectedFlowItems(organization: string, project: string, selection: ItemSelection): Promise<FlowItem[]>;
  /** getBoardColumnHistory restricted to the selection. */
  getSelectedColumnHistory(
    organization: string,
    project: string,
    selection: ItemSelection,
  ): Promise<Map<number, { at: number; column: string }[]>>;
  readTeamDataVersion(organization: string, project: string, team: string): Promise<TeamDataVersion>;
  /** Board-column moves of every item of the project, in time order per item. */
  getBoardColumnHistory(
    organization: string,
    project: string,
  ): Promise<Map<number, { at: number; column: string }[]>>;
  getTeamIterations(organization: string, project: string, team: string): Promise<TeamIterationRecord[]>;
  /**
   * The whole iteration history of every item that was ever in one of `iterationPaths` (any case), read
   * through index `iteration_changes_by_iteration`; items in no such iteration are absent. `known`: the
   * organization has any iteration history at all (false until revisions are synced with their paths).
   */
  getIterationHistories(
    organization: string,
    iterationPaths: readonly string[],
  ): Promise<{ known: boolean; items: ItemIterationHistory[] }>;
  /** The team's board columns in board order, per board. */
  getBoardColumns(organization: string, project: string, team: string): Promise<BoardColumnRecord[]>;
  countRows(
    organization: string,
  ): Promise<{ rawPages: number; revisions: number; transitions: number; workItems: number }>;

  close(): Promise<void>;
}
