import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogResponseSchema } from '../../../service/src/contract/access/audit.ts';
import { queryRaw } from '../../support/storageBackends.ts';
import { RIVAL, startTwoOrganizations, type TwoOrganizations } from './twoOrganizations.ts';

let world: TwoOrganizations;

beforeAll(async () => {
  world = await startTwoOrganizations();
}, 120_000);

afterAll(async () => {
  await world.close();
});

async function hookSecret(organization: string): Promise<string> {
  const credentials = await world.test.service.storage
    .organizations(world.test.secrets)
    .credentials(organization);
  if (credentials === undefined) throw new Error(`${organization} is not connected`);
  return credentials.hookSecret;
}

function deliver(organization: string, secret: string | undefined, body: string) {
  return fetch(`${world.test.service.url}/hooks/azure-devops/${organization}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === undefined
        ? {}
        : { authorization: `Basic ${Buffer.from(`seika:${secret}`).toString('base64')}` }),
    },
    body,
  });
}

const rejections = () =>
  world.test.logLines.filter((line) => line.includes('rejected service-hook delivery'));

describe('service hooks', () => {
  it('check credentials before reading the body, and log every rejection', async () => {
    const logged = rejections().length;
    // A body far over the limit and not even JSON: refused by its credentials alone.
    const huge = 'x'.repeat(3_000_000);
    expect((await deliver(world.victim, undefined, huge)).status).toBe(401);
    expect((await deliver(world.victim, 'wrong', huge)).status).toBe(401);
    // The rival's own secret does not open the victim's receiver.
    expect((await deliver(world.victim, await hookSecret(RIVAL), '{}')).status).toBe(401);
    // Authenticated, but not an event.
    expect((await deliver(world.victim, await hookSecret(world.victim), '{"hello":1}')).status).toBe(400);
    expect(rejections().length - logged).toBe(4);
  });

  it('accept an event once, drop its replay and anything older than the window', async () => {
    const secret = await hookSecret(world.victim);
    const event = (id: string, createdDate: Date) =>
      JSON.stringify({
        id,
        eventType: 'workitem.updated',
        createdDate: createdDate.toISOString(),
        resource: {},
      });
    const now = world.simulator.now();
    const first = await deliver(world.victim, secret, event('event-1', now));
    expect(first.status).toBe(202);
    const replay = await deliver(world.victim, secret, event('event-1', now));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ accepted: false, duplicate: true });
    const stale = await deliver(
      world.victim,
      secret,
      event('event-2', new Date(now.getTime() - 2 * 3_600_000)),
    );
    expect(stale.status).toBe(400);
    // The same event id in another organization is that organization's own.
    expect((await deliver(RIVAL, await hookSecret(RIVAL), event('event-1', now))).status).toBe(202);
  });
});

describe('secrets', () => {
  it('never appear in responses, logs or the database in clear', async () => {
    const secrets = [
      world.simulator.pat,
      ...world.simulator.organizations.map((organization) => organization.pat),
      await hookSecret(world.victim),
      await hookSecret(RIVAL),
      world.people.owner.userToken,
      world.people.rival.userToken,
    ];
    const responses = await Promise.all(
      [
        `/organizations`,
        `/organizations/${world.victim}/sync-status`,
        `/organizations/${world.victim}/audit`,
      ].map(async (path) => JSON.stringify((await world.test.api(path, { as: world.people.owner })).body)),
    );
    const tables = (await queryRaw(world.target, "SELECT name FROM sqlite_master WHERE type = 'table'")) as {
      name: string;
    }[];
    const dump = JSON.stringify(
      await Promise.all(tables.map((table) => queryRaw(world.target, `SELECT * FROM "${table.name}"`))),
    );
    for (const secret of secrets) {
      for (const text of [...responses, world.test.logLines.join('\n'), dump])
        expect(text).not.toContain(secret);
    }
  });
});

describe('disconnecting with deleteData', () => {
  it('deletes every row of the organization in every table, keeps the disconnect in the audit log, and leaves the other alone', async () => {
    const tables = (
      (await queryRaw(
        world.target,
        "SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'organization'",
      )) as { name: string }[]
    ).map((table) => table.name);
    const rowsOf = async (organization: string) =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => {
            const [row] = (await queryRaw(
              world.target,
              `SELECT COUNT(*) AS n FROM "${table}" WHERE organization = '${organization}'`,
            )) as { n: number }[];
            return [table, row?.n ?? 0] as const;
          }),
        ),
      );
    const victimBefore = await rowsOf(world.victim);
    expect(victimBefore['raw_pages']).toBeGreaterThan(0);
    expect(victimBefore['work_item_revisions']).toBeGreaterThan(0);
    const rivalBefore = await rowsOf(RIVAL);

    const removed = await world.test.api(`/organizations/${world.victim}?deleteData=true`, {
      method: 'DELETE',
      as: world.people.owner,
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);

    const victimAfter = await rowsOf(world.victim);
    for (const table of tables) expect(victimAfter[table], table).toBe(table === 'audit_entries' ? 1 : 0);
    expect(
      await queryRaw(world.target, `SELECT name FROM organizations WHERE name = '${world.victim}'`),
    ).toEqual([]);
    const [entry] = (await queryRaw(
      world.target,
      `SELECT action, actor_id FROM audit_entries WHERE organization = '${world.victim}'`,
    )) as { action: string; actor_id: string }[];
    expect(entry).toEqual({ action: 'organization.disconnected', actor_id: world.people.owner.userId });
    // The rival's rows are all there (its hook-triggered sync may still be adding some).
    const rivalAfter = await rowsOf(RIVAL);
    for (const table of tables)
      expect(rivalAfter[table] ?? 0, table).toBeGreaterThanOrEqual(rivalBefore[table] ?? 0);
    expect(rivalAfter['raw_pages']).toBeGreaterThan(0);
    // The rival's log shows its own connect only.
    const rivalAudit = auditLogResponseSchema.parse(
      (await world.test.api(`/organizations/${RIVAL}/audit`, { as: world.people.rival })).body,
    );
    expect(rivalAudit.entries.map((audit) => audit.action)).toEqual(['organization.connected']);
  });
});
