import type {
  BoardColumnRecord,
  FlowItem,
  TeamIterationRecord,
  WorkItemLinkRecord,
  StateTransitionRecord,
  TeamScope,
  WorkItemRecord,
  WorkItemRevisionRecord,
} from '../../../domain/records.ts';
import { isStateCategory, type StateCategory, type WorkflowStateMap } from '../../../domain/workflow.ts';
import type {
  ItemIterationHistory,
  ItemKind,
  ItemSelection,
  PageSource,
  QuarantinedRecord,
  SeikaRepository,
  StoredQuarantinedRecord,
  TeamDataVersion,
  StoredRawPage,
  RevisionDerivers,
  WorkflowStateRow,
} from '../../repository.ts';
import { rawPageIdFor } from '../rawPages.ts';
import * as bookkeeping from '../syncBookkeeping.ts';
import { readActiveLinks, writeLinks } from './linkQueries.ts';
import { parseFieldValues, toTransition, toWorkItem } from './revisionRows.ts';
import { writeRevisionPage } from './revisionWrites.ts';
import { touchRevisedAreas } from './areaVersions.ts';
import { touchAllScopes, touchScopes } from '../dataVersions.ts';
import { readIterationHistories } from './iterationHistory.ts';
import { listQuarantined, replaceQuarantined } from './quarantine.ts';
import * as teamReads from './teamReads.ts';
import { integer, optionalText, stringArray, text } from '../rows.ts';
import {
  readBoardColumns,
  readIterations,
  replaceBoardColumns,
  replaceIterations,
} from './teamBoardQueries.ts';
import { insertMany, type SqlDatabase } from '../sqlDatabase.ts';
import { readTeamCalendar, replaceDaysOff, replaceWorkingDays } from './teamCalendarQueries.ts';
import { applyTeamPage, upsertTeamScope } from './teamPageWrites.ts';
import type { DayOfWeek, TeamCalendarRecord } from '../../../domain/teamCalendar.ts';

/** The repository over either SQL dialect. Every statement is scoped by organization. */
export class SqlRepository implements SeikaRepository {
  constructor(private readonly database: SqlDatabase) {}

  async applyRevisionPage(
    organization: string,
    page: PageSource,
    revisions: readonly WorkItemRevisionRecord[],
    derive: RevisionDerivers,
    quarantined: readonly QuarantinedRecord[] = [],
  ): Promise<number> {
    return this.database.transaction(async (executor) => {
      const rawPageId = await rawPageIdFor(executor, organization, page);
      await touchRevisedAreas(executor, organization, revisions);
      await writeRevisionPage(executor, organization, rawPageId, revisions, derive);
      await replaceQuarantined(executor, organization, REVISIONS_PAGE_KIND, rawPageId, quarantined);
      return rawPageId;
    });
  }

  listQuarantined(organization: string): Promise<StoredQuarantinedRecord[]> {
    return listQuarantined(this.database, organization);
  }

  applyQuarantinedPage(organization: string, page: PageSource): Promise<number> {
    return this.database.transaction((executor) => rawPageIdFor(executor, organization, page));
  }

  async applyWorkflowPage(
    organization: string,
    project: string,
    page: PageSource,
    states: readonly WorkflowStateRow[],
  ): Promise<number> {
    return this.database.transaction(async (executor) => {
      const rawPageId = await rawPageIdFor(executor, organization, page);
      const columns = ['organization', 'project', 'work_item_type', 'state', 'category', 'raw_page_id'];
      await insertMany(
        executor,
        'workflow_states',
        columns,
        states.map((row) => [organization, project, row.workItemType, row.state, row.category, rawPageId]),
        'ON CONFLICT (organization, project, work_item_type, state) DO UPDATE SET category = excluded.category, raw_page_id = excluded.raw_page_id',
      );
      await touchScopes(executor, organization, [{ kind: 'workflow', project }]);
      return rawPageId;
    });
  }

  applyTeamScopePage(
    organization: string,
    project: string,
    team: string,
    page: PageSource,
    scope: TeamScope,
  ): Promise<number> {
    return applyTeamPage(this.database, { organization, project, team, page }, (executor, key) =>
      upsertTeamScope(executor, key, scope),
    );
  }

  applyIterationsPage(
    organization: string,
    project: string,
    team: string,
    page: PageSource,
    iterations: readonly TeamIterationRecord[],
  ): Promise<number> {
    return applyTeamPage(this.database, { organization, project, team, page }, (executor, key) =>
      replaceIterations(executor, key, iterations),
    );
  }

  applyBoardColumnsPage(
    organization: string,
    project: string,
    team: string,
    board: string,
    page: PageSource,
    columns: readonly BoardColumnRecord[],
  ): Promise<number> {
    return applyTeamPage(this.database, { organization, project, team, page }, (executor, key) =>
      replaceBoardColumns(executor, key, board, columns),
    );
  }

  applyTeamWorkingDays(
    organization: string,
    project: string,
    team: string,
    page: PageSource,
    workingDays: readonly DayOfWeek[],
  ): Promise<number> {
    return applyTeamPage(this.database, { organization, project, team, page }, (executor, key) =>
      replaceWorkingDays(executor, key, workingDays),
    );
  }

  applyTeamDaysOffPage(
    organization: string,
    project: string,
    team: string,
    iterationId: string,
    page: PageSource,
    daysOff: readonly { start: string; end: string }[],
  ): Promise<number> {
    return applyTeamPage(this.database, { organization, project, team, page }, (executor, key) =>
      replaceDaysOff(executor, key, iterationId, daysOff),
    );
  }

  getTeamCalendar(organization: string, project: string, team: string): Promise<TeamCalendarRecord> {
    return readTeamCalendar(this.database, organization, project, team);
  }

  getTeamIterations(organization: string, project: string, team: string): Promise<TeamIterationRecord[]> {
    return readIterations(this.database, organization, project, team);
  }

  getBoardColumns(organization: string, project: string, team: string): Promise<BoardColumnRecord[]> {
    return readBoardColumns(this.database, organization, project, team);
  }

  getIterationHistories(
    organization: string,
    iterationPaths: readonly string[],
  ): Promise<{ known: boolean; items: ItemIterationHistory[] }> {
    return readIterationHistories(this.database, organization, iterationPaths);
  }

  async getBoardColumnHistory(
    organization: string,
    project: string,
  ): Promise<Map<number, { at: number; column: string }[]>> {
    const rows = await this.database.all(
      `SELECT c.work_item_id, c.at, c.board_column FROM board_column_changes c
       JOIN work_items w ON w.organization = c.organization AND w.work_item_id = c.work_item_id
       WHERE c.organization = ? AND w.project = ? ORDER BY c.work_item_id, c.revision`,
      [organization, project],
    );
    const history = new Map<number, { at: number; column: string }[]>();
    for (const row of rows) {
      const id = integer(row, 'work_item_id');
      const list = history.get(id) ?? [];
      list.push({ at: integer(row, 'at'), column: text(row, 'board_column') });
      history.set(id, list);
    }
    return history;
  }

  async applyLinksPage(
    organization: string,
    page: PageSource,
    links: readonly WorkItemLinkRecord[],
    quarantined: readonly QuarantinedRecord[] = [],
  ): Promise<number> {
    return this.database.transaction(async (executor) => {
      const rawPageId = await rawPageIdFor(executor, organization, page);
      await replaceQuarantined(executor, organization, LINKS_PAGE_KIND, rawPageId, quarantined);
      await writeLinks(executor, organization, rawPageId, links);
      return rawPageId;
    });
  }

  getActiveLinks(organization: string): Promise<WorkItemLinkRecord[]> {
    return readActiveLinks(this.database, organization);
  }

  getWatermark(organization: string, stream: string): Promise<string | undefined> {
    return bookkeeping.getWatermark(this.database, organization, stream);
  }

  setWatermark(organization: string, stream: string, value: string): Promise<void> {
    return bookkeeping.setWatermark(this.database, organization, stream, value);
  }

  startSyncRun(organization: string): Promise<number> {
    return bookkeeping.startSyncRun(this.database, organization);
  }

  finishSyncRun(runId: number, outcome: Parameters<SeikaRepository['finishSyncRun']>[1]): Promise<void> {
    return bookkeeping.finishSyncRun(this.database, runId, outcome);
  }

  lastSuccessfulSync(organization: string): Promise<string | undefined> {
    return bookkeeping.lastSuccessfulSync(this.database, organization);
  }

  listRawPages(organization: string, stream: string): Promise<StoredRawPage[]> {
    return bookkeeping.listRawPages(this.database, organization, stream);
  }

  rawPagesAfter(organization: string, afterId: number, limit: number): Promise<StoredRawPage[]> {
    return bookkeeping.rawPagesAfter(this.database, organization, afterId, limit);
  }

  organizationsWithRawPages(): Promise<string[]> {
    return bookkeeping.organizationsWithRawPages(this.database);
  }

  async clearNormalised(organization: string): Promise<void> {
    await this.database.transaction(async (executor) => {
      for (const table of NORMALISED_TABLES) {
        await executor.run(`DELETE FROM ${table} WHERE organization = ?`, [organization]);
      }
      // Pages applied again may not reach every scope they reached before (a mapping fix).
      await touchAllScopes(executor, organization);
    });
  }

  async getWorkflow(organization: string, project: string): Promise<WorkflowStateMap> {
    const workflow = new Map<string, Map<string, StateCategory>>();
    const rows = await this.database.all(
      'SELECT * FROM workflow_states WHERE organization = ? AND project = ?',
      [organization, project],
    );
    for (const row of rows) {
      const category = text(row, 'category');
      if (!isStateCategory(category)) throw new Error(`Stored state category ${category} is unknown`);
      const type = text(row, 'work_item_type');
      const states = workflow.get(type) ?? new Map<string, StateCategory>();
      states.set(text(row, 'state'), category);
      workflow.set(type, states);
    }
    return workflow;
  }

  async listTeams(organization: string, project: string): Promise<string[]> {
    const rows = await this.database.all(
      'SELECT team, display_name FROM team_scopes WHERE organization = ? AND project = ?',
      [organization, project],
    );
    return rows
      .map((row) => optionalText(row, 'display_name') ?? text(row, 'team'))
      .sort((a, b) => a.localeCompare(b));
  }

  async getTeamScope(organization: string, project: string, team: string): Promise<TeamScope | undefined> {
    const row = await this.database.get(
      'SELECT * FROM team_scopes WHERE organization = ? AND project = ? AND team = ?',
      [organization, project, team.toLowerCase()],
    );
    if (row === undefined) return undefined;
    return {
      field: text(row, 'team_field'),
      values: parseFieldValues(JSON.parse(text(row, 'field_values'))),
      backlogWorkItemTypes: stringArray(row, 'backlog_work_item_types'),
    };
  }

  async getWorkItems(organization: string, project: string): Promise<WorkItemRecord[]> {
    const rows = await this.database.all(
      'SELECT * FROM work_items WHERE organization = ? AND project = ? ORDER BY work_item_id',
      [organization, project],
    );
    return rows.map(toWorkItem);
  }

  async getFlowItems(organization: string, project: string): Promise<FlowItem[]> {
    const items = await this.getWorkItems(organization, project);
    const rows = await this.database.all(
      `SELECT t.* FROM state_transitions t
       JOIN work_items w ON w.organization = t.organization AND w.work_item_id = t.work_item_id
       WHERE t.organization = ? AND w.project = ? ORDER BY t.work_item_id, t.revision`,
      [organization, project],
    );
    const transitionsById = new Map<number, StateTransitionRecord[]>();
    for (const row of rows) {
      const transition = toTransition(row);
      const list = transitionsById.get(transition.workItemId) ?? [];
      list.push(transition);
      transitionsById.set(transition.workItemId, list);
    }
    return items.map((item) => ({ item, transitions: transitionsById.get(item.id) ?? [] }));
  }

  getItemKinds(organization: string, project: string): Promise<ItemKind[]> {
    return teamReads.readItemKinds(this.database, organization, project);
  }

  getSelectedFlowItems(organization: string, project: string, selection: ItemSelection): Promise<FlowItem[]> {
    return teamReads.readSelectedFlowItems(this.database, organization, project, selection);
  }

  getSelectedColumnHistory(
    organization: string,
    project: string,
    selection: ItemSelection,
  ): Promise<Map<number, { at: number; column: string }[]>> {
    return teamReads.readSelectedColumnHistory(this.database, organization, project, selection);
  }

  readTeamDataVersion(organization: string, project: string, team: string): Promise<TeamDataVersion> {
    return teamReads.readTeamDataVersion(this.database, organization, project, team);
  }

  async countRows(
    organization: string,
  ): Promise<{ rawPages: number; revisions: number; transitions: number; workItems: number }> {
    const count = async (table: string): Promise<number> => {
      const row = await this.database.get(`SELECT COUNT(*) AS n FROM ${table} WHERE organization = ?`, [
        organization,
      ]);
      return row === undefined ? 0 : integer(row, 'n');
    };
    return {
      rawPages: await count('raw_pages'),
      revisions: await count('work_item_revisions'),
      transitions: await count('state_transitions'),
      workItems: await count('work_items'),
    };
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

/** Every table derived from raw pages; re-normalising empties them and rebuilds them from the pages. */
const NORMALISED_TABLES = [
  'quarantined_records',
  'state_transitions',
  'board_column_changes',
  'iteration_changes',
  'work_items',
  'work_item_revisions',
  'workflow_states',
  'team_scopes',
  'team_iterations',
  'board_columns',
  'team_working_days',
  'team_days_off',
  'work_item_links',
  'delivery_builds',
  'delivery_deployments',
  'delivery_pull_requests',
  'delivery_pull_request_work_items',
  'delivery_pull_request_commits',
  'delivery_commits',
  'delivery_build_changes',
  'delivery_build_change_queries',
  'delivery_incident_links',
] as const;

/** Raw page kinds with quarantine (sync/collect names them the same; storage may not import sync). */
const REVISIONS_PAGE_KIND = 'wit.reporting.revisions';
const LINKS_PAGE_KIND = 'wit.reporting.links';
