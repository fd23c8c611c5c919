import { FAR_FUTURE, formatAdoDate } from '../dates.ts';
import type { Identity, OrganizationModel, WorkItemRevision } from '../generate/model.ts';

export type FieldValue = string | number | boolean | Record<string, unknown>;

function identity(person: Identity, organizationUrl: string, asRef: boolean): FieldValue {
  if (!asRef) return `${person.displayName} <${person.email}>`;
  return {
    displayName: person.displayName,
    url: `${organizationUrl}/_apis/Identities/${person.id}`,
    id: person.id,
    uniqueName: person.email,
    descriptor: `aad.${Buffer.from(person.id).toString('base64url')}`,
  };
}

/** The reportable fields of one revision, named and formatted as the reporting API returns them. */
export function revisionFields(
  revision: WorkItemRevision,
  model: OrganizationModel,
  organizationUrl: string,
  includeIdentityRef: boolean,
): Record<string, FieldValue> {
  const kanbanColumn = `WEF_${model.team.id.replace(/-/g, '').toUpperCase()}_Kanban.Column`;
  const fields: Record<string, FieldValue> = {
    'System.Id': revision.id,
    'System.AreaPath': revision.areaPath,
    'System.TeamProject': model.project.name,
    'System.Rev': revision.rev,
    'System.RevisedDate': revision.revisedDate ? formatAdoDate(revision.revisedDate) : FAR_FUTURE,
    'System.IterationPath': revision.iterationPath,
    'System.WorkItemType': revision.workItemType,
    'System.State': revision.state,
    'System.Reason': revision.reason,
    'System.CreatedDate': formatAdoDate(revision.createdDate),
    'System.CreatedBy': identity(revision.createdBy, organizationUrl, includeIdentityRef),
    'System.ChangedDate': formatAdoDate(revision.changedDate),
    'System.ChangedBy': identity(revision.changedBy, organizationUrl, includeIdentityRef),
    'System.Title': revision.title,
    'Microsoft.VSTS.Common.StateChangeDate': formatAdoDate(revision.stateChangeDate),
  };
  if (revision.boardColumn !== undefined) {
    fields['System.BoardColumn'] = revision.boardColumn;
    fields['System.BoardColumnDone'] = false;
    fields[kanbanColumn] = revision.boardColumn;
  }
  if (revision.tags.length > 0) fields['System.Tags'] = revision.tags.join('; ');
  if (revision.state === 'Closed')
    fields['Microsoft.VSTS.Common.ClosedDate'] = formatAdoDate(revision.stateChangeDate);
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
