import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({
    seed: 9,
    scale: 'tiny',
    now: new Date('2026-06-01T00:00:00Z'),
    organizations: [{ name: 'second-org', seed: 10 }],
  });
});

afterAll(async () => {
  await simulator.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('several organizations, users and their tokens', () => {
  it('serves each organization under its own name, with its own instance id', async () => {
    const [first, second] = simulator.organizations;
    expect(first?.name).toBe(simulator.organization);
    expect(second?.name).toBe('second-org');
    expect(first?.instanceId).not.toBe(second?.instanceId);
    for (const organization of simulator.organizations) {
      const response = await fetch(`${organization.url}/_apis/connectionData`, {
        headers: bearer(organization.pat),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { instanceId: string; authenticatedUser: { id: string } };
      expect(body.instanceId).toBe(organization.instanceId);
      expect(body.authenticatedUser.id).toBe(organization.ownerId);
    }
  });

  it("answers connectionData as the token's user; 401 naming the user elsewhere; the sign-in page for unknown tokens", async () => {
    const [first, second] = simulator.organizations;
    if (first === undefined || second === undefined) throw new Error('two organizations expected');
    const { identities } = simulator;
    identities.addUser({ id: 'user-a', displayName: 'User A', uniqueName: 'a@example.com' });
    identities.join(first.name, 'user-a', {});
    const token = identities.issueToken({ userId: 'user-a', organization: first.name, kind: 'access' });
    const own = await fetch(`${first.url}/_apis/connectionData`, { headers: bearer(token) });
    expect(((await own.json()) as { authenticatedUser: { id: string } }).authenticatedUser.id).toBe('user-a');
    const elsewhere = await fetch(`${second.url}/_apis/connectionData`, { headers: bearer(token) });
    expect(elsewhere.status).toBe(401);
    expect(await elsewhere.text()).toContain("TF400813: The user 'user-a'");
    const unknown = await fetch(`${first.url}/_apis/connectionData`, { headers: bearer('no-such-token') });
    expect(unknown.status).toBe(203);
    // A project the user cannot see is not listed.
    const projects = await fetch(`${first.url}/_apis/projects`, { headers: bearer(token) });
    expect(((await projects.json()) as { count: number }).count).toBe(0);
    const hidden = await fetch(`${first.url}/_apis/projects/${simulator.model.project.id}`, {
      headers: bearer(token),
    });
    expect(hidden.status).toBe(404);
    const visibleToOwner = await fetch(`${first.url}/_apis/projects/${simulator.model.project.id}`, {
      headers: bearer(first.pat),
    });
    expect(visibleToOwner.status).toBe(200);
  });

  it('evaluates the permissions API for the caller, one boolean per token', async () => {
    const { identities, model } = simulator;
    const [first] = simulator.organizations;
    if (first === undefined) throw new Error('no organization');
    identities.addUser({ id: 'team-admin', displayName: 'T', uniqueName: 't@example.com' });
    identities.join(first.name, 'team-admin', {
      projects: { [model.project.id]: 'contributor' },
      teamAdministrator: [model.team.id],
    });
    const token = identities.issueToken({ userId: 'team-admin', organization: first.name, kind: 'access' });
    const ask = async (namespace: string, bits: number, tokens: string[]) => {
      const query = new URLSearchParams({ tokens: tokens.join(','), 'api-version': '7.1' });
      const response = await fetch(
        `${first.url}/_apis/permissions/${namespace}/${bits}?${query.toString()}`,
        {
          headers: bearer(token),
        },
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { value: boolean[] }).value;
    };
    expect(
      await ask('5a27515b-ccd7-42c9-84f1-54c998f03866', 8, [`${model.project.id}\\${model.team.id}`]),
    ).toEqual([true]);
    expect(
      await ask('52d39943-cb85-4d7f-8fa8-c6baac873819', 1, [
        `$PROJECT:vstfs:///Classification/TeamProject/${model.project.id}`,
        '$PROJECT:vstfs:///Classification/TeamProject/00000000-0000-0000-0000-000000000000',
      ]),
    ).toEqual([true, false]);
    expect(
      await ask('52d39943-cb85-4d7f-8fa8-c6baac873819', 2, [
        `$PROJECT:vstfs:///Classification/TeamProject/${model.project.id}`,
      ]),
    ).toEqual([false]);
    expect(await ask('3e65f728-f8bc-4ecd-8764-7e378b19bfa7', 2, ['NAMESPACE:'])).toEqual([false]);
  });
});
