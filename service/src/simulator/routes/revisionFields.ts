import { FAR_FUTURE, formatAdoDate } from '../dates.ts';
import type { Identity, OrganizationModel } from '../model/organization.ts';
import { tagNames } from '../model/tags.ts';
import { boardFor, categoryOf } from '../model/workflow.ts';
import { teamOwningArea } from './scope.ts';

export type FieldValue = string | number | boolean | Record<string, unknown>;

function identity(person: Identity | undefined, organizationUrl: string, asRef: boolean): FieldValue {
  if (!person) return '';
  if (!asRef) return `${person.displayName} <${person.email}>`;
  return {
    displayName: person.displayName,
    url: `${organizationUrl}/_apis/Identities/${person.id}`,
    id: person.id,
    uniqueName: person.email,
    descriptor: `aad.${Buffer.from(person.id).toString('base64url')}`,
  };
}

/**
 * The reportable fields of the revision at `index`, named and formatted as the reporting API returns
 * them (fields without a value are left out, as the service does).
 */
export function revisionFields(
  index: number,
  model: OrganizationModel,
  organizationUrl: string,
  includeIdentityRef: boolean,
): Record<string, FieldValue> {
  const store = model.workItems;
  const { strings } = store;
  const id = store.ids.get(index);
  const first = store.firstIndex(id);
  const next = store.next.get(index);
  const project = model.projects[store.projects.get(index)] ?? model.project;
  const type = strings.get(store.types.get(index));
  const state = strings.get(store.states.get(index));
  const area = strings.get(store.areas.get(index));
  const person = (at: number): Identity | undefined => model.identities[at];
  const stateChange = formatAdoDate(new Date(store.changed.get(store.stateSince.get(index))));
  const fields: Record<string, FieldValue> = {
    'System.Id': id,
    'System.AreaPath': area,
    'System.TeamProject': project.name,
    'System.Rev': store.revs.get(index),
    'System.RevisedDate': next === -1 ? FAR_FUTURE : formatAdoDate(new Date(store.changed.get(next))),
    'System.IterationPath': strings.get(store.iterations.get(index)),
    'System.WorkItemType': type,
    'System.State': state,
    'System.Reason': strings.get(store.reasons.get(index)),
    'System.CreatedDate': formatAdoDate(new Date(store.changed.get(first))),
    'System.CreatedBy': identity(person(store.changedBy.get(first)), organizationUrl, includeIdentityRef),
    'System.ChangedDate': formatAdoDate(new Date(store.changed.get(index))),
    'System.ChangedBy': identity(person(store.changedBy.get(index)), organizationUrl, includeIdentityRef),
    'System.Title': strings.get(store.titles.get(index)),
    'Microsoft.VSTS.Common.StateChangeDate': stateChange,
  };
  const column = store.columns.get(index);
  if (column !== 0) {
    const team = teamOwningArea(project, area) ?? project.defaultTeam;
    const board = boardFor(project, team, type);
    const split = store.isSplit(index);
    fields['System.BoardColumn'] = strings.get(column);
    fields['System.BoardColumnDone'] = split && store.isColumnDone(index);
    if (board) {
      fields[`WEF_${board.extensionId}_Kanban.Column`] = strings.get(column);
      if (split) fields[`WEF_${board.extensionId}_Kanban.Column.Done`] = store.isColumnDone(index);
    }
  }
  const tags = store.tags.get(index);
  if (tags !== 0) fields['System.Tags'] = tagNames(tags).join('; ');
  if (categoryOf(project.process, type, state) === 'Completed')
    fields['Microsoft.VSTS.Common.ClosedDate'] = stateChange;
  const assigned = store.assignedTo.get(index);
  if (assigned !== 0)
    fields['System.AssignedTo'] = identity(person(assigned - 1), organizationUrl, includeIdentityRef);
  const priority = store.priorities.get(index);
  if (priority !== 0) fields['Microsoft.VSTS.Common.Priority'] = priority;
  const parent = store.parents.get(index);
  if (parent !== 0) fields['System.Parent'] = parent;
  fields['System.IsDeleted'] = store.isDeletion(index);
  return fields;
}

/** Keeps only the requested fields (reference names are case-insensitive); all when none requested. */
export function selectFields(
  fields: Record<string, FieldValue>,
  wanted: readonly string[] | undefined,
): Record<string, FieldValue> {
  if (wanted === undefined || wanted.length === 0) return fields;
  const keep = new Set(wanted.map((name) => name.toLowerCase()));
  return Object.fromEntries(Object.entries(fields).filter(([name]) => keep.has(name.toLowerCase())));
}
