import type { OrganizationModel } from '../model/organization.ts';
import { derivedGuid, derivedSha } from '../model/ids.ts';
import type { IdentityDirectory, ProjectRole } from './directory.ts';

/**
 * The generated organization served under another name, with an instance id and PAT of its own (the
 * stores are shared with the generated model, so the living organization's changes show under it).
 */
export function hostedOrganizationModel(model: OrganizationModel, name: string): OrganizationModel {
  const organizationName = name.toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{0,49}$/.test(organizationName))
    throw new Error(`"${name}" is not an organization name (letters, digits and dashes)`);
  return {
    ...model,
    organizationName,
    organizationId: derivedGuid(model.seed, `organization:${organizationName}`),
    pat: derivedSha(model.seed, `pat:${organizationName}`).slice(0, 52),
  };
}

/**
 * The generated people as members: the first is the owner (a Project Collection Administrator and
 * administrator of every project) whose PAT the model carries; the others contribute to every project.
 */
export function seatGeneratedPeople(directory: IdentityDirectory, model: OrganizationModel): void {
  const organization = model.organizationName;
  for (const [index, person] of model.identities.entries()) {
    directory.addUser({ id: person.id, displayName: person.displayName, uniqueName: person.email });
    const role: ProjectRole = index === 0 ? 'administrator' : 'contributor';
    directory.join(organization, person.id, {
      collectionAdministrator: index === 0,
      projects: Object.fromEntries(model.projects.map((project) => [project.id, role])),
    });
  }
  const owner = model.identities[0];
  if (owner === undefined) throw new Error(`The organization ${organization} has no people`);
  directory.registerToken(model.pat, {
    userId: owner.id,
    kind: 'pat',
    organization,
    scopes: 'full',
    expiresAt: undefined,
  });
}
