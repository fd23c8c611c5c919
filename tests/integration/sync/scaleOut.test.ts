import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { openRepository, openStorage } from '../../../service/src/app/openRepository.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { spawnTypeScript } from '../../support/childProcess.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import { eventually, simulatorOwner, TEST_EXTENSION_SECRET } from '../../support/startTestService.ts';
import { TEST_DATABASE_URL } from '../../support/storageBackends.ts';

const SCHEMA = `seika_scale_${randomBytes(5).toString('hex')}`;
const SHARED_URL = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;

const listeningLine = z.object({ url: z.string(), worker: z.string() });

interface Instance {
  name: string;
  url: string;
  owner: string;
  process: ReturnType<typeof spawnTypeScript>;
}

/** A real `serve` process; resolves once it logs where it listens and which lease owner it is. */
async function startInstance(name: string, origin?: string): Promise<Instance> {
  const process = spawnTypeScript('service/src/main.ts', ['serve'], {
    DATABASE_URL: SHARED_URL,
    SEIKA_PORT: '0',
    SEIKA_EXTENSION_SECRET: TEST_EXTENSION_SECRET,
    SEIKA_ENCRYPTION_KEY: ENCRYPTION_KEY,
    SEIKA_LEASE_SECONDS: '2',
    SEIKA_WORKER_POLL_MS: '100',
    SEIKA_SYNC_PAGE_SIZE: '10',
    SEIKA_LOG_LEVEL: 'info',
    ...(origin === undefined ? {} : { SEIKA_ALLOWED_ORGANIZATION_ORIGINS: origin }),
  });
  const listening = await eventually(
    `${name} to listen`,
    async () => {
      const line = process
        .output()
        .split('\n')
        .find((entry) => entry.includes('"listening"'));
      return line === undefined ? undefined : listeningLine.parse(JSON.parse(line));
    },
    30_000,
  );
  return { name, url: listening.url, owner: listening.worker, process };
}

const ENCRYPTION_KEY = randomBytes(32).toString('base64');

describe('two service processes sharing one PostgreSQL', () => {
  let simulator: RunningSimulator;
  const instances: Instance[] = [];

  beforeAll(async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
    await client.end();
    // Migrate once up front so both instances start on a ready schema.
    await (
      await openStorage({ kind: 'postgres', connectionString: TEST_DATABASE_URL, schema: SCHEMA })
    ).close();
    simulator = await startSimulator({ seed: 41, scale: 'demo', now: new Date('2026-06-01T00:00:00Z') });
  });

  afterAll(async () => {
    for (const instance of instances) instance.process.child.kill('SIGKILL');
    await simulator.close();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.end();
  });

  it('lets the surviving instance take over the job of a killed one and finish with complete data', async () => {
    instances.push(
      await startInstance('first', simulator.origin),
      await startInstance('second', simulator.origin),
    );
    const [first] = instances;
    if (first === undefined) throw new Error('no instance');
    const owner = simulatorOwner(simulator);
    const token = await new SignJWT({ nameid: owner.userId })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_EXTENSION_SECRET));
    const connected = await fetch(`${first.url}/api/v1/organizations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-seika-user-token': owner.userToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      }),
    });
    expect(connected.status).toBe(201);

    // Wait until one instance holds the lease and has stored a few pages, then kill that one.
    const storage = await openStorage({
      kind: 'postgres',
      connectionString: TEST_DATABASE_URL,
      schema: SCHEMA,
    });
    try {
      const holder = await eventually('an instance to be midway through the sync', async () => {
        const job = await storage.jobs.describe(simulator.organization);
        const pages = (await storage.streamStatus.list(simulator.organization)).find((status) =>
          status.stream.includes('revisions'),
        )?.pages;
        const owner = instances.find((instance) => instance.owner === job?.leaseOwner);
        return owner !== undefined && (pages ?? 0) >= 3 ? owner : undefined;
      });
      holder.process.child.kill('SIGKILL');
      await holder.process.exited;
      const survivor = instances.find((instance) => instance !== holder);
      if (survivor === undefined) throw new Error('no survivor');

      const finished = await eventually(
        'the surviving instance to finish the job',
        async () => {
          const job = await storage.jobs.describe(simulator.organization);
          return job?.lastFinishedAt !== null && job?.leaseOwner === null ? job : undefined;
        },
        60_000,
      );
      expect(finished.lastError).toBeNull();
      expect(survivor.process.output()).toContain('"sync finished"');

      // The survivor's data is exactly what one uninterrupted sync produces.
      const reference = await openRepository({ kind: 'sqlite', path: ':memory:' });
      try {
        await syncOrganization({
          repository: reference,
          createConnection: createAdoConnection,
          logger: silentLogger,
          target: {
            organization: simulator.organization,
            organizationUrl: simulator.organizationUrl,
            personalAccessToken: simulator.pat,
          },
        });
        expect(await flowSnapshot(storage.repository, simulator.organization, simulator.project)).toEqual(
          await flowSnapshot(reference, simulator.organization, simulator.project),
        );
      } finally {
        await reference.close();
      }

      // And the survivor serves it.
      const status = await fetch(
        `${survivor.url}/api/v1/organizations/${simulator.organization}/sync-status`,
        {
          headers: { authorization: `Bearer ${token}`, 'x-seika-user-token': owner.userToken },
        },
      );
      expect(status.status).toBe(200);
    } finally {
      await storage.close();
    }
  }, 180_000);
});
