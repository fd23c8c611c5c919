/**
 * Team-scoped reads: one team's items, transitions and board-column moves instead of its whole project's.
 * The service decides which stored (area path, type) values belong to the team (the matching rules live in
 * the metrics layer); these queries fetch exactly those, through index work_items_by_team (migration 9).
 */
import type { FlowItem, StateTransitionRecord } from '../../../domain/records.ts';
import type { ItemKind, ItemSelection, TeamDataVersion } from '../../repository.ts';
import { integer, optionalInteger, optionalText, text } from '../rows.ts';
import { placeholders, type SqlExecutor, type SqlValue } from '../sqlDatabase.ts';
import { parseFieldValues, toTransition, toWorkItem } from './revisionRows.ts';
import { readAreaVersions } from '../dataVersions.ts';

/** Distinct (area path, type) pairs of a project: an index-only scan of work_items_by_team. */
export async function readItemKinds(
  executor: SqlExecutor,
  organization: string,
  project: string,
): Promise<ItemKind[]> {
  const rows = await executor.all(
    'SELECT DISTINCT area_path, work_item_type FROM work_items WHERE organization = ? AND project = ?',
    [organization, project],
  );
  return rows.map((row) => ({ areaPath: text(row, 'area_path'), workItemType: text(row, 'work_item_type') }));
}

function selectionWhere(
  alias: string,
  organization: string,
  project: string,
  selection: ItemSelection,
): { sql: string; params: SqlValue[] } {
  return {
    sql:
      `${alias}.organization = ? AND ${alias}.project = ?` +
      ` AND ${alias}.area_path IN (${placeholders(selection.areaPaths.length)})` +
      ` AND ${alias}.work_item_type IN (${placeholders(selection.workItemTypes.length)})`,
    params: [organization, project, ...selection.areaPaths, ...selection.workItemTypes],
  };
}

const isEmpty = (selection: ItemSelection) =>
  selection.areaPaths.length === 0 || selection.workItemTypes.length === 0;

/**
 * The team's items drive each join (CROSS JOIN fixes that order in SQLite; PostgreSQL plans it freely)
 * and nothing is ordered in SQL: an ORDER BY on the joined table's key makes SQLite walk that table's
 * primary key for the whole organization instead of seeking the team's rows. Rows are ordered here.
 */
function joinedTo(table: string, alias: string, where: string): string {
  return `FROM work_items w CROSS JOIN ${table} ${alias}
    WHERE ${alias}.organization = w.organization AND ${alias}.work_item_id = w.work_item_id AND ${where}`;
}

function byRevision(a: { revision: number }, b: { revision: number }): number {
  return a.revision - b.revision;
}

/** The selected items in id order, each with its transitions in revision order. */
export async function readSelectedFlowItems(
  executor: SqlExecutor,
  organization: string,
  project: string,
  selection: ItemSelection,
): Promise<FlowItem[]> {
  if (isEmpty(selection)) return [];
  const where = selectionWhere('w', organization, project, selection);
  const [itemRows, transitionRows] = await Promise.all([
    executor.all(`SELECT w.* FROM work_items w WHERE ${where.sql}`, where.params),
    executor.all(`SELECT t.* ${joinedTo('state_transitions', 't', where.sql)}`, where.params),
  ]);
  const transitionsById = new Map<number, StateTransitionRecord[]>();
  for (const row of transitionRows) {
    const transition = toTransition(row);
    const list = transitionsById.get(transition.workItemId);
    if (list === undefined) transitionsById.set(transition.workItemId, [transition]);
    else list.push(transition);
  }
  for (const list of transitionsById.values()) list.sort(byRevision);
  return itemRows
    .map((row) => {
      const item = toWorkItem(row);
      return { item, transitions: transitionsById.get(item.id) ?? [] };
    })
    .sort((a, b) => a.item.id - b.item.id);
}

/** Board-column moves of the selected items, in revision order per item. */
export async function readSelectedColumnHistory(
  executor: SqlExecutor,
  organization: string,
  project: string,
  selection: ItemSelection,
): Promise<Map<number, { at: number; column: string }[]>> {
  const moves = new Map<number, { revision: number; at: number; column: string }[]>();
  if (isEmpty(selection)) return new Map();
  const where = selectionWhere('w', organization, project, selection);
  const rows = await executor.all(
    `SELECT c.work_item_id, c.revision, c.at, c.board_column ${joinedTo('board_column_changes', 'c', where.sql)}`,
    where.params,
  );
  for (const row of rows) {
    const id = integer(row, 'work_item_id');
    const move = {
      revision: integer(row, 'revision'),
      at: integer(row, 'at'),
      column: text(row, 'board_column'),
    };
    const list = moves.get(id);
    if (list === undefined) moves.set(id, [move]);
    else list.push(move);
  }
  // In item id order, as the project-wide read answers.
  const history = new Map<number, { at: number; column: string }[]>();
  for (const id of [...moves.keys()].sort((a, b) => a - b)) {
    history.set(
      id,
      (moves.get(id) ?? []).sort(byRevision).map(({ at, column }) => ({ at, column })),
    );
  }
  return history;
}

/**
 * What a team's flow answers depend on in storage: one statement of scalar subqueries, each an index seek
 * (migrations 9 and 19): the data versions of the team's metadata and its project's workflow, the team's
 * field values, the last successful sync and its settings; then the project's area versions (one row per
 * distinct area path). Nothing grows with the organization's history or with other teams' pages.
 */
export async function readTeamDataVersion(
  executor: SqlExecutor,
  organization: string,
  project: string,
  team: string,
): Promise<TeamDataVersion> {
  const key = [organization, project, team.toLowerCase()];
  const row = await executor.get(
    `SELECT
       (SELECT version FROM data_versions WHERE organization = ? AND kind = 'team' AND project = ? AND name = ?)
         AS team_version,
       (SELECT version FROM data_versions WHERE organization = ? AND kind = 'workflow' AND project = ? AND name = '')
         AS workflow_version,
       (SELECT MAX(finished_at) FROM sync_runs WHERE organization = ? AND status = 'succeeded') AS last_success,
       (SELECT field_values FROM team_scopes WHERE organization = ? AND project = ? AND team = ?) AS field_values,
       (SELECT settings FROM team_flow_settings WHERE organization = ? AND project = ? AND team = ?) AS settings,
       (SELECT updated_at FROM team_flow_settings WHERE organization = ? AND project = ? AND team = ?)
         AS updated_at`,
    [...key, organization, project, organization, ...key, ...key, ...key],
  );
  if (row === undefined) throw new Error('The data-version query returned no row');
  const settings = optionalText(row, 'settings');
  const updatedAt = optionalText(row, 'updated_at');
  const fieldValues = optionalText(row, 'field_values');
  return {
    settings: settings === null || updatedAt === null ? undefined : { settings, updatedAt },
    teamVersion: optionalInteger(row, 'team_version') ?? 0,
    workflowVersion: optionalInteger(row, 'workflow_version') ?? 0,
    fieldValues: fieldValues === null ? [] : parseFieldValues(JSON.parse(fieldValues)),
    areaVersions: fieldValues === null ? [] : await readAreaVersions(executor, organization, project),
    lastSuccessfulSync: optionalText(row, 'last_success'),
    teamKnown: fieldValues !== null,
  };
}
