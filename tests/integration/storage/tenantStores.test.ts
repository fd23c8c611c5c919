import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../service/src/security/secretBox.ts';
import { openStorage } from '../../../service/src/app/openRepository.ts';
import {
  BACKENDS,
  openTestRepository,
  queryRaw,
  type TestRepository,
} from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const T0 = 1_800_000_000_000;
const LEASE = 60_000;

describe.each(BACKENDS)('tenant stores on %s', (backend) => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let test: TestRepository;
  const secrets = createSecretBox(randomBytes(32));

  beforeEach(async () => {
    directory = temporaryDirectory('tenants');
    test = await openTestRepository(backend, directory.path, 'tenants');
  });

  afterEach(async () => {
    await test.dispose();
    directory.remove();
  });

  const fabrikam = {
    name: 'Fabrikam',
    url: 'https://dev.azure.com/fabrikam',
    instanceId: '0a6b6f0e-6f0e-4a6b-8f0e-fab000000001',
    timeZone: 'Asia/Tokyo',
    personalAccessToken: 'pat-of-fabrikam-0123456789',
    hookSecret: 'hook-secret-of-fabrikam',
  };

  describe('organizations', () => {
    it('keeps credentials sealed at rest and opens them only with the key', async () => {
      const organizations = test.storage.organizations(secrets);
      await organizations.connect(fabrikam);
      const stored = JSON.stringify(await queryRaw(test.target, 'SELECT * FROM organizations'));
      expect(stored).not.toContain(fabrikam.personalAccessToken);
      expect(stored).not.toContain(fabrikam.hookSecret);
      expect(await organizations.credentials('FABRIKAM')).toEqual({ ...fabrikam, name: 'fabrikam' });
      const withOtherKey = test.storage.organizations(createSecretBox(randomBytes(32)));
      await expect(withOtherKey.credentials('fabrikam')).rejects.toThrow(/SEIKA_ENCRYPTION_KEY/);
    });

    it('lists without credentials and forgets them on disconnect', async () => {
      const organizations = test.storage.organizations(secrets);
      await organizations.connect(fabrikam);
      await organizations.connect({
        ...fabrikam,
        name: 'contoso',
        url: 'https://dev.azure.com/contoso',
        instanceId: '0a6b6f0e-6f0e-4a6b-8f0e-c0000000c001',
      });
      const listed = await organizations.list();
      expect(listed.map((organization) => organization.name)).toEqual(['contoso', 'fabrikam']);
      expect(JSON.stringify(listed)).not.toContain('pat-of');
      expect(await organizations.disconnect('fabrikam')).toBe(true);
      expect(await organizations.disconnect('fabrikam')).toBe(false);
      expect(await organizations.credentials('fabrikam')).toBeUndefined();
      expect(
        JSON.stringify(await queryRaw(test.target, "SELECT * FROM organizations WHERE name = 'fabrikam'")),
      ).not.toMatch(/v1\./);
      expect((await organizations.list()).map((organization) => organization.name)).toEqual(['contoso']);
    });
  });

  describe('sync jobs', () => {
    it('leases a due job to one owner until the lease expires, then lets another take it over', async () => {
      const { jobs } = test.storage;
      await jobs.ensure('fabrikam', T0);
      const first = await jobs.claim('instance-a', T0, LEASE);
      expect(first).toMatchObject({ organization: 'fabrikam', requestedStreams: 'all', attempts: 1 });
      expect(await jobs.claim('instance-b', T0 + 1_000, LEASE)).toBeUndefined();
      expect(await jobs.renew('fabrikam', 'instance-a', T0 + 30_000, LEASE)).toBe(true);
      expect(await jobs.claim('instance-b', T0 + 80_000, LEASE)).toBeUndefined();
      // instance-a dies: no renewal; after the lease runs out instance-b takes the job over.
      const takeover = await jobs.claim('instance-b', T0 + 91_000, LEASE);
      expect(takeover).toMatchObject({ organization: 'fabrikam', attempts: 2 });
      expect(await jobs.renew('fabrikam', 'instance-a', T0 + 92_000, LEASE)).toBe(false);
    });

    it('schedules the next full run on completion, unless a hook asked for more during the run', async () => {
      const { jobs } = test.storage;
      await jobs.ensure('fabrikam', T0);
      const claim = await jobs.claim('a', T0, LEASE);
      if (claim === undefined) throw new Error('no claim');
      await jobs.complete(claim, 'a', T0 + 300_000, T0 + 5_000);
      expect(await jobs.claim('a', T0 + 10_000, LEASE)).toBeUndefined();

      // A hook brings it forward for one stream only.
      await jobs.request('fabrikam', ['revisions'], T0 + 20_000);
      const hooked = await jobs.claim('a', T0 + 20_000, LEASE);
      expect(hooked?.requestedStreams).toEqual(['revisions']);
      if (hooked === undefined) throw new Error('no claim');
      // Another hook arrives while that run is going on: completing must not swallow it.
      await jobs.request('fabrikam', ['builds'], T0 + 21_000);
      await jobs.complete(hooked, 'a', T0 + 320_000, T0 + 22_000);
      const again = await jobs.claim('a', T0 + 22_000, LEASE);
      expect(again?.requestedStreams).toEqual(['builds', 'revisions']);
    });

    it('backs off a failed job and records the error', async () => {
      const { jobs } = test.storage;
      await jobs.ensure('fabrikam', T0);
      await jobs.claim('a', T0, LEASE);
      await jobs.fail('fabrikam', 'a', 'Azure DevOps refused the credentials', T0 + 600_000);
      expect(await jobs.claim('a', T0 + 599_000, LEASE)).toBeUndefined();
      expect(await jobs.claim('a', T0 + 600_000, LEASE)).toMatchObject({ attempts: 2 });
      const [row] = await queryRaw(test.target, 'SELECT last_error FROM sync_jobs');
      expect(row).toEqual({ last_error: 'Azure DevOps refused the credentials' });
    });

    it('never hands one job to two concurrent claimers', async () => {
      const { jobs } = test.storage;
      for (const name of ['a-org', 'b-org', 'c-org', 'd-org', 'e-org', 'f-org']) await jobs.ensure(name, T0);
      // A second connection to the same database claims at the same time, as a second instance would.
      const other = await openStorage(test.target);
      try {
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, index) =>
            (index % 2 === 0 ? jobs : other.jobs).claim(`owner-${index}`, T0, LEASE),
          ),
        );
        const claimed = claims.flatMap((claim) => (claim === undefined ? [] : [claim.organization]));
        expect(claimed.sort()).toEqual(['a-org', 'b-org', 'c-org', 'd-org', 'e-org', 'f-org']);
      } finally {
        await other.close();
      }
    });
  });

  describe('stream status', () => {
    it('round-trips and updates a stream status', async () => {
      const status = {
        organization: 'fabrikam',
        stream: 'wit.reporting.revisions',
        phase: 'collecting' as const,
        pages: 3,
        items: 600,
        requests: 5,
        progress: 0.25,
        startedAt: T0,
        updatedAt: T0 + 1_000,
        estimatedSecondsLeft: 3.5,
        rateLimit: {
          remaining: 120,
          limit: 200,
          blockedUntil: null,
          throttledResponses: 0,
          pacedSeconds: 42.5,
        },
        lastError: null,
      };
      await test.storage.streamStatus.save(status);
      await test.storage.streamStatus.save({
        ...status,
        phase: 'done',
        pages: 4,
        progress: 1,
        estimatedSecondsLeft: 0,
      });
      expect(await test.storage.streamStatus.list('fabrikam')).toEqual([
        { ...status, phase: 'done', pages: 4, progress: 1, estimatedSecondsLeft: 0 },
      ]);
      expect(await test.storage.streamStatus.list('contoso')).toEqual([]);
    });
  });
});
