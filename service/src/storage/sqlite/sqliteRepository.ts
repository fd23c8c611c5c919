import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import type { FlowItem, StateTransitionRecord, TeamScope, WorkItemRecord } from '../../domain/records.ts';
import { isStateCategory, type StateCategory, type WorkflowStateMap } from '../../domain/workflow.ts';
import type { RawPage, SeikaRepository, StoredRawPage, TransitionDeriver } from '../repository.ts';
import { openDatabase } from './openDatabase.ts';
import { bool, integer, optionalText, stringArray, text } from './rows.ts';

type Row = Record<string, SQLOutputValue>;

/** SQLite implementation of the repository: the default storage, one file under ./data. */
export class SqliteRepository implements SeikaRepository {
  private constructor(private readonly database: DatabaseSync) {}

  static open(path: string): SqliteRepository {
    return new SqliteRepository(openDatabase(path));
  }

  /** Runs `work` in one write transaction; any throw rolls back everything it did. */
  private atomically<T>(work: () => T): T {
    this.database.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.database.exec('COMMIT');
      return result;
    } catch (error) {
      this.database.exec('ROLLBACK');
      throw error;
    }
  }

  private insertRawPage(organization: string, page: RawPage): number {
    const result = this.database
      .prepare(
        `INSERT INTO raw_pages (organization, stream, request_url, request_token, response_token, is_last_batch,
           item_count, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        organization,
        page.stream,
        page.requestUrl,
        page.requestToken,
        page.responseToken,
        page.isLastBatch ? 1 : 0,
        page.itemCount,
        page.body,
        new Date().toISOString(),
      );
    return Number(result.lastInsertRowid);
  }

  async applyRevisionPage(
    organization: string,
    page: RawPage,
    revisions: Parameters<SeikaRepository['applyRevisionPage']>[2],
    deriveTransitions: TransitionDeriver,
  ): Promise<number> {
    return this.atomically(() => {
      const rawPageId = this.insertRawPage(organization, page);
      const upsertRevision = this.database.prepare(
        `INSERT INTO work_item_revisions (organization, work_item_id, revision, project, work_item_type, title,
           area_path, state, tags, created_at, changed_at, is_deleted, raw_page_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (organization, work_item_id, revision) DO UPDATE SET
           project = excluded.project, work_item_type = excluded.work_item_type, title = excluded.title,
           area_path = excluded.area_path, state = excluded.state, tags = excluded.tags,
           created_at = excluded.created_at, changed_at = excluded.changed_at,
           is_deleted = excluded.is_deleted, raw_page_id = excluded.raw_page_id`,
      );
      const touched = new Set<number>();
      for (const revision of revisions) {
        upsertRevision.run(
          organization,
          revision.workItemId,
          revision.revision,
          revision.project,
          revision.workItemType,
          revision.title,
          revision.areaPath,
          revision.state,
          JSON.stringify(revision.tags),
          revision.createdAt,
          revision.changedAt,
          revision.isDeleted ? 1 : 0,
          rawPageId,
        );
        touched.add(revision.workItemId);
      }
      for (const workItemId of touched) this.rederiveItem(organization, workItemId, deriveTransitions);
      return rawPageId;
    });
  }

  /** Rebuilds one item's latest snapshot and transitions from all of its stored revisions. */
  private rederiveItem(organization: string, workItemId: number, deriveTransitions: TransitionDeriver): void {
    const rows = this.database
      .prepare(
        `SELECT * FROM work_item_revisions WHERE organization = ? AND work_item_id = ? ORDER BY revision`,
      )
      .all(organization, workItemId);
    const history = rows.map((row) => ({
      workItemId: integer(row, 'work_item_id'),
      revision: integer(row, 'revision'),
      project: text(row, 'project'),
      workItemType: text(row, 'work_item_type'),
      title: text(row, 'title'),
      areaPath: text(row, 'area_path'),
      state: text(row, 'state'),
      tags: stringArray(row, 'tags'),
      createdAt: integer(row, 'created_at'),
      changedAt: integer(row, 'changed_at'),
      isDeleted: bool(row, 'is_deleted'),
      rawPageId: integer(row, 'raw_page_id'),
    }));
    const latest = history.at(-1);
    if (latest === undefined) return;
    this.database
      .prepare(
        `INSERT INTO work_items (organization, work_item_id, project, work_item_type, title, area_path, state, tags,
           created_at, changed_at, revision, is_deleted, raw_page_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (organization, work_item_id) DO UPDATE SET
           project = excluded.project, work_item_type = excluded.work_item_type, title = excluded.title,
           area_path = excluded.area_path, state = excluded.state, tags = excluded.tags,
           created_at = excluded.created_at, changed_at = excluded.changed_at, revision = excluded.revision,
           is_deleted = excluded.is_deleted, raw_page_id = excluded.raw_page_id`,
      )
      .run(
        organization,
        workItemId,
        latest.project,
        latest.workItemType,
        latest.title,
        latest.areaPath,
        latest.state,
        JSON.stringify(latest.tags),
        latest.createdAt,
        latest.changedAt,
        latest.revision,
        latest.isDeleted ? 1 : 0,
        latest.rawPageId,
      );
    this.database
      .prepare('DELETE FROM state_transitions WHERE organization = ? AND work_item_id = ?')
      .run(organization, workItemId);
    const insertTransition = this.database.prepare(
      `INSERT INTO state_transitions (organization, work_item_id, revision, at, from_state, to_state, work_item_type,
         raw_page_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const transition of deriveTransitions(history)) {
      insertTransition.run(
        organization,
        transition.workItemId,
        transition.revision,
        transition.at,
        transition.fromState,
        transition.toState,
        transition.workItemType,
        transition.provenance.rawPageId,
      );
    }
  }

  async applyWorkflowPage(
    organization: string,
    project: string,
    page: RawPage,
    states: Parameters<SeikaRepository['applyWorkflowPage']>[3],
  ): Promise<number> {
    return this.atomically(() => {
      const rawPageId = this.insertRawPage(organization, page);
      const upsert = this.database.prepare(
        `INSERT INTO workflow_states (organization, project, work_item_type, state, category, raw_page_id)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (organization, project, work_item_type, state) DO UPDATE SET
           category = excluded.category, raw_page_id = excluded.raw_page_id`,
      );
      for (const row of states) upsert.run(organization, project, row.workItemType, row.state, row.category, rawPageId);
      return rawPageId;
    });
  }

  async applyTeamScopePage(
    organization: string,
    project: string,
    team: string,
    page: RawPage,
    scope: TeamScope,
  ): Promise<number> {
    return this.atomically(() => {
      const rawPageId = this.insertRawPage(organization, page);
      this.database
        .prepare(
          `INSERT INTO team_scopes (organization, project, team, team_field, field_values, backlog_work_item_types,
             raw_page_id) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (organization, project, team) DO UPDATE SET team_field = excluded.team_field,
             field_values = excluded.field_values, backlog_work_item_types = excluded.backlog_work_item_types,
             raw_page_id = excluded.raw_page_id`,
        )
        .run(
          organization,
          project,
          team.toLowerCase(),
          scope.field,
          JSON.stringify(scope.values),
          JSON.stringify(scope.backlogWorkItemTypes),
          rawPageId,
        );
      return rawPageId;
    });
  }

  async getWatermark(organization: string, stream: string): Promise<string | undefined> {
    const row = this.database
      .prepare('SELECT value FROM watermarks WHERE organization = ? AND stream = ?')
      .get(organization, stream);
    return row === undefined ? undefined : text(row, 'value');
  }

  async setWatermark(organization: string, stream: string, value: string): Promise<void> {
    this.database
      .prepare(
        `INSERT INTO watermarks (organization, stream, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (organization, stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(organization, stream, value, new Date().toISOString());
  }

  async startSyncRun(organization: string): Promise<number> {
    const result = this.database
      .prepare("INSERT INTO sync_runs (organization, started_at, status) VALUES (?, ?, 'running')")
      .run(organization, new Date().toISOString());
    return Number(result.lastInsertRowid);
  }

  async finishSyncRun(
    runId: number,
    outcome: Parameters<SeikaRepository['finishSyncRun']>[1],
  ): Promise<void> {
    this.database
      .prepare(
        `UPDATE sync_runs SET finished_at = ?, status = ?, pages = ?, requests = ?, revisions = ?, error = ?
         WHERE id = ?`,
      )
      .run(
        new Date().toISOString(),
        outcome.status,
        outcome.pages,
        outcome.requests,
        outcome.revisions,
        outcome.error ?? null,
        runId,
      );
  }

  async lastSuccessfulSync(organization: string): Promise<string | undefined> {
    const row = this.database
      .prepare(
        `SELECT finished_at FROM sync_runs WHERE organization = ? AND status = 'succeeded'
         ORDER BY id DESC LIMIT 1`,
      )
      .get(organization);
    return row === undefined ? undefined : (optionalText(row, 'finished_at') ?? undefined);
  }

  async listRawPages(organization: string, stream: string): Promise<StoredRawPage[]> {
    return this.database
      .prepare('SELECT * FROM raw_pages WHERE organization = ? AND stream = ? ORDER BY id')
      .all(organization, stream)
      .map((row) => ({
        id: integer(row, 'id'),
        stream: text(row, 'stream'),
        requestUrl: text(row, 'request_url'),
        requestToken: optionalText(row, 'request_token'),
        responseToken: optionalText(row, 'response_token'),
        isLastBatch: bool(row, 'is_last_batch'),
        itemCount: integer(row, 'item_count'),
        body: text(row, 'body'),
        fetchedAt: text(row, 'fetched_at'),
      }));
  }

  async getWorkflow(organization: string, project: string): Promise<WorkflowStateMap> {
    const workflow = new Map<string, Map<string, StateCategory>>();
    const rows = this.database
      .prepare('SELECT * FROM workflow_states WHERE organization = ? AND project = ?')
      .all(organization, project);
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

  async getTeamScope(organization: string, project: string, team: string): Promise<TeamScope | undefined> {
    const row = this.database
      .prepare('SELECT * FROM team_scopes WHERE organization = ? AND project = ? AND team = ?')
      .get(organization, project, team.toLowerCase());
    if (row === undefined) return undefined;
    const values: unknown = JSON.parse(text(row, 'field_values'));
    return {
      field: text(row, 'team_field'),
      values: parseFieldValues(values),
      backlogWorkItemTypes: stringArray(row, 'backlog_work_item_types'),
    };
  }

  async getWorkItems(organization: string, project: string): Promise<WorkItemRecord[]> {
    return this.database
      .prepare('SELECT * FROM work_items WHERE organization = ? AND project = ? ORDER BY work_item_id')
      .all(organization, project)
      .map(toWorkItem);
  }

  async getFlowItems(organization: string, project: string): Promise<FlowItem[]> {
    const items = await this.getWorkItems(organization, project);
    const transitionsById = new Map<number, StateTransitionRecord[]>();
    const rows = this.database
      .prepare(
        `SELECT t.* FROM state_transitions t
         JOIN work_items w ON w.organization = t.organization AND w.work_item_id = t.work_item_id
         WHERE t.organization = ? AND w.project = ? ORDER BY t.work_item_id, t.revision`,
      )
      .all(organization, project);
    for (const row of rows) {
      const transition = toTransition(row);
      const list = transitionsById.get(transition.workItemId) ?? [];
      list.push(transition);
      transitionsById.set(transition.workItemId, list);
    }
    return items.map((item) => ({ item, transitions: transitionsById.get(item.id) ?? [] }));
  }

  async countRows(organization: string): Promise<{ rawPages: number; revisions: number; transitions: number; workItems: number }> {
    const count = (table: string): number => {
      const row = this.database.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE organization = ?`).get(organization);
      return row === undefined ? 0 : integer(row, 'n');
    };
    return {
      rawPages: count('raw_pages'),
      revisions: count('work_item_revisions'),
      transitions: count('state_transitions'),
      workItems: count('work_items'),
    };
  }

  async close(): Promise<void> {
    this.database.close();
  }
}

function parseFieldValues(values: unknown): TeamScope['values'] {
  if (!Array.isArray(values)) throw new Error('Stored team field values are not a list');
  return values.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) throw new Error('Stored team field value is not an object');
    const value: unknown = Reflect.get(entry, 'value');
    const includeChildren: unknown = Reflect.get(entry, 'includeChildren');
    if (typeof value !== 'string' || typeof includeChildren !== 'boolean') {
      throw new Error('Stored team field value has the wrong shape');
    }
    return { value, includeChildren };
  });
}

function toWorkItem(row: Row): WorkItemRecord {
  return {
    id: integer(row, 'work_item_id'),
    project: text(row, 'project'),
    workItemType: text(row, 'work_item_type'),
    title: text(row, 'title'),
    areaPath: text(row, 'area_path'),
    tags: stringArray(row, 'tags'),
    state: text(row, 'state'),
    createdAt: integer(row, 'created_at'),
    changedAt: integer(row, 'changed_at'),
    revision: integer(row, 'revision'),
    isDeleted: bool(row, 'is_deleted'),
    provenance: { rawPageId: integer(row, 'raw_page_id') },
  };
}

function toTransition(row: Row): StateTransitionRecord {
  return {
    workItemId: integer(row, 'work_item_id'),
    revision: integer(row, 'revision'),
    at: integer(row, 'at'),
    fromState: optionalText(row, 'from_state'),
    toState: text(row, 'to_state'),
    workItemType: text(row, 'work_item_type'),
    provenance: { rawPageId: integer(row, 'raw_page_id') },
  };
}
