import type { IncidentRecord } from '../../../domain/delivery.ts';
import type { FlowItem, StateTransitionRecord } from '../../../domain/records.ts';
import { isStateCategory, type StateCategory } from '../../../domain/workflow.ts';
import type { IncidentBuilder, IncidentRule, ProjectScope } from '../../delivery/repository.ts';
import { toWorkItem } from '../workItems/revisionRows.ts';
import { integer, optionalText, text } from '../rows.ts';
import { placeholders, type SqlExecutor, type SqlRow } from '../sqlDatabase.ts';
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

/** Incidents from the work items the revisions stream stored, with the project's workflow categories. */
export async function readIncidents(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
  rule: IncidentRule,
  buildIncidents: IncidentBuilder,
): Promise<IncidentRecord[]> {
  const scope = typeScope(organization, projects, rule.workItemTypes);
  const items = (
    await executor.all(`SELECT * FROM work_items w WHERE ${scope.sql} ORDER BY w.work_item_id`, scope.params)
  ).map(toWorkItem);
  if (items.length === 0) return [];
  const transitions = new Map<number, StateTransitionRecord[]>();
  const transitionRows = await executor.all(
    `SELECT t.* FROM state_transitions t
     JOIN work_items w ON w.organization = t.organization AND w.work_item_id = t.work_item_id
     WHERE ${scope.sql} ORDER BY t.work_item_id, t.revision`,
    scope.params,
  );
  for (const row of transitionRows) {
    const transition = toTransition(row);
    transitions.set(transition.workItemId, [...(transitions.get(transition.workItemId) ?? []), transition]);
  }
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
  return buildIncidents(flows, workflows, rule);
}

export async function readBugWorkItemIds(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
  bugTypes: readonly string[],
): Promise<Set<number>> {
  const scope = typeScope(organization, projects, bugTypes);
  const rows = await executor.all(`SELECT w.work_item_id FROM work_items w WHERE ${scope.sql}`, scope.params);
  return new Set(rows.map((row) => integer(row, 'work_item_id')));
}
