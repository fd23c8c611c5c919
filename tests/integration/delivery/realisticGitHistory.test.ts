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
import { computeDeliveryMetrics } from '../../../service/src/metrics/delivery/index.ts';
import type { CommitModel, PullRequestModel } from '../../../service/src/simulator/delivery/model.ts';
import { startSimulator, type RunningSimulator } from '../../../service/src/simulator/index.ts';
import type { OrganizationModel } from '../../../service/src/simulator/model/organization.ts';
import { commitSha } from '../../../service/src/simulator/payloads/common.ts';
import { parentsOf } from '../../../service/src/simulator/payloads/git.ts';
import { deliveryInputFrom } from '../../../service/src/sync/normalise/delivery/input.ts';
import { syncOrganization } from '../../../service/src/sync/syncOrganization.ts';
import { openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

interface Sample {
  changeId: string;
  deploymentId: string;
  leadTimeMs: number;
  /** coding, review, waiting (pull requests) or coding to deployment (commits). */
  parts: number[];
}

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

/**
 * The hand computation. For each YAML pipeline, its successful production deployments in finish
 * order; each brings the commits newly reachable (by parents) from its build's commit. Its first
 * deployment is left out (there Azure DevOps answers with the build's own changes, not the whole
 * history). A newly reachable commit is either a pull request's merge commit (the pull request is a
 * change, measured from its first own commit, unless every one of its commits is another pull request's
 * merge commit: a promotion), or a direct commit (measured from its author time).
 */
function handComputed(model: OrganizationModel): Sample[] {
  const { delivery } = model;
  const pullRequestOf = (commit: CommitModel): PullRequestModel | undefined => {
    const pullRequest = delivery.pullRequests[commit.pullRequest - 1];
    const repository = delivery.repositories[commit.repository];
    if (pullRequest === undefined || repository === undefined || pullRequest.status !== 'completed') {
      return undefined;
    }
    const list = pullRequest.targetRefName === undefined ? repository.main : repository.branch;
    return list[pullRequest.mergeCommit] === commit ? pullRequest : undefined;
  };
  const mergeCommits = new Set(
    delivery.pullRequests.flatMap((pullRequest) => {
      const repository = delivery.repositories[pullRequest.repository];
      if (pullRequest.status !== 'completed' || repository === undefined) return [];
      const list = pullRequest.targetRefName === undefined ? repository.main : repository.branch;
      return list[pullRequest.mergeCommit] ?? [];
    }),
  );
  const samples: Sample[] = [];
  delivery.pipelines.forEach((pipeline, pipelineIndex) => {
    if (pipeline.releaseDefinition !== -1) return;
    const repository = delivery.repositories[pipeline.repository];
    if (repository === undefined) return;
    const deployments = delivery.deploymentRecords
      .filter(
        (record) =>
          record.pipeline === pipelineIndex &&
          /prod/i.test(delivery.environments[record.environment]?.name ?? '') &&
          (record.result === 'succeeded' || record.result === 'succeededWithIssues'),
      )
      .sort((a, b) => a.finishTime - b.finishTime || a.id - b.id);
    const reached = new Set<CommitModel>();
    deployments.forEach((record, position) => {
      const build = delivery.builds[record.build - 1];
      if (build === undefined || build.pullRequest !== 0) throw new Error('a production build not of main');
      const start = repository.main[build.sourceCommit];
      const brought: CommitModel[] = [];
      for (const pending = start === undefined ? [] : [start]; pending.length > 0;) {
        const commit = pending.pop();
        if (commit === undefined || reached.has(commit)) continue;
        reached.add(commit);
        brought.push(commit);
        pending.push(...parentsOf(model, commit));
      }
      if (position === 0) return;
      const deployedAt = record.finishTime;
      const deploymentId = `environment:${record.id}`;
      for (const commit of brought) {
        if (mergeCommits.has(commit)) {
          const pullRequest = pullRequestOf(commit);
          if (pullRequest === undefined) throw new Error('a merge commit without its pull request');
          const own = pullRequest.commits.flatMap((index) => repository.branch[index] ?? []);
          if (own.every((c) => mergeCommits.has(c))) continue;
          const first = Math.min(...own.map((c) => c.authorTime));
          samples.push({
            changeId: `pr:${repository.id}:${pullRequest.id}`,
            deploymentId,
            leadTimeMs: deployedAt - first,
            parts: [
              pullRequest.creationDate - first,
              pullRequest.closedDate - pullRequest.creationDate,
              deployedAt - pullRequest.closedDate,
            ],
          });
        } else {
          samples.push({
            changeId: `commit:${repository.id}:${commitSha(model, commit)}`,
            deploymentId,
            leadTimeMs: deployedAt - commit.authorTime,
            parts: [deployedAt - commit.authorTime],
          });
        }
      }
    });
  });
  return samples;
}

/** What Seika answers from the synced records, for the same deployments. */
async function measured(model: OrganizationModel): Promise<Sample[]> {
  const records = await store.storage.delivery.readDeliveryRecords(simulator.organization);
  const report = computeDeliveryMetrics(deliveryInputFrom(records, { timeZone: 'UTC' }), {
    from: '2025-01-01',
    to: NOW.toISOString().slice(0, 10),
    drillDown: false,
  });
  const result = report.window.leadTimeForChanges;
  if (result.status !== 'ok') throw new Error(`no lead time: ${result.status}`);
  const firstOfPipeline = new Set<string>();
  const yamlPipelines = new Set(
    model.delivery.pipelines.filter((p) => p.releaseDefinition === -1).map((p) => p.id),
  );
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const sample of result.samples) {
    if (!sample.deploymentId.startsWith('environment:')) continue;
    const pipelineId = Number(sample.pipelineKey.split('/').at(-1));
    if (!yamlPipelines.has(pipelineId)) continue;
    if (!seen.has(sample.pipelineKey)) {
      seen.add(sample.pipelineKey);
      firstOfPipeline.add(sample.deploymentId);
    }
    if (firstOfPipeline.has(sample.deploymentId)) continue;
    samples.push({
      changeId: sample.changeId,
      deploymentId: sample.deploymentId,
      leadTimeMs: sample.leadTimeMs,
      parts:
        sample.kind === 'pullRequest'
          ? [sample.codingMs, sample.reviewMs, sample.waitingForDeploymentMs]
          : [sample.codingToDeploymentMs],
    });
  }
  return samples;
}

const byKey = (a: Sample, b: Sample) =>
  a.deploymentId.localeCompare(b.deploymentId) || a.changeId.localeCompare(b.changeId);

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
    const actual = (await measured(simulator.model)).sort(byKey);
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
