import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdoConnection, type AdoConnectionFactory } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { REVISIONS_STREAM } from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import { renormaliseFromRaw } from '../../../service/src/sync/renormalise.ts';
import type * as Revisions from '../../../service/src/sync/normalise/workItems/revisions.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

/**
 * The mapping under test: the real one, except that until `mapping.fixed` it cannot read a revision
 * carrying `Custom.Poison` (standing for any shape a mapping does not handle yet).
 */
const mapping = vi.hoisted(() => ({ fixed: false }));
vi.mock('../../../service/src/sync/normalise/workItems/revisions.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Revisions>();
  return {
    ...actual,
    normaliseRevision: (raw: unknown, position: number) => {
      const fields: unknown =
        typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'fields') : undefined;
      const poisoned = typeof fields === 'object' && fields !== null && 'Custom.Poison' in fields;
      if (poisoned && !mapping.fixed) {
        throw new actual.MalformedRevisionError(position, 'Custom.Poison: this mapping cannot read it');
      }
      return actual.normaliseRevision(raw, position);
    },
  };
});

const PAGE_SIZE = 25;
const POISONED_PAGE = 2;
const POISONED_POSITION = 7;

/** Delivers the revisions as Azure DevOps sent them, but one revision of the second page is poisoned. */
const poisoning: AdoConnectionFactory = (target, options) => {
  const connection = createAdoConnection(target, options);
  let revisionPages = 0;
  return {
    ...connection,
    async call<T>(operation: string, work: () => Promise<T>): Promise<T> {
      const answer = await connection.call(operation, work);
      if (operation !== 'reportingRevisions') return answer;
      revisionPages += 1;
      const values: unknown = Reflect.get(answer as object, 'values');
      const victim: unknown = Array.isArray(values) ? values[POISONED_POSITION] : undefined;
      if (revisionPages === POISONED_PAGE && typeof victim === 'object' && victim !== null) {
        Reflect.set(Reflect.get(victim, 'fields') as object, 'Custom.Poison', 'x');
      }
      return answer;
    },
  };
};

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;

beforeAll(async () => {
  directory = temporaryDirectory('quarantine');
  simulator = await startSimulator({ seed: 5, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
});

afterAll(async () => {
  await simulator.close();
  directory.remove();
});

describe.each(BACKENDS)('a poisoned revision in the middle of a first sync, on %s', (backend) => {
  let clean: TestRepository;
  let poisoned: TestRepository;

  beforeAll(async () => {
    clean = await openTestRepository(backend, directory.path, `clean-${backend}`);
    poisoned = await openTestRepository(backend, directory.path, `poisoned-${backend}`);
  });

  afterAll(async () => {
    await clean.dispose();
    await poisoned.dispose();
  });

  const sync = (test: TestRepository, createConnection: AdoConnectionFactory) =>
    syncOrganization({
      repository: test.repository,
      createConnection,
      logger: silentLogger,
      streams: ['work.metadata', REVISIONS_STREAM],
      maxPageSize: PAGE_SIZE,
      target: {
        organization: simulator.organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });

  it('quarantines it, stores the rest, moves the watermark; the next sync moves on; the fix re-applies it', async () => {
    mapping.fixed = false;
    const organization = simulator.organization;
    await sync(clean, createAdoConnection);
    const first = await sync(poisoned, poisoning);

    const quarantined = await poisoned.repository.listQuarantined(organization);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ stream: REVISIONS_STREAM, position: POISONED_POSITION });
    expect(quarantined[0]?.reason).toMatch(/Custom\.Poison/);
    const [itemId, revision] = (quarantined[0]?.itemKey ?? '').split('#').map(Number);
    const pages = await poisoned.repository.listRawPages(organization, REVISIONS_STREAM);
    expect(quarantined[0]?.rawPageId).toBe(pages[POISONED_PAGE - 1]?.id);
    expect(await poisoned.repository.getWatermark(organization, REVISIONS_STREAM)).toBe(
      pages.at(-1)?.responseToken,
    );
    const cleanCounts = await clean.repository.countRows(organization);
    expect((await poisoned.repository.countRows(organization)).revisions).toBe(cleanCounts.revisions - 1);
    expect(first.revisions).toBe(cleanCounts.revisions - 1);

    // The next sync starts from the watermark: one request for revisions, nothing new in quarantine.
    const before = simulator.requestLog.length;
    await sync(poisoned, createAdoConnection);
    const revisionRequests = simulator.requestLog
      .slice(before)
      .filter((entry) => /reporting\/workitemrevisions/i.test(entry.path));
    expect(revisionRequests).toHaveLength(1);
    expect(await poisoned.repository.listQuarantined(organization)).toHaveLength(1);
    // The same request answered the same way is stored once: polling an unchanged watermark adds nothing.
    const afterSecond = (await poisoned.repository.listRawPages(organization, REVISIONS_STREAM)).length;
    await sync(poisoned, createAdoConnection);
    expect(await poisoned.repository.listRawPages(organization, REVISIONS_STREAM)).toHaveLength(afterSecond);

    mapping.fixed = true;
    await renormaliseFromRaw({ repository: poisoned.repository, organization, logger: silentLogger });
    expect(await poisoned.repository.listQuarantined(organization)).toEqual([]);
    const items = await flowSnapshot(poisoned.repository, organization, simulator.project);
    expect(items.some((item) => item.id === itemId)).toBe(true);
    expect(Number.isInteger(revision)).toBe(true);
    expect(items).toEqual(await flowSnapshot(clean.repository, organization, simulator.project));
  });
});
