/** The role a route needs, checked against Azure DevOps with the caller's own token. */
export type Requirement =
  /** Any member of the organization (listing it). */
  | { readonly role: 'member' }
  /** Project Collection Administrators: connect, disconnect, sync status, audit log. */
  | { readonly role: 'collectionAdministrator' }
  /** Whoever can see the project: its metrics and its teams' metrics, settings read. */
  | { readonly role: 'projectReader'; readonly project: string }
  /** Project administrators: the project's delivery settings. */
  | { readonly role: 'projectAdministrator'; readonly project: string }
  /** Team administrators or project administrators: the team's flow settings (and targets). */
  | { readonly role: 'teamAdministrator'; readonly project: string; readonly team: string };

export type Role = Requirement['role'];

export function requirementKey(requirement: Requirement): string {
  switch (requirement.role) {
    case 'member':
    case 'collectionAdministrator':
      return requirement.role;
    case 'projectReader':
    case 'projectAdministrator':
      return `${requirement.role}\u0000${requirement.project.toLowerCase()}`;
    case 'teamAdministrator':
      return `${requirement.role}\u0000${requirement.project.toLowerCase()}\u0000${requirement.team.toLowerCase()}`;
  }
}
