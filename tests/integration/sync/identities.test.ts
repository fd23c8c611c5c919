import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection, type AdoConnectionFactory } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { openTestRepository, queryRaw, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
let test: TestRepository;

beforeAll(async () => {
  directory = temporaryDirectory('identities');
  simulator = await startSimulator({ seed: 3, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
  test = await openTestRepository('sqlite', directory.path, 'identities');
});

afterAll(async () => {
  await test.dispose();
  await simulator.close();
  directory.remove();
});

describe('no identities at rest', () => {
  it('stores no name or e-mail address the simulator put in its payloads, in any table', async () => {
    // Everything Azure DevOps answered, as the sync received it.
    const received: string[] = [];
    const recording: AdoConnectionFactory = (target, options) => {
      const connection = createAdoConnection(target, options);
      return {
        ...connection,
        async call<T>(operation: string, work: () => Promise<T>): Promise<T> {
          const answer = await connection.call(operation, work);
          received.push(JSON.stringify(answer) ?? '');
          return answer;
        },
        async getJson(pathAndQuery, requestOptions) {
          const answer = await connection.getJson(pathAndQuery, requestOptions);
          received.push(JSON.stringify(answer.body) ?? '');
          return answer;
        },
      };
    };
    const report = await syncOrganization({
      repository: test.repository,
      delivery: test.storage.delivery,
      createConnection: recording,
      logger: silentLogger,
      target: {
        organization: simulator.organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
    expect(report.streams.every((stream) => stream.error === null)).toBe(true);
    const people = simulator.model.identities.flatMap((identity) => [identity.displayName, identity.email]);
    expect(people.length).toBeGreaterThan(0);

    // The simulator does send them: the scan below would find them if they were kept.
    const sent = people.filter((person) => received.some((answer) => answer.includes(person)));
    expect(sent.length).toBeGreaterThan(0);

    const tables = (await queryRaw(test.target, "SELECT name FROM sqlite_master WHERE type = 'table'")) as {
      name: string;
    }[];
    const found: string[] = [];
    for (const { name } of tables) {
      const rows = await queryRaw(test.target, `SELECT * FROM ${name}`);
      const text = JSON.stringify(rows);
      for (const person of people) if (text.includes(person)) found.push(`${name}: ${person}`);
    }
    expect(found).toEqual([]);
    const rawPages = (await queryRaw(test.target, 'SELECT COUNT(*) AS count FROM raw_pages')) as {
      count: number;
    }[];
    expect(rawPages[0]?.count).toBeGreaterThan(10);
  });
});
