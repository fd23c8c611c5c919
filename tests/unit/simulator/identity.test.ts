import { describe, expect, it } from 'vitest';
import { generateOrganization } from '../../../service/src/simulator/generate/organization.ts';
import { IdentityDirectory } from '../../../service/src/simulator/identity/directory.ts';
import { hasPermission, SECURITY_NAMESPACES } from '../../../service/src/simulator/identity/permissions.ts';

const { model } = generateOrganization({ seed: 3, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
const project = model.project;
const team = model.team;
const projectToken = `$PROJECT:vstfs:///Classification/TeamProject/${project.id}`;
const teamToken = `${project.id}\\${team.id}`;

function member(spec: Parameters<IdentityDirectory['join']>[2]) {
  const directory = new IdentityDirectory();
  directory.addUser({ id: 'u', displayName: 'U', uniqueName: 'u@example.com' });
  directory.join(model.organizationName, 'u', spec);
  const membership = directory.membership(model.organizationName, 'u');
  if (membership === undefined) throw new Error('no membership');
  return membership;
}

describe('simulated permissions', () => {
  const cases = [
    [
      'collection admin writes the collection',
      { collectionAdministrator: true },
      SECURITY_NAMESPACES.collection,
      2,
      'NAMESPACE:',
      true,
    ],
    [
      'a member does not',
      { projects: { [project.id]: 'administrator' } },
      SECURITY_NAMESPACES.collection,
      2,
      'NAMESPACE:',
      false,
    ],
    [
      'a reader reads the project',
      { projects: { [project.id]: 'reader' } },
      SECURITY_NAMESPACES.project,
      1,
      projectToken,
      true,
    ],
    [
      'a contributor cannot edit it',
      { projects: { [project.id]: 'contributor' } },
      SECURITY_NAMESPACES.project,
      2,
      projectToken,
      false,
    ],
    [
      'a project admin can',
      { projects: { [project.id]: 'administrator' } },
      SECURITY_NAMESPACES.project,
      2,
      projectToken,
      true,
    ],
    ['nobody sees a project without membership', {}, SECURITY_NAMESPACES.project, 1, projectToken, false],
    [
      'a team admin manages the team',
      { projects: { [project.id]: 'contributor' }, teamAdministrator: [team.id] },
      SECURITY_NAMESPACES.identity,
      8,
      teamToken,
      true,
    ],
    [
      'a contributor does not',
      { projects: { [project.id]: 'contributor' } },
      SECURITY_NAMESPACES.identity,
      8,
      teamToken,
      false,
    ],
    [
      'a project admin manages every team',
      { projects: { [project.id]: 'administrator' } },
      SECURITY_NAMESPACES.identity,
      8,
      teamToken,
      true,
    ],
    [
      'an unknown namespace is denied',
      { collectionAdministrator: true },
      '00000000-0000-0000-0000-000000000000',
      1,
      'x',
      false,
    ],
    [
      'a malformed token is denied',
      { projects: { [project.id]: 'administrator' } },
      SECURITY_NAMESPACES.project,
      1,
      'garbage',
      false,
    ],
  ] as const;
  it.each(cases)('%s', (_name, spec, namespace, bits, token, expected) => {
    expect(hasPermission(model, member(spec), namespace, bits, token)).toBe(expected);
  });
});

describe('simulated tokens', () => {
  it('expire, can be revoked and name the one organization they were issued for', () => {
    const directory = new IdentityDirectory();
    directory.addUser({ id: 'u', displayName: 'U', uniqueName: 'u@example.com' });
    const token = directory.issueToken({
      userId: 'u',
      organization: 'Org',
      kind: 'access',
      lifetimeMs: 1000,
    });
    expect(directory.resolve(token)?.organization).toBe('org');
    expect(directory.resolve(token, Date.now() + 2000)).toBeUndefined();
    const pat = directory.issueToken({ userId: 'u', organization: 'org', kind: 'pat', scopes: ['vso.work'] });
    expect(directory.resolve(pat)?.scopes).toEqual(['vso.work']);
    directory.revokeToken(pat);
    expect(directory.resolve(pat)).toBeUndefined();
  });
});
