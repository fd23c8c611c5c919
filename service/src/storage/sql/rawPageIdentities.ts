/**
 * People's identities leave a raw page before it is stored: no normaliser reads them, and the page only
 * needs to serve provenance and `resync --from-raw`. Azure DevOps sends identities as IdentityRef
 * objects (displayName, uniqueName, imageUrl, _links.avatar, descriptor) under these keys, and as
 * "Name <e-mail>" strings in work-item identity fields.
 */
const IDENTITY_KEYS = new Set([
  'assignedTo',
  'author',
  'authorizedAs',
  'changedBy',
  'closedBy',
  'committer',
  'createdBy',
  'createdFor',
  'creator',
  'deletedBy',
  'lastChangedBy',
  'lastModifiedBy',
  'modifiedBy',
  'owner',
  'pushedBy',
  'pusher',
  'queuedBy',
  'releaseCreatedBy',
  'requestedBy',
  'requestedFor',
  'reviewers',
  'approvedBy',
  'deployedBy',
  'triggeredBy',
  'System.AssignedTo',
  'System.AuthorizedAs',
  'System.ChangedBy',
  'System.CreatedBy',
  'Microsoft.VSTS.Common.ActivatedBy',
  'Microsoft.VSTS.Common.ClosedBy',
  'Microsoft.VSTS.Common.ResolvedBy',
]);

/** Parts of an identity any object may carry: removed wherever they appear. */
const PERSONAL_KEYS = new Set([
  'displayName',
  'uniqueName',
  'imageUrl',
  'avatar',
  'email',
  'mailAddress',
  'descriptor',
]);

/**
 * What an identity key keeps: the dates and numeric ids normalisers read (a commit's `author.date`, an
 * environment record's `owner.id`, which is a build run, not a person). Anything else goes.
 */
function keptOfIdentity(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kept: Record<string, unknown> = {};
  const date: unknown = Reflect.get(value, 'date');
  const id: unknown = Reflect.get(value, 'id');
  if (date !== undefined) kept['date'] = date;
  if (typeof id === 'number') kept['id'] = id;
  return Object.keys(kept).length === 0 ? undefined : kept;
}

export function stripIdentities(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripIdentities);
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (PERSONAL_KEYS.has(key)) continue;
    if (IDENTITY_KEYS.has(key)) {
      const kept = keptOfIdentity(field);
      if (kept !== undefined) result[key] = kept;
      continue;
    }
    result[key] = stripIdentities(field);
  }
  return result;
}

/** The page body as stored: identities removed; a body that is not JSON is kept as it is. */
export function storedBody(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  return JSON.stringify(stripIdentities(parsed));
}
