import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  organizationListResponseSchema,
  teamSettingsResponseSchema,
} from '../../../service/src/contract/index.ts';
import { auditLogResponseSchema } from '../../../service/src/contract/access/audit.ts';
import { accessCapabilitiesSchema } from '../../../service/src/contract/access/capabilities.ts';
import type { TestUser } from '../../support/startTestService.ts';
import { CLOSED_ORIGIN, RIVAL, startTwoOrganizations, type TwoOrganizations } from './twoOrganizations.ts';

let world: TwoOrganizations;

beforeAll(async () => {
  world = await startTwoOrganizations();
}, 120_000);

afterAll(async () => {
  await world.close();
});

const path = (...segments: string[]): string => segments.map(encodeURIComponent).join('/');
const teamUrl = (suffix: string) =>
  `/organizations/${path(world.victim)}/projects/${path(world.project)}/teams/${path(world.team)}/${suffix}`;
const projectUrl = (suffix: string) =>
  `/organizations/${path(world.victim)}/projects/${path(world.project)}/${suffix}`;

async function refused(
  request: Promise<{ status: number; body: unknown }>,
  status: number,
  code: string,
): Promise<void> {
  const answer = await request;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(apiErrorSchema.parse(answer.body).error.code).toBe(code);
}

/** The rival acting on the victim's organization (its app token and its own Azure DevOps token). */
const asRival = (): TestUser => ({ ...world.people.rival, organization: world.victim });

describe("reading another organization's flow and delivery data", () => {
  it('refuses a user of another organization and a member who cannot see the project; serves members who can', async () => {
    const cycleTime = teamUrl('flow/cycle-time?from=2026-03-01&to=2026-05-31');
    const delivery = projectUrl('delivery/summary?from=2026-03-01&to=2026-05-31');
    for (const url of [cycleTime, delivery]) {
      await refused(world.test.api(url, { as: asRival() }), 403, 'not_organization_member');
      await refused(world.test.api(url, { as: world.people.outsider }), 403, 'project_not_visible');
      const allowed = await world.test.api(url, { as: world.people.member });
      expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    }
  });

  it("refuses a token whose user is not the app token's, a refused token and a missing one", async () => {
    const url = teamUrl('flow/throughput?from=2026-03-01&to=2026-05-31');
    const borrowed = { ...world.people.member, userId: world.people.owner.userId };
    await refused(world.test.api(url, { as: borrowed }), 403, 'user_mismatch');
    await refused(
      world.test.api(url, { as: { ...world.people.member, userToken: 'not-a-token-azure-devops-issued' } }),
      401,
      'user_token_refused',
    );
    // The rival's own token, presented with the victim's owner as the app token's user.
    await refused(
      world.test.api(url, { as: { ...asRival(), userId: world.people.owner.userId } }),
      403,
      'not_organization_member',
    );
  });
});

describe('listing organizations', () => {
  it("lists only the caller's own organization, and refuses naming another one", async () => {
    const rivalList = organizationListResponseSchema.parse(
      (await world.test.api('/organizations', { as: world.people.rival })).body,
    );
    expect(rivalList.organizations.map((organization) => organization.name)).toEqual([RIVAL]);
    await refused(world.test.api('/organizations', { as: asRival() }), 403, 'not_organization_member');
    const memberList = organizationListResponseSchema.parse(
      (await world.test.api('/organizations', { as: world.people.member })).body,
    );
    expect(memberList.organizations.map((organization) => organization.name)).toEqual([world.victim]);
  });
});

describe('sync status and audit log', () => {
  it('are for Project Collection Administrators of the organization only', async () => {
    for (const suffix of ['sync-status', 'audit']) {
      const url = `/organizations/${path(world.victim)}/${suffix}`;
      await refused(world.test.api(url, { as: asRival() }), 403, 'not_organization_member');
      await refused(
        world.test.api(url, { as: world.people.projectAdministrator }),
        403,
        'requires_collection_administrator',
      );
      expect((await world.test.api(url, { as: world.people.owner })).status).toBe(200);
    }
  });
});

describe('team flow settings', () => {
  const settingsUrl = () => teamUrl('flow/settings');
  const read = async () =>
    teamSettingsResponseSchema.parse((await world.test.api(settingsUrl(), { as: world.people.member })).body);

  it("refuse changes by another organization's user and by plain members, and change nothing", async () => {
    const before = await read();
    const change = { lookbackDays: 7, waitingStates: ['Resolved'] };
    await refused(
      world.test.api(settingsUrl(), { method: 'PUT', body: change, as: asRival() }),
      403,
      'not_organization_member',
    );
    await refused(
      world.test.api(settingsUrl(), { method: 'PUT', body: change, as: world.people.member }),
      403,
      'requires_team_administrator',
    );
    await refused(
      world.test.api(settingsUrl(), { method: 'DELETE', as: asRival() }),
      403,
      'not_organization_member',
    );
    await refused(
      world.test.api(settingsUrl(), { method: 'DELETE', as: world.people.member }),
      403,
      'requires_team_administrator',
    );
    expect(await read()).toEqual(before);
  });

  it('accept the team administrator and the project administrator, and audit both', async () => {
    const byTeamAdmin = await world.test.api(settingsUrl(), {
      method: 'PUT',
      body: { lookbackDays: 45 },
      as: world.people.teamAdministrator,
    });
    expect(byTeamAdmin.status, JSON.stringify(byTeamAdmin.body)).toBe(200);
    expect((await read()).settings.lookbackDays).toBe(45);
    const byProjectAdmin = await world.test.api(settingsUrl(), {
      method: 'PUT',
      body: { lookbackDays: 60 },
      as: world.people.projectAdministrator,
    });
    expect(byProjectAdmin.status).toBe(200);
    expect((await read()).settings.lookbackDays).toBe(60);
    const audit = await eventuallyAudit(2);
    const [latest, earlier] = audit.entries;
    expect(latest).toMatchObject({
      action: 'team.flowSettings.changed',
      actor: { id: world.people.projectAdministrator.userId, displayName: 'project-admin' },
      target: `project/${world.project}/team/${world.team}`,
    });
    expect(earlier?.actor.id).toBe(world.people.teamAdministrator.userId);
    expect(latest?.before).toEqual(earlier?.after);
  });
});

async function eventuallyAudit(settingsEntries: number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const log = auditLogResponseSchema.parse(
      (await world.test.api(`/organizations/${path(world.victim)}/audit`, { as: world.people.owner })).body,
    );
    const entries = log.entries.filter((entry) => entry.action.startsWith('team.'));
    if (entries.length >= settingsEntries) return { entries };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The audit entries did not appear');
}

describe('project delivery settings', () => {
  it('are changed by project administrators only; refusals change nothing', async () => {
    const settingsUrl = projectUrl('delivery/settings');
    const read = async () => (await world.test.api(settingsUrl, { as: world.people.member })).body;
    const before = await read();
    const change = { incidents: { workItemTypes: ['Task'] } };
    for (const [user, code] of [
      [asRival(), 'not_organization_member'],
      [world.people.member, 'requires_project_administrator'],
      [world.people.teamAdministrator, 'requires_project_administrator'],
    ] as const) {
      await refused(world.test.api(settingsUrl, { method: 'PUT', body: change, as: user }), 403, code);
      await refused(world.test.api(settingsUrl, { method: 'DELETE', as: user }), 403, code);
    }
    expect(await read()).toEqual(before);
    const allowed = await world.test.api(settingsUrl, {
      method: 'PUT',
      body: change,
      as: world.people.projectAdministrator,
    });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
  });
});

describe('connecting', () => {
  const victimUrl = () => world.simulator.organizationUrl;
  const storedCredentials = () =>
    world.test.service.storage.organizations(world.test.secrets).credentials(world.victim);

  it("never replaces a connected organization's URL or PAT, whoever tries", async () => {
    const before = await storedCredentials();
    const rivalPat = world.simulator.organizations.find((organization) => organization.name === RIVAL)?.pat;
    const attempts: [TestUser, unknown, number, string][] = [
      // Another host, same first segment: the old takeover.
      [
        world.people.rival,
        { organizationUrl: `http://evil.example/${world.victim}`, personalAccessToken: 'x' },
        422,
        'invalid_organization_url',
      ],
      // The victim's URL with the rival's own token and PAT.
      [
        asRival(),
        { organizationUrl: victimUrl(), personalAccessToken: rivalPat },
        403,
        'not_organization_member',
      ],
      // A plain member of the victim organization.
      [
        world.people.member,
        { organizationUrl: victimUrl(), personalAccessToken: world.simulator.pat },
        403,
        'requires_collection_administrator',
      ],
      // The victim's own administrator, with a PAT of another organization: Azure DevOps refuses it there.
      [
        world.people.owner,
        { organizationUrl: victimUrl(), personalAccessToken: rivalPat },
        422,
        'credentials_refused',
      ],
    ];
    for (const [user, body, status, code] of attempts) {
      await refused(world.test.api('/organizations', { method: 'POST', body, as: user }), status, code);
    }
    expect(await storedCredentials()).toEqual(before);
    expect(before?.url).toBe(victimUrl());
  });

  it('refuses URLs it must never fetch within a second, with a 4xx naming the problem', async () => {
    const service = new URL(world.test.service.url);
    const urls = [
      'file:///etc/passwd',
      'mailto:admin@example.com',
      `http://127.0.0.1:${service.port}/${world.victim}`,
      `https://dev.azure.com:8443/${world.victim}`,
      `https://user:password@dev.azure.com/${world.victim}`,
      `https://dev.azure.com/${world.victim}/project`,
      `https://dev.azure.com/${world.victim}?x=1`,
      'https://dev.azure.com.evil.example/victim',
      'https://evil.example/dev.azure.com/victim',
      'http://dev.azure.com/victim',
    ];
    for (const organizationUrl of urls) {
      const started = Date.now();
      const answer = await world.test.api('/organizations', {
        method: 'POST',
        body: { organizationUrl, personalAccessToken: 'x' },
        as: world.people.owner,
      });
      expect(answer.status, organizationUrl).toBeGreaterThanOrEqual(400);
      expect(answer.status, organizationUrl).toBeLessThan(500);
      expect(Date.now() - started).toBeLessThan(1_000);
    }
  });
});

describe('connection checks', () => {
  it('answer within seconds with a 4xx naming the problem', async () => {
    const cases = [
      [`${CLOSED_ORIGIN}/${world.victim}`, 'unreachable'],
      [`${world.notAzureDevOpsOrigin}/${world.victim}`, 'not_azure_devops'],
      [world.simulator.organizationUrl, 'credentials_refused'],
      [world.simulator.organizationUrl, 'insufficient_scopes'],
    ] as const;
    // The owner's own PAT, without Work Items (Read).
    const narrowPat = world.simulator.identities.issueToken({
      userId: world.people.owner.userId,
      organization: world.victim,
      kind: 'pat',
      scopes: ['vso.project', 'vso.build'],
    });
    for (const [organizationUrl, code] of cases) {
      const started = Date.now();
      const personalAccessToken = code === 'insufficient_scopes' ? narrowPat : 'not-a-pat';
      await refused(
        world.test.api('/organizations', {
          method: 'POST',
          body: { organizationUrl, personalAccessToken },
          as: world.people.owner,
        }),
        422,
        code,
      );
      expect(Date.now() - started).toBeLessThan(6_000);
    }
  });
});

describe('capabilities', () => {
  it('tell each person what the service will let them do', async () => {
    const url = `/organizations/${path(world.victim)}/access?project=${path(world.project)}&team=${path(world.team)}`;
    const capabilities = async (user: TestUser) => {
      const answer = await world.test.api(url, { as: user });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const body = accessCapabilitiesSchema.parse(answer.body);
      return [body.collectionAdministrator, body.project?.administrator, body.team?.administrator];
    };
    expect(await capabilities(world.people.member)).toEqual([false, false, false]);
    expect(await capabilities(world.people.teamAdministrator)).toEqual([false, false, true]);
    expect(await capabilities(world.people.projectAdministrator)).toEqual([false, true, true]);
    expect(await capabilities(world.people.owner)).toEqual([true, true, true]);
    await refused(world.test.api(url, { as: asRival() }), 403, 'not_organization_member');
  });
});

describe('disconnecting', () => {
  it("is refused to another organization's user and to project administrators, and changes nothing", async () => {
    const url = `/organizations/${path(world.victim)}`;
    await refused(world.test.api(url, { method: 'DELETE', as: asRival() }), 403, 'not_organization_member');
    await refused(
      world.test.api(url, { method: 'DELETE', as: world.people.projectAdministrator }),
      403,
      'requires_collection_administrator',
    );
    const list = organizationListResponseSchema.parse(
      (await world.test.api('/organizations', { as: world.people.owner })).body,
    );
    expect(list.organizations.map((organization) => organization.name)).toEqual([world.victim]);
    expect(
      await world.test.service.storage.organizations(world.test.secrets).credentials(world.victim),
    ).toBeDefined();
  });
});
