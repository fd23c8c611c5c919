import type { OrganizationModel } from '../model/organization.ts';
import type { OrganizationMembership } from './directory.ts';

/** Well-known security namespace ids (the same in every organization). */
export const SECURITY_NAMESPACES = {
  collection: '3e65f728-f8bc-4ecd-8764-7e378b19bfa7',
  project: '52d39943-cb85-4d7f-8fa8-c6baac873819',
  identity: '5a27515b-ccd7-42c9-84f1-54c998f03866',
} as const;

/** Bits of the namespaces above that matter here. */
export const PERMISSION_BITS = {
  collection: { genericRead: 1, genericWrite: 2 },
  project: { genericRead: 1, genericWrite: 2 },
  identity: { read: 1, write: 2, manageMembership: 8 },
} as const;

const ALL = 0x7fffffff;
const PROJECT_TOKEN = /^\$PROJECT:vstfs:\/\/\/Classification\/TeamProject\/([0-9a-f-]+)$/i;
const IDENTITY_TOKEN = /^([0-9a-f-]+)(?:\\([0-9a-f-]+))?$/i;

/**
 * Whether the member has every bit of `bits` on `token` in `namespaceId`, as the default groups grant
 * them: Project Collection Administrators everything; project administrators everything on their
 * project and its teams; team administrators ManageMembership (and Write) on their team; readers and
 * contributors read what they can see. Unknown namespaces and malformed tokens are denied.
 */
export function hasPermission(
  model: OrganizationModel,
  membership: OrganizationMembership,
  namespaceId: string,
  bits: number,
  token: string,
): boolean {
  const namespace = namespaceId.toLowerCase();
  if (membership.collectionAdministrator)
    return Object.values<string>(SECURITY_NAMESPACES).includes(namespace);
  const granted = (mask: number): boolean => (bits & mask) === bits;
  if (namespace === SECURITY_NAMESPACES.collection)
    return token === 'NAMESPACE:' && granted(PERMISSION_BITS.collection.genericRead);
  if (namespace === SECURITY_NAMESPACES.project) {
    const projectId = PROJECT_TOKEN.exec(token)?.[1]?.toLowerCase();
    const role = projectId === undefined ? undefined : membership.projects.get(projectId);
    if (role === undefined) return false;
    return granted(role === 'administrator' ? ALL : PERMISSION_BITS.project.genericRead);
  }
  if (namespace === SECURITY_NAMESPACES.identity) {
    const match = IDENTITY_TOKEN.exec(token);
    const projectId = match?.[1]?.toLowerCase();
    const teamId = match?.[2]?.toLowerCase();
    const role = projectId === undefined ? undefined : membership.projects.get(projectId);
    if (role === undefined) return false;
    if (role === 'administrator') return true;
    const project = model.projects.find((candidate) => candidate.id === projectId);
    const isTeamOfProject = project?.teams.some((team) => team.id === teamId) === true;
    if (teamId !== undefined && isTeamOfProject && membership.teamAdministrator.has(teamId))
      return granted(
        PERMISSION_BITS.identity.read |
          PERMISSION_BITS.identity.write |
          PERMISSION_BITS.identity.manageMembership,
      );
    return granted(PERMISSION_BITS.identity.read);
  }
  return false;
}

/** Whether the member can see the project at all (what `GET _apis/projects` lists). */
export function canSeeProject(membership: OrganizationMembership, projectId: string): boolean {
  return membership.collectionAdministrator || membership.projects.has(projectId);
}
