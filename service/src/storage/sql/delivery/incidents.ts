import type { IncidentArtifact, IncidentRecord } from '../../../domain/delivery.ts';
import type { FlowItem, StateTransitionRecord } from '../../../domain/records.ts';
import { isStateCategory, type StateCategory } from '../../../domain/workflow.ts';
import type {
  IncidentBuilder,
  IncidentCandidate,
  IncidentRule,
  ProjectScope,
} from '../../delivery/repository.ts';
import { toWorkItem } from '../workItems/revisionRows.ts';
import { integer, optionalText, stringArray, text } from '../rows.ts';
import { placeholders, type SqlExecutor, type SqlRow, type SqlValue } from '../sqlDatabase.ts';
import { projectFilter } from './reads.ts';

/** Items of the given types (case-insensitive) in scope, as `WHERE` text over work_items `w`. */
function typeScope(organization: string, projects: ProjectScope, types: readonly string[]) {
  const filter = projectFilter('w.project', projects);
  const lower = [...new Set(types.map((type) => type.toLowerCase()))];
  return {
    sql: `w.organization = ? AND w.is_deleted = 0${filter.sql}
      AND LOWER(w.work_item_type) IN (${lower.length === 0 ? 'NULL' : placeholders(lower.length)})`,
    params: [organization, ...filter.params, ...lower],
  };
}

/**
 * Narrows the scope to items whose stored tags contain the rule's tag, so that only likely incidents are
 * read with their transitions, not every bug of the project (the incident rule still decides exactly).
 * Only for a tag of printable ASCII without quote or backslash, which JSON stores as is and whose lower
 * case both databases' LOWER agree on; with any other tag every item of the types is read.
 */
function withTag(scope: { sql: string; params: SqlValue[] }, tag: string | null) {
  if (tag === null || !/^[\x20-\x7e]+$/.test(tag) || /["\\]/.test(tag)) return scope;
  const pattern = `%${tag.toLowerCase().replace(/[!%_]/g, (special) => `!${special}`)}%`;
  return { sql: `${scope.sql} AND LOWER(w.tags) LIKE ? ESCAPE '!'`, params: [...scope.params, pattern] };
}

function toTransition(row: SqlRow): StateTransitionRecord {
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

/** Ids per statement: well inside both databases' limits on bound parameters. */
const IDS_PER_STATEMENT = 500;

/**
 * The transitions of the given items, by key: the items were found already, so matching the scope again
 * in a join would scan every item of the types (every bug of a large project) a second time. Their
 * artifact links are read the same way (readArtifactLinksOf).
 */
async function readTransitionsOf(
  executor: SqlExecutor,
  organization: string,
  ids: readonly number[],
): Promise<Map<number, StateTransitionRecord[]>> {
  const transitions = new Map<number, StateTransitionRecord[]>();
  const query = (list: string) => `SELECT * FROM state_transitions
    WHERE organization = ? AND work_item_id IN (${list}) ORDER BY work_item_id, revision`;
  await forRowsOfIds(executor, query, organization, ids, (row) => {
    const transition = toTransition(row);
    appendTo(transitions, transition.workItemId, transition);
  });
  return transitions;
}

function appendTo<T>(lists: Map<number, T[]>, id: number, value: T): void {
  const list = lists.get(id);
  if (list === undefined) lists.set(id, [value]);
  else list.push(value);
}

/** Runs `query` (given the placeholder list) for the ids, IDS_PER_STATEMENT at a time, row by row. */
async function forRowsOfIds(
  executor: SqlExecutor,
  query: (placeholderList: string) => string,
  organization: string,
  ids: readonly number[],
  onRow: (row: SqlRow) => void,
): Promise<void> {
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
    const rows = await executor.all(query(placeholders(chunk.length)), [organization, ...chunk]);
    for (const row of rows) onRow(row);
  }
}

/** Incidents from the work items the revisions stream stored, with the project's workflow categories. */
export async function readIncidents(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
  rule: IncidentRule,
  buildIncidents: IncidentBuilder,
): Promise<IncidentRecord[]> {
  const scope = withTag(typeScope(organization, projects, rule.workItemTypes), rule.tag);
  const items = (
    await executor.all(`SELECT * FROM work_items w WHERE ${scope.sql} ORDER BY w.work_item_id`, scope.params)
  ).map(toWorkItem);
  if (items.length === 0) return [];
  const ids = items.map((item) => item.id);
  const transitions = await readTransitionsOf(executor, organization, ids);
  const itemProjects = [...new Set(items.map((item) => item.project))];
  const workflowRows = await executor.all(
    `SELECT project, work_item_type, state, category FROM workflow_states
     WHERE organization = ? AND project IN (${placeholders(itemProjects.length)})`,
    [organization, ...itemProjects],
  );
  const workflows = new Map<string, Map<string, Map<string, StateCategory>>>();
  for (const row of workflowRows) {
    const category = text(row, 'category');
    if (!isStateCategory(category)) throw new Error(`Stored state category ${category} is unknown`);
    const project = text(row, 'project');
    const types = workflows.get(project) ?? new Map<string, Map<string, StateCategory>>();
    const states = types.get(text(row, 'work_item_type')) ?? new Map<string, StateCategory>();
    states.set(text(row, 'state'), category);
    types.set(text(row, 'work_item_type'), states);
    workflows.set(project, types);
  }
  const flows: FlowItem[] = items.map((item) => ({ item, transitions: transitions.get(item.id) ?? [] }));
  return buildIncidents(flows, workflows, rule, await readArtifactLinksOf(executor, organization, ids));
}

/** The stored artifact links of the found items, by key (the relations stage stores them for incidents only). */
async function readArtifactLinksOf(
  executor: SqlExecutor,
  organization: string,
  ids: readonly number[],
): Promise<Map<number, IncidentArtifact[]>> {
  const links = new Map<number, IncidentArtifact[]>();
  const query = (list: string) => `SELECT work_item_id, artifact, artifact_id FROM delivery_incident_links
    WHERE organization = ? AND work_item_id IN (${list}) ORDER BY work_item_id, artifact, artifact_id`;
  await forRowsOfIds(executor, query, organization, ids, (row) => {
    const artifact = text(row, 'artifact');
    if (artifact !== 'build' && artifact !== 'release')
      throw new Error(`Stored artifact kind ${artifact} is unknown`);
    appendTo(links, integer(row, 'work_item_id'), { kind: artifact, id: integer(row, 'artifact_id') });
  });
  return links;
}

export async function readWorkItemProjects(executor: SqlExecutor, organization: string): Promise<string[]> {
  const rows = await executor.all(
    'SELECT DISTINCT project FROM work_items WHERE organization = ? ORDER BY project',
    [organization],
  );
  return rows.map((row) => text(row, 'project'));
}

export async function readIncidentCandidates(
  executor: SqlExecutor,
  organization: string,
  workItemTypes: readonly string[],
  from: number | undefined,
): Promise<IncidentCandidate[]> {
  const scope = typeScope(organization, undefined, workItemTypes);
  const rows = await executor.all(
    `SELECT w.work_item_id, w.project, w.work_item_type, w.tags, w.changed_at FROM work_items w
     WHERE ${scope.sql}${from === undefined ? '' : ' AND w.changed_at >= ?'}
     ORDER BY w.changed_at, w.work_item_id`,
    from === undefined ? scope.params : [...scope.params, from],
  );
  return rows.map((row) => ({
    workItemId: integer(row, 'work_item_id'),
    project: text(row, 'project'),
    workItemType: text(row, 'work_item_type'),
    tags: stringArray(row, 'tags'),
    changedAt: integer(row, 'changed_at'),
  }));
}

export async function readBugWorkItemIds(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
  bugTypes: readonly string[],
): Promise<Set<number>> {
  const scope = typeScope(organization, projects, bugTypes);
  // One row, the ids joined in the database: a large project has a row object per bug otherwise.
  const row = await executor.get(
    `SELECT string_agg(CAST(w.work_item_id AS TEXT), ',') AS ids FROM work_items w WHERE ${scope.sql}`,
    scope.params,
  );
  const ids = row === undefined ? null : optionalText(row, 'ids');
  return ids === null || ids === '' ? new Set<number>() : idsOfList(ids);
}

const COMMA = 44;
const ZERO = 48;
const NINE = 57;

/** The ids of a comma-separated list of decimal ids, read digit by digit: no string per id. */
export function idsOfList(list: string): Set<number> {
  const ids = new Set<number>();
  let value = 0;
  let digits = 0;
  for (let at = 0; at <= list.length; at++) {
    const code = at === list.length ? COMMA : list.charCodeAt(at);
    if (code >= ZERO && code <= NINE) {
      value = value * 10 + (code - ZERO);
      digits++;
    } else if (code === COMMA && digits > 0 && Number.isSafeInteger(value)) {
      ids.add(value);
      value = 0;
      digits = 0;
    } else {
      const end = list.indexOf(',', at);
      const id = list.slice(list.lastIndexOf(',', at - 1) + 1, end < 0 ? list.length : end);
      throw new Error(`Stored work item id "${id}" is not an integer`);
    }
  }
  return ids;
}
