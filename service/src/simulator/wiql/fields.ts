/** WIQL field names (reference or friendly) the simulator can evaluate, with their display names. */
export const WIQL_FIELDS: Readonly<
  Record<
    string,
    { readonly name: string; readonly kind: 'number' | 'string' | 'date' | 'tree' | 'tags' | 'identity' }
  >
> = {
  'System.Id': { name: 'ID', kind: 'number' },
  'System.Title': { name: 'Title', kind: 'string' },
  'System.State': { name: 'State', kind: 'string' },
  'System.Reason': { name: 'Reason', kind: 'string' },
  'System.WorkItemType': { name: 'Work Item Type', kind: 'string' },
  'System.TeamProject': { name: 'Team Project', kind: 'string' },
  'System.AreaPath': { name: 'Area Path', kind: 'tree' },
  'System.IterationPath': { name: 'Iteration Path', kind: 'tree' },
  'System.Tags': { name: 'Tags', kind: 'tags' },
  'System.CreatedDate': { name: 'Created Date', kind: 'date' },
  'System.ChangedDate': { name: 'Changed Date', kind: 'date' },
  'System.AssignedTo': { name: 'Assigned To', kind: 'identity' },
  'System.CreatedBy': { name: 'Created By', kind: 'identity' },
  'System.ChangedBy': { name: 'Changed By', kind: 'identity' },
  'System.BoardColumn': { name: 'Board Column', kind: 'string' },
  'System.Parent': { name: 'Parent', kind: 'number' },
  'System.Rev': { name: 'Rev', kind: 'number' },
  'Microsoft.VSTS.Common.Priority': { name: 'Priority', kind: 'number' },
  'Microsoft.VSTS.Common.StateChangeDate': { name: 'State Change Date', kind: 'date' },
  'Microsoft.VSTS.Common.ClosedDate': { name: 'Closed Date', kind: 'date' },
};

/** The reference name for `[State]`, `[System.State]` or `[Work Item Type]` (case-insensitive). */
export function resolveField(text: string): string | undefined {
  const wanted = text.toLowerCase();
  for (const [reference, { name }] of Object.entries(WIQL_FIELDS)) {
    if (reference.toLowerCase() === wanted || name.toLowerCase() === wanted) return reference;
    if (reference.startsWith('System.') && reference.slice(7).toLowerCase() === wanted) return reference;
  }
  return undefined;
}
