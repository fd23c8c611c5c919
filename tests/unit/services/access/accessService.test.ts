import { describe, expect, it } from 'vitest';
import { createAccessService } from '../../../../service/src/services/access/accessService.ts';
import {
  AzureDevOpsAccessError,
  SECURITY,
  type AzureDevOpsAccessPort,
} from '../../../../service/src/services/access/azureDevOps.ts';
import { AccessDeniedError } from '../../../../service/src/services/access/errors.ts';
import { staticOrganizationDirectory } from '../../../../service/src/services/organizationDirectory.ts';

const URL_OF_CONTOSO = 'https://dev.azure.com/contoso';
const jwt = (exp: number) =>
  `h.${Buffer.from(JSON.stringify({ exp: Math.floor(exp / 1000) })).toString('base64url')}.s`;

/** Azure DevOps answering from a table, counting its calls. */
function fakeAzureDevOps(grants: { admin: boolean; instanceId?: string }) {
  const calls: string[] = [];
  const port: AzureDevOpsAccessPort = {
    async connectionData(_url, credential) {
      calls.push('connectionData');
      if (credential.token.startsWith('bad')) throw new AzureDevOpsAccessError('credentials_refused', 'no');
      if (credential.token.startsWith('down')) throw new AzureDevOpsAccessError('unreachable', 'down');
      return { userId: 'u1', displayName: 'User One', instanceId: grants.instanceId ?? 'i-contoso' };
    },
    async hasPermissions(_url, _credential, namespace, bits, tokens) {
      calls.push(`permissions:${namespace}:${bits}`);
      const write = bits === SECURITY.project.genericWrite || bits === SECURITY.identity.manageMembership;
      return tokens.map(() => !write || grants.admin);
    },
    async project(_url, _credential, project) {
      calls.push('project');
      return project === 'hidden' ? undefined : { id: 'p1', name: project };
    },
    async team(_url, _credential, _project, team) {
      calls.push('team');
      return { id: 't1', name: team };
    },
    refusedAreas: async () => [],
  };
  return { port, calls };
}

function service(grants: { admin: boolean; instanceId?: string }, clock = { now: 1_000_000 }) {
  const fake = fakeAzureDevOps(grants);
  const access = createAccessService({
    directory: staticOrganizationDirectory([
      { name: 'contoso', url: URL_OF_CONTOSO, timeZone: 'UTC', instanceId: 'i-contoso' },
      { name: 'legacy', url: 'https://dev.azure.com/legacy', timeZone: 'UTC' },
    ]),
    azureDevOps: fake.port,
    now: () => clock.now,
  });
  return { access, calls: fake.calls, clock };
}

const denial = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AccessDeniedError);
  return error as AccessDeniedError;
};

describe('access service', () => {
  const read = { role: 'projectReader' as const, project: 'Shop' };

  it('verifies once per token and answers later requests from the cache', async () => {
    const { access, calls, clock } = service({ admin: false });
    const request = {
      appUserId: 'U1',
      userToken: jwt(clock.now + 3_600_000),
      organization: 'Contoso',
      requirement: read,
    };
    expect((await access.authorize(request)).userId).toBe('u1');
    const first = calls.length;
    await access.authorize(request);
    expect(calls.length).toBe(first);
    clock.now += 5 * 60_000 + 1; // the role answer expires, the binding (15 minutes) does not
    await access.authorize(request);
    expect(calls.filter((call) => call === 'connectionData')).toHaveLength(1);
    expect(calls.length).toBeGreaterThan(first);
  });

  it("never keeps a binding past the token's own expiry", async () => {
    const { access, calls, clock } = service({ admin: false });
    const request = {
      appUserId: 'u1',
      userToken: jwt(clock.now + 60_000),
      organization: 'contoso',
      requirement: { role: 'member' as const },
    };
    await access.authorize(request);
    clock.now += 61_000;
    await access.authorize(request);
    expect(calls.filter((call) => call === 'connectionData')).toHaveLength(2);
  });

  it.each([
    [{ appUserId: 'someone-else' }, 403, 'user_mismatch'],
    [{ appUserId: undefined }, 403, 'user_mismatch'],
    [{ userToken: 'bad-token' }, 401, 'user_token_refused'],
    [{ userToken: 'down-token' }, 503, 'azure_devops_unavailable'],
    [{ organization: 'nowhere' }, 404, 'organization_not_connected'],
    [{ organization: 'legacy' }, 403, 'organization_needs_reconnect'],
    [{ requirement: { role: 'projectReader', project: 'hidden' } }, 403, 'project_not_visible'],
    [
      { requirement: { role: 'projectAdministrator', project: 'Shop' } },
      403,
      'requires_project_administrator',
    ],
    [
      { requirement: { role: 'teamAdministrator', project: 'Shop', team: 'T' } },
      403,
      'requires_team_administrator',
    ],
    [{ requirement: { role: 'collectionAdministrator' } }, 403, 'requires_collection_administrator'],
  ] as const)('refuses %j with %i %s', async (change, status, code) => {
    const { access } = service({ admin: false });
    const error = await denial(
      access.authorize({
        appUserId: 'u1',
        userToken: 'good-token',
        organization: 'contoso',
        requirement: read,
        ...change,
      }),
    );
    expect([error.status, error.code]).toEqual([status, code]);
  });

  it('refuses a token valid in an organization with another instance id', async () => {
    const { access } = service({ admin: true, instanceId: 'i-elsewhere' });
    const error = await denial(
      access.authorize({ appUserId: 'u1', userToken: 'good', organization: 'contoso', requirement: read }),
    );
    expect(error.code).toBe('organization_instance_mismatch');
  });

  it('lets administrators through every role', async () => {
    const { access } = service({ admin: true });
    for (const requirement of [
      { role: 'collectionAdministrator' as const },
      { role: 'projectAdministrator' as const, project: 'Shop' },
      { role: 'teamAdministrator' as const, project: 'Shop', team: 'T' },
    ])
      await expect(
        access.authorize({ appUserId: 'u1', userToken: 'good', organization: 'contoso', requirement }),
      ).resolves.toMatchObject({ userId: 'u1' });
  });
});
