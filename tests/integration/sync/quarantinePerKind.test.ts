import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openStorage, type Storage } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { PageSource, StoredRawPage } from '../../../service/src/storage/repository.ts';
import {
  DELIVERY_PAGE_NORMALISERS,
  isDeliveryPageKind,
  PAGE_NORMALISERS,
  type AnyPageKind,
} from '../../../service/src/sync/normalise/pageNormalisers.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';

/**
 * Every normaliser, one poisoned record each, on pages a real first sync of the simulator stored: the
 * record goes to quarantine (position, key, reason), the page's other records apply, and applying the
 * page again as it should have been (a mapping fix, `resync --from-raw`) empties its quarantine.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

interface Case {
  kind: AnyPageKind;
  /** Where the page's records are, in the stored body. `single`: the page is one record. */
  list: 'response.value' | 'response' | 'single';
  /** Spoils one record the way a changed or broken payload would. */
  poison: (record: Json) => void;
  /** The field the reason must name. */
  field: RegExp;
  /**
   * A kind the tiny organization's syncs store no page of is made from another kind's stored page, as
   * Azure DevOps answers both (a push's commits are a commits list).
   */
  from?: { kind: AnyPageKind; wrap: (body: Json) => Json };
}

const CASES: Case[] = [
  {
    kind: 'build.builds',
    list: 'response.value',
    poison: (r) => void (r['queueTime'] = 'soon'),
    field: /queueTime/,
  },
  { kind: 'build.changes', list: 'response.value', poison: (r) => void (r['id'] = ''), field: /field id/ },
  {
    kind: 'distributedtask.environmentDeploymentRecords',
    list: 'response.value',
    poison: (r) => void (r['stageName'] = ''),
    field: /stageName/,
  },
  {
    kind: 'release.deployments',
    list: 'response.value',
    poison: (r) => void (r['deploymentStatus'] = 'exploded'),
    field: /deploymentStatus/,
  },
  {
    kind: 'git.pullRequests',
    list: 'response.value',
    poison: (r) => void (r['closedDate'] = 'soon'),
    field: /closedDate/,
  },
  {
    kind: 'git.pullRequest',
    list: 'single',
    poison: (r) => void (r['response'] = { status: 'completed' }),
    field: /pullRequestId/,
  },
  {
    kind: 'git.pullRequestCommits',
    list: 'response.value',
    poison: (r) => void (r['author'] = { date: 'soon' }),
    field: /author\.date/,
  },
  {
    kind: 'git.commits',
    list: 'response.value',
    poison: (r) => void (r['committer'] = null),
    field: /committer/,
  },
  {
    kind: 'git.pushCommits',
    list: 'response.value',
    poison: (r) => void (r['author'] = { date: 'soon' }),
    field: /author\.date/,
    from: {
      kind: 'git.commits',
      wrap: (body) => ({
        ...body,
        context: { ...(isObject(body['context']) ? body['context'] : {}), pushId: 7 },
      }),
    },
  },
  {
    kind: 'wit.incidentRelations',
    list: 'response.value',
    poison: (r) => void (r['id'] = -1),
    field: /field id/,
  },
  {
    kind: 'work.teamDaysOff',
    list: 'single',
    poison: (r) => void (r['response'] = { daysOff: [{ start: 'soon', end: 'later' }] }),
    field: /daysOff/,
  },
  {
    kind: 'work.teamScope',
    list: 'single',
    poison: (r) => void (r['teamSettings'] = null),
    field: /teamSettings/,
  },
  {
    kind: 'work.backlogConfiguration',
    list: 'single',
    poison: (r) => void (r['response'] = { requirementBacklog: null }),
    field: /requirementBacklog/,
  },
  {
    kind: 'wit.workItemTypeStates',
    list: 'response',
    poison: (r) => void (r['category'] = 42),
    field: /category/,
  },
  { kind: 'work.iterations', list: 'response', poison: (r) => void (r['name'] = 42), field: /name/ },
  {
    kind: 'work.boardColumns',
    list: 'response',
    poison: (r) => void (r['columnType'] = 'sideways'),
    field: /columnType/,
  },
];

/** The records of a page body, the array itself (so a record can be spoilt in place). */
function recordsOf(body: unknown, list: Case['list']): unknown[] {
  const response = isObject(body) ? body['response'] : undefined;
  if (list === 'response') return Array.isArray(response) ? response : [];
  const value = isObject(response) ? response['value'] : undefined;
  return list === 'response.value' && Array.isArray(value) ? value : [];
}

let simulator: RunningSimulator;
let synced: Storage;
const opened: Storage[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ seed: 5, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
  synced = await openStorage({ kind: 'sqlite', path: ':memory:' });
  // A first sync on the simulated day (team days off are read for the sprints around it), then one three
  // days later, once pipeline runs moved the deployed branches (their pushes' commits are read then).
  for (const day of [0, 3]) {
    simulator.advanceClock(day * 86_400_000);
    await syncOrganization({
      repository: synced.repository,
      delivery: synced.delivery,
      createConnection: createAdoConnection,
      logger: silentLogger,
      now: () => Date.parse('2026-06-01T00:00:00Z') + day * 86_400_000,
      target: {
        organization: simulator.organization,
        organizationUrl: simulator.organizationUrl,
        personalAccessToken: simulator.pat,
      },
    });
  }
}, 120_000);

afterAll(async () => {
  for (const storage of opened.splice(0)) await storage.close();
  await synced.close();
  await simulator.close();
});

/** The kind's own normaliser, as the live sync and `resync --from-raw` call it. */
function normalise(
  kind: AnyPageKind,
  storage: Pick<Storage, 'repository' | 'delivery'>,
  source: PageSource,
  body: unknown,
) {
  if (isDeliveryPageKind(kind)) {
    return DELIVERY_PAGE_NORMALISERS[kind](storage.delivery, simulator.organization, source, body);
  }
  return PAGE_NORMALISERS[kind](storage.repository, simulator.organization, source, body);
}

/** Applies a body as a freshly fetched page of `kind`; returns the rows the store was asked to write. */
async function apply(
  storage: Storage,
  kind: AnyPageKind,
  page: StoredRawPage,
  body: unknown,
): Promise<number> {
  const written: number[] = [];
  // Counts the rows handed to the store's apply call (the last array argument), then applies them.
  const counting = (target: Storage): Pick<Storage, 'repository' | 'delivery'> => ({
    repository: countingStore(target.repository),
    delivery: countingStore(target.delivery),
  });
  const countingStore = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || !property.startsWith('apply')) {
          return value;
        }
        return (...args: unknown[]) => {
          const rows = [...args].reverse().find(Array.isArray);
          written.push(Array.isArray(rows) ? rows.length : 0);
          return Reflect.apply(value, object, args);
        };
      },
    });
  const source = { ...page, body: JSON.stringify(body) };
  await normalise(kind, counting(storage), source, body);
  return written[0] ?? 0;
}

describe('a poisoned record in a page of every kind', () => {
  it.each(CASES)('$kind: quarantined alone, the rest applies, the fix empties it', async (testCase) => {
    const pages = await synced.repository.listRawPages(
      simulator.organization,
      testCase.from?.kind ?? testCase.kind,
    );
    const stored = pages.find((candidate) =>
      testCase.list === 'single' ? true : recordsOf(JSON.parse(candidate.body), testCase.list).length >= 2,
    );
    if (stored === undefined) throw new Error(`the simulator's syncs stored no usable ${testCase.kind} page`);
    const page = {
      ...stored,
      stream: testCase.kind,
      body:
        testCase.from === undefined
          ? stored.body
          : JSON.stringify(testCase.from.wrap(JSON.parse(stored.body))),
    };
    const clean: unknown = JSON.parse(page.body);
    const poisoned: unknown = JSON.parse(page.body);
    const position = testCase.list === 'single' ? 0 : 1;
    const victim = testCase.list === 'single' ? poisoned : recordsOf(poisoned, testCase.list)[position];
    if (!isObject(victim)) throw new Error(`no record at ${position}`);
    testCase.poison(victim);

    const reference = await openStorage({ kind: 'sqlite', path: ':memory:' });
    const target = await openStorage({ kind: 'sqlite', path: ':memory:' });
    opened.push(reference, target);
    const cleanRows = await apply(reference, testCase.kind, page, clean);
    const poisonedRows = await apply(target, testCase.kind, page, poisoned);

    const quarantined = await target.repository.listQuarantined(simulator.organization);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ stream: testCase.kind, position });
    expect(quarantined[0]?.reason).toMatch(testCase.field);
    expect(quarantined[0]?.itemKey).not.toBe('');
    // The page is stored all the same, and the quarantine names it.
    const storedPages = await target.repository.listRawPages(simulator.organization, testCase.kind);
    expect(storedPages.map((row) => row.id)).toEqual([quarantined[0]?.rawPageId]);
    expect(await reference.repository.listQuarantined(simulator.organization)).toEqual([]);
    if (testCase.list === 'single') {
      expect(poisonedRows).toBe(0);
    } else {
      expect(cleanRows).toBeGreaterThanOrEqual(2);
      expect(poisonedRows).toBe(cleanRows - 1);
    }

    // The fixed page applied again over the stored one: nothing left in quarantine.
    await normalise(testCase.kind, target, { storedPageId: quarantined[0]?.rawPageId ?? 0 }, clean);
    expect(await target.repository.listQuarantined(simulator.organization)).toEqual([]);
  });
});
