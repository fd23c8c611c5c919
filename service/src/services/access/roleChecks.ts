import type { ConnectedOrganization } from '../organizationDirectory.ts';
import { SECURITY, type AzureDevOpsAccessPort, type Credential } from './azureDevOps.ts';
import { AccessDeniedError, denialFor } from './errors.ts';
import type { Requirement } from './requirements.ts';

/**
 * Each role as Azure DevOps' Security permissions API answers it for the caller's own token (namespaces
 * and bits in azureDevOps.ts; why these bits: README, Access control). Throws the 403 naming the role.
 */
export function createRoleChecker(
  azureDevOps: AzureDevOpsAccessPort,
): (organization: ConnectedOrganization, credential: Credential, requirement: Requirement) => Promise<true> {
  async function allowed(
    organization: ConnectedOrganization,
    credential: Credential,
    namespace: string,
    bits: number,
    securityToken: string,
  ): Promise<boolean> {
    const [answer] = await azureDevOps
      .hasPermissions(organization.url, credential, namespace, bits, [securityToken])
      .catch((error: unknown) => Promise.reject(denialFor(error, organization.name)));
    return answer === true;
  }

  async function projectId(
    organization: ConnectedOrganization,
    credential: Credential,
    project: string,
  ): Promise<string> {
    const found = await azureDevOps
      .project(organization.url, credential, project)
      .catch((error: unknown) => Promise.reject(denialFor(error, organization.name)));
    const visible =
      found !== undefined &&
      (await allowed(
        organization,
        credential,
        SECURITY.project.namespace,
        SECURITY.project.genericRead,
        SECURITY.project.token(found.id),
      ));
    if (!visible || found === undefined)
      throw new AccessDeniedError(403, 'project_not_visible', `You cannot see project "${project}".`);
    return found.id;
  }

  async function checkRole(
    organization: ConnectedOrganization,
    credential: Credential,
    requirement: Requirement,
  ): Promise<true> {
    switch (requirement.role) {
      case 'member':
        return true;
      case 'collectionAdministrator': {
        const { namespace, genericWrite, token } = SECURITY.collection;
        if (await allowed(organization, credential, namespace, genericWrite, token)) return true;
        throw new AccessDeniedError(
          403,
          'requires_collection_administrator',
          `Only Project Collection Administrators of "${organization.name}" may do this.`,
        );
      }
      case 'projectReader':
        await projectId(organization, credential, requirement.project);
        return true;
      case 'projectAdministrator': {
        const id = await projectId(organization, credential, requirement.project);
        const { namespace, genericWrite, token } = SECURITY.project;
        if (await allowed(organization, credential, namespace, genericWrite, token(id))) return true;
        throw new AccessDeniedError(
          403,
          'requires_project_administrator',
          `Only administrators of project "${requirement.project}" may do this.`,
        );
      }
      case 'teamAdministrator': {
        const id = await projectId(organization, credential, requirement.project);
        const refusal = new AccessDeniedError(
          403,
          'requires_team_administrator',
          `Only administrators of team "${requirement.team}" (or of its project) may do this.`,
        );
        const team = await azureDevOps
          .team(organization.url, credential, id, requirement.team)
          .catch((error: unknown) => Promise.reject(denialFor(error, organization.name)));
        const { project, identity } = SECURITY;
        const [teamAdmin, projectAdmin] = await Promise.all([
          team === undefined
            ? false
            : allowed(
                organization,
                credential,
                identity.namespace,
                identity.manageMembership,
                identity.token(id, team.id),
              ),
          allowed(organization, credential, project.namespace, project.genericWrite, project.token(id)),
        ]);
        // A project administrator passes even for a team that does not exist: the route answers 404.
        if (teamAdmin || projectAdmin) return true;
        throw refusal;
      }
    }
  }

  return checkRole;
}
