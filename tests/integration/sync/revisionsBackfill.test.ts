import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { openRepository } from '../../../service/src/app/openRepository.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { SeikaRepository } from '../../../service/src/storage/repository.ts';
import {
  collectReportingRevisions,
  REVISIONS_STREAM,
} from '../../../service/src/sync/collect/workItems/reportingRevisions.ts';
import {
  BACKFILL_STARTED_KEY,
  CATCH_UP_MARGIN_MS,
  projectRevisionsKey,
} from '../../../service/src/sync/collect/workItems/revisionsBackfill.ts';
import { flowSnapshot } from '../../support/flowSnapshot.ts';
import { syncSimulator } from '../../support/syncSimulator.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const REVISIONS_PATH = /\/_apis\/wit\/reporting\/workitemrevisions$/i;

let simulator: RunningSimulator;
const opened: SeikaRepository[] = [];

beforeAll(async () => {
  // A small share of the large organization: six projects. Several full reads here: no rate limit.
  simulator = await startSimulator({
    seed: 11,
    scale: 'large',
    largeFactor: 0.004,
    now: NOW,
    rateLimit: { enabled: false },
  });
});

afterAll(async () => {
  for (const repository of opened) await repository.close();
  await simulator.close();
});

async function freshRepository(): Promise<SeikaRepository> {
  const repository = await openRepository({ kind: 'sqlite', path: ':memory:' });
  opened.push(repository);
  return repository;
}

function syncFlow(repository: SeikaRepository) {
  return syncSimulator(simulator, {
    repository,
    maxPageSize: 100,
    now: () => simulator.now().getTime(),
    streams: ['work.metadata', REVISIONS_STREAM],
  });
}

/** The revisions requests sent since `from` in the log: the project each was scoped to ('' for none). */
function revisionRequests(from: number) {
  return simulator.requestLog.slice(from).flatMap((request) => {
    if (!REVISIONS_PATH.test(request.path)) return [];
    const segments = request.path.split('/_apis/')[0]?.split('/') ?? [];
    // {organization}[/{project}]/_apis/...: a project-scoped request has one more segment.
    const project = segments.length > 2 ? decodeURIComponent(segments.at(-1) ?? '') : '';
    return [{ project, query: request.query }];
  });
}

/** An organization-wide read of the same organization, as a single-project organization is read. */
async function readOrganizationWide(): Promise<SeikaRepository> {
  const repository = await freshRepository();
  await syncSimulator(simulator, { repository, streams: ['work.metadata'] });
  await collectReportingRevisions({
    organization: simulator.organization,
    connection: createAdoConnection({
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    }),
    repository,
    logger: silentLogger,
  });
  return repository;
}

async function expectSameHistory(actual: SeikaRepository, expected: SeikaRepository) {
  const organization = simulator.organization;
  const counts = await actual.countRows(organization);
  const reference = await expected.countRows(organization);
  expect(counts.revisions).toBe(reference.revisions);
  expect(counts.workItems).toBe(reference.workItems);
  expect(counts.transitions).toBe(reference.transitions);
  for (const project of simulator.model.projects) {
    expect(await flowSnapshot(actual, organization, project.name)).toEqual(
      await flowSnapshot(expected, organization, project.name),
    );
  }
}

describe('first sync of several projects: revisions one project after another', () => {
  it('reads each project to its end, then catches up organization-wide from the start, then polls the watermark', async () => {
    const projects = simulator.model.projects;
    expect(projects.length).toBeGreaterThan(1);
    const repository = await freshRepository();
    const before = simulator.requestLog.length;
    await syncFlow(repository);
    const requests = revisionRequests(before);

    // Project after project: each project's requests come together, in one block.
    const order = requests.map((request) => request.project).filter((project) => project !== '');
    const blocks = order.filter((project, index) => index === 0 || order[index - 1] !== project);
    expect(new Set(blocks).size).toBe(blocks.length);
    expect([...blocks].sort()).toEqual(projects.map((project) => project.name).sort());
    // Then one organization-wide read from the backfill's start less the margin.
    const catchUp = requests.filter((request) => request.project === '');
    expect(requests.at(-catchUp.length)?.project).toBe('');
    expect(catchUp[0]?.query['startDateTime']).toBeDefined();
    expect(Date.parse(catchUp[0]?.query['startDateTime'] ?? '')).toBe(NOW.getTime() - CATCH_UP_MARGIN_MS);

    const organization = simulator.organization;
    for (const project of projects) {
      expect(await repository.getWatermark(organization, projectRevisionsKey(project.id))).toBeDefined();
    }
    expect(await repository.getWatermark(organization, BACKFILL_STARTED_KEY)).toBe(NOW.toISOString());
    expect(await repository.getWatermark(organization, REVISIONS_STREAM)).toBeDefined();
    await expectSameHistory(repository, await readOrganizationWide());

    // Later runs read the organization's revisions from the watermark: one request, nothing new.
    const again = simulator.requestLog.length;
    await syncFlow(repository);
    expect(revisionRequests(again)).toEqual([
      { project: '', query: expect.objectContaining({ continuationToken: expect.any(String) }) },
    ]);
  });

  it('catches what changed in a project already read while later projects were read', async () => {
    const store = simulator.model.workItems;
    /** An item of the project: the one its first revision belongs to. */
    const itemOf = (projectIndex: number) => {
      for (let index = 0; index < store.revisionCount; index += 1) {
        if (store.projects.get(index) === projectIndex) return store.ids.get(index);
      }
      throw new Error('the project has no work item');
    };
    const base = await freshRepository();
    // Once the first project has been read to its end, someone moves one of its items.
    let moved = false;
    const repository = new Proxy(base, {
      get(target, property, receiver) {
        if (property === 'setWatermark') {
          return async (organization: string, stream: string, value: string) => {
            await target.setWatermark(organization, stream, value);
            const project = simulator.model.projects.find(
              (candidate) => stream === projectRevisionsKey(candidate.id),
            );
            if (!moved && project !== undefined) {
              moved = true;
              simulator.moveToIteration(itemOf(project.index), `${project.name}\\Moved during the backfill`);
            }
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await syncFlow(repository);
    expect(moved).toBe(true);
    await expectSameHistory(base, await readOrganizationWide());
  });

  it('resumes an interrupted backfill with the projects not read yet, catching up from the first start', async () => {
    const base = await freshRepository();
    const organization = simulator.organization;
    // The second project's end cannot be recorded: the run fails there.
    let ended = 0;
    const failing = new Proxy(base, {
      get(target, property, receiver) {
        if (property === 'setWatermark') {
          return async (org: string, stream: string, value: string) => {
            if (stream.startsWith(`${REVISIONS_STREAM}@`) && ++ended === 2) throw new Error('disk full');
            await target.setWatermark(org, stream, value);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const firstRun = simulator.requestLog.length;
    await expect(syncFlow(failing)).rejects.toThrow();
    const readFirst = new Set(revisionRequests(firstRun).map((request) => request.project));
    const startedAt = await base.getWatermark(organization, BACKFILL_STARTED_KEY);
    expect(startedAt).toBeDefined();
    expect(await base.getWatermark(organization, REVISIONS_STREAM)).toBeUndefined();
    const done: string[] = [];
    for (const project of simulator.model.projects) {
      if ((await base.getWatermark(organization, projectRevisionsKey(project.id))) !== undefined)
        done.push(project.name);
    }
    expect(done.length).toBe(1);

    const secondRun = simulator.requestLog.length;
    await syncFlow(base);
    const readSecond = revisionRequests(secondRun);
    // The project completed in the first run is not read again; the one cut short and the rest are.
    expect(readFirst.has(done[0] ?? '')).toBe(true);
    expect(readSecond.some((request) => request.project === done[0])).toBe(false);
    const readAgain = new Set(readSecond.map((request) => request.project));
    for (const project of simulator.model.projects) {
      if (project.name !== done[0]) expect(readAgain.has(project.name)).toBe(true);
    }
    expect(await base.getWatermark(organization, BACKFILL_STARTED_KEY)).toBe(startedAt);
    const catchUp = readSecond.find((request) => request.project === '');
    expect(Date.parse(catchUp?.query['startDateTime'] ?? '')).toBe(
      Date.parse(startedAt ?? '') - CATCH_UP_MARGIN_MS,
    );
    await expectSameHistory(base, await readOrganizationWide());
  });
});
