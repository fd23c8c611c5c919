/**
 * The simulator's realistic git history (merge commits, feature and release branches with their own
 * pull requests, `git pull` merges of commits made days before they were pushed, rebased commits, ties
 * in commit time), synced and measured: every lead time sample of the YAML pipeline's production
 * deployments equals a hand computation from the simulator's model, where which deployment first
 * contains a commit is read from the model's parents, never from commit times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdoConnection } from '../../../service/src/ado/clients.ts';
import { silentLogger } from '../../../service/src/logger.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';
import { byKey, handComputed, measured } from './leadTimeByAncestry.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

let simulator: RunningSimulator;
let directory: ReturnType<typeof temporaryDirectory>;
let store: TestRepository;
let beforeSync = 0;

beforeAll(async () => {
  directory = temporaryDirectory('realistic-git-history');
  simulator = await startSimulator({ seed: 29, scale: 'tiny', now: NOW, gitHistory: 'realistic' });
  store = await openTestRepository('sqlite', directory.path, 'realistic');
  beforeSync = simulator.requestLog.length;
  await syncOrganization({
    repository: store.repository,
    delivery: store.storage.delivery,
    createConnection: createAdoConnection,
    logger: silentLogger,
    maxPageSize: 100,
    streams: 'all',
    target: {
      organization: simulator.organization,
      organizationUrl: simulator.organizationUrl,
      personalAccessToken: simulator.pat,
    },
  });
}, 120_000);

afterAll(async () => {
  await store.dispose();
  await simulator.close();
  directory.remove();
});

describe('lead time for changes on a realistic git history', () => {
  it('the simulator made the histories the issue names', () => {
    const { delivery } = simulator.model;
    const main = delivery.repositories.flatMap((repository) => repository.main);
    expect(main.filter((commit) => (commit.parents?.length ?? 1) > 1).length).toBeGreaterThan(3);
    const targets = new Set(delivery.pullRequests.map((p) => p.targetRefName?.split('/')[2] ?? 'main'));
    expect([...targets].sort()).toEqual(['feature', 'main', 'release']);
    expect(main.some((commit) => commit.commitTime - commit.authorTime > DAY)).toBe(true);
    const late = delivery.repositories.some((repository) =>
      repository.main.some(
        (commit, i) => i > 0 && commit.commitTime < (repository.main[i - 1]?.commitTime ?? 0) - DAY,
      ),
    );
    expect(late).toBe(true);
    const ties = main.some((commit, i) => i > 0 && commit.commitTime === main[i - 1]?.commitTime);
    expect(ties).toBe(true);
  });

  it('every sample equals the hand computation from the model (ancestry, not commit time)', async () => {
    const expected = handComputed(simulator.model).sort(byKey);
    const actual = (
      await measured(simulator.model, store.storage.delivery, simulator.organization, NOW)
    ).sort(byKey);
    expect(expected.length).toBeGreaterThan(20);
    expect(actual).toEqual(expected);
    // Pull requests into feature and release branches are measured with their own review time …
    const intoOtherBranches = new Set(
      simulator.model.delivery.pullRequests
        .filter((p) => p.targetRefName !== undefined)
        .map((p) => `pr:${simulator.model.delivery.repositories[p.repository]?.id ?? ''}:${p.id}`),
    );
    expect(actual.filter((sample) => intoOtherBranches.has(sample.changeId)).length).toBeGreaterThan(2);
    // … and the feature → main pull requests that only promoted them are no changes of their own.
    const promotions = simulator.model.delivery.pullRequests.filter(
      (p) => p.mergeStrategy === 'noFastForward',
    );
    expect(promotions.length).toBeGreaterThan(0);
    for (const promotion of promotions) {
      expect(actual.some((sample) => sample.changeId.endsWith(`:${promotion.id}`))).toBe(false);
    }
  });

  it('derives the linear stretches and asks Azure DevOps across merges', async () => {
    const pages = await store.repository.listRawPages(simulator.organization, 'build.changes');
    const derived = pages.filter((page) => page.requestUrl.includes(' derived:git.commits?')).length;
    const asked = simulator.requestLog
      .slice(beforeSync)
      .filter((entry) => entry.path.endsWith('/_apis/build/changes')).length;
    expect(derived).toBeGreaterThan(0);
    expect(asked).toBeGreaterThan(0);
  });
});
