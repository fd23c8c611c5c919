/**
 * A hand-made delivery data set, small enough to work every figure out by hand (deliveryApiExact.test.ts
 * writes them literally). Organization "contoso", time zone UTC, window 2026-05-04 … 2026-05-17.
 *
 * Project "Shop":
 * - Checkout (YAML pipeline 10 "checkout-ci", repository repo-checkout), production environment "production":
 *   D1 environment:101 build 1001 ✓ 05-05 10:00 · D2 environment:102 build 1002 ✗ 05-06 10:00 ·
 *   D3 environment:103 build 1002 attempt 2 ✓ 05-06 12:00 · D5 environment:104 build 1003 ✓ 05-12 10:00;
 *   environment:100 goes to "dev" (not production).
 * - Search (classic release definition 20 "Search Release", repository repo-search), stage "Prod":
 *   D4 classicRelease:201 release 501 build 2001 ✓ 05-07 09:00; classicRelease:200 goes to "QA".
 * - Changes: PR 1 (first commit 05-04 08:00, opened 10:00, merged 05-05 08:00, links story 7) in 1001;
 *   direct commit c2 (05-05 12:00) and PR 3 (05-05 20:00, opened 05-06 00:00, merged 06:00, links Bug 9)
 *   in 1002; PR 5 (05-11 10:00, opened 12:00, merged 05-12 08:00, links incident 50) in 1003;
 *   PR 4 (05-06 09:00, opened 10:00, merged 15:00) in 2001.
 * - Incidents (Bugs tagged "incident"): 50 created 05-06 14:00, closed 18:00 (→ D3 by time);
 *   51 created 05-08 10:00, closed 05-09 10:00 (→ D4 by time, 49 h after it); 52 created 05-13 00:00, open, tagged
 *   "deployment:environment:101" (→ D1 by link). Bug 9 is no incident.
 * - Teams Checkout, Search, Ops (Ops is never mapped); Checkout's sprints: Sprint 0 04-20…05-01,
 *   Sprint 1 05-04…05-08, Sprint 2 05-11…05-22, and one undated.
 * Project "Labs": deployments to "staging" and "qa" only. Project "Empty": a team, no deployment.
 */
import type { DeploymentRow } from '../../../service/src/storage/delivery/repository.ts';
import type { Storage } from '../../../service/src/app/openRepository.ts';
import { startSeededDeliveryApi, type DeliveryApi } from './server.ts';
import { at, page, LABS, SHOP, seedTeams, seedWorkItems } from './seedWork.ts';

export { EMPTY, LABS, SHOP, WINDOW } from './seedWork.ts';

const MAIN = 'refs/heads/main';

function checkout(
  id: number,
  environment: string,
  build: number,
  version: string,
  finished: string,
  attempt = 1,
) {
  const outcome = id === 102 ? 'failed' : 'succeeded';
  return {
    id: `environment:${id}`,
    source: 'environment',
    project: SHOP,
    pipelineId: 10,
    pipelineName: 'checkout-ci',
    environmentName: environment,
    stageName: environment === 'dev' ? 'DeployDev' : 'DeployProduction',
    buildId: build,
    releaseId: null,
    repository: 'repo-checkout',
    sourceBranch: MAIN,
    sourceVersion: version,
    attempt,
    queuedAt: at(finished) - 20 * 60_000,
    startedAt: at(finished) - 10 * 60_000,
    finishedAt: at(finished),
    outcome,
    rawResult: outcome,
  } satisfies DeploymentRow;
}

function search(id: number, stage: string, finished: string): DeploymentRow {
  return {
    id: `classicRelease:${id}`,
    source: 'classicRelease',
    project: SHOP,
    pipelineId: 20,
    pipelineName: 'Search Release',
    environmentName: stage,
    stageName: stage,
    buildId: 2001,
    releaseId: 501,
    repository: 'repo-search',
    sourceBranch: MAIN,
    sourceVersion: 'm4',
    attempt: 1,
    queuedAt: at(finished) - 20 * 60_000,
    startedAt: at(finished) - 10 * 60_000,
    finishedAt: at(finished),
    outcome: 'succeeded',
    rawResult: 'succeeded',
  };
}

function labs(id: number, environment: string, finished: string): DeploymentRow {
  return {
    ...checkout(id, environment, 3001, 'l1', finished),
    project: LABS,
    pipelineId: 30,
    pipelineName: 'labs-ci',
    repository: 'repo-labs',
  };
}

interface PullRequestSeed {
  repository: string;
  id: number;
  firstCommit: [sha: string, authored: string];
  created: string;
  merged: string;
  mergeCommit: string;
  workItems: number[];
}

const PULL_REQUESTS: readonly PullRequestSeed[] = [
  {
    repository: 'repo-checkout',
    id: 1,
    firstCommit: ['a1', '05-04T08:00'],
    created: '05-04T10:00',
    merged: '05-05T08:00',
    mergeCommit: 'm1',
    workItems: [7],
  },
  {
    repository: 'repo-checkout',
    id: 3,
    firstCommit: ['a3', '05-05T20:00'],
    created: '05-06T00:00',
    merged: '05-06T06:00',
    mergeCommit: 'm3',
    workItems: [9],
  },
  {
    repository: 'repo-checkout',
    id: 5,
    firstCommit: ['a5', '05-11T10:00'],
    created: '05-11T12:00',
    merged: '05-12T08:00',
    mergeCommit: 'm5',
    workItems: [50],
  },
  {
    repository: 'repo-search',
    id: 4,
    firstCommit: ['a4', '05-06T09:00'],
    created: '05-06T10:00',
    merged: '05-06T15:00',
    mergeCommit: 'm4',
    workItems: [],
  },
];

async function seedDelivery(storage: Storage, organization: string): Promise<void> {
  const { delivery } = storage;
  await delivery.applyDeploymentsPage(organization, page('test.deployments'), [
    checkout(100, 'dev', 1001, 'm1', '05-05T09:00'),
    checkout(101, 'production', 1001, 'm1', '05-05T10:00'),
    checkout(102, 'production', 1002, 'm3', '05-06T10:00'),
    checkout(103, 'production', 1002, 'm3', '05-06T12:00', 2),
    checkout(104, 'production', 1003, 'm5', '05-12T10:00'),
    search(200, 'QA', '05-07T08:00'),
    search(201, 'Prod', '05-07T09:00'),
    labs(300, 'qa', '05-06T09:00'),
    labs(301, 'staging', '05-06T10:00'),
  ]);
  await delivery.applyPullRequestsPage(
    organization,
    page('test.pullRequests'),
    PULL_REQUESTS.map((pr) => ({
      repository: pr.repository,
      pullRequestId: pr.id,
      project: SHOP,
      targetBranch: MAIN,
      createdAt: at(pr.created),
      mergedAt: at(pr.merged),
      mergeCommitSha: pr.mergeCommit,
      workItemIds: pr.workItems,
    })),
  );
  for (const pr of PULL_REQUESTS) {
    const [sha, authored] = pr.firstCommit;
    await delivery.applyPullRequestCommitsPage(
      organization,
      page('test.pullRequestCommits'),
      { repository: pr.repository, pullRequestId: pr.id },
      [{ sha, authoredAt: at(authored) }],
    );
  }
  const commit = (repository: string, sha: string, authored: string) => ({
    repository,
    sha,
    project: SHOP,
    branch: MAIN,
    authoredAt: at(authored),
    committedAt: at(authored),
    workItemIds: [],
  });
  // Merge commits are on main too; only c2 is a change of its own.
  await delivery.applyCommitsPage(organization, page('test.commits'), [
    commit('repo-checkout', 'm1', '05-05T08:00'),
    commit('repo-checkout', 'c2', '05-05T12:00'),
    commit('repo-checkout', 'm3', '05-06T06:00'),
    commit('repo-checkout', 'm5', '05-12T08:00'),
    commit('repo-search', 'm4', '05-06T15:00'),
  ]);
  const buildChanges: [number | null, number, string[]][] = [
    [null, 1001, ['m1', 'a1']],
    [1001, 1002, ['c2', 'a3', 'm3']],
    [1002, 1003, ['a5', 'm5']],
    [null, 2001, ['a4', 'm4']],
  ];
  for (const [fromBuildId, toBuildId, shas] of buildChanges) {
    await delivery.applyBuildChangesPage(
      organization,
      page('test.buildChanges'),
      { project: SHOP, fromBuildId, toBuildId, complete: true },
      shas,
    );
  }
}

export async function seedDeliveryDataSet(storage: Storage, organization: string): Promise<void> {
  await seedTeams(storage, organization);
  await seedWorkItems(storage, organization);
  await seedDelivery(storage, organization);
}

/** A successful production deployment of Checkout added later (for ETag invalidation). */
export async function addCheckoutDeployment(storage: Storage, organization: string): Promise<void> {
  await storage.delivery.applyDeploymentsPage(organization, page('test.deployments'), [
    checkout(105, 'production', 1003, 'm5', '05-14T10:00'),
  ]);
}

/** The mapping of the two mapped teams. */
export const TEAM_MAPPING = [
  { team: 'Checkout', buildDefinitionIds: [10], repositories: ['repo-checkout'] },
  { team: 'search', releaseDefinitionIds: [20], repositories: ['REPO-SEARCH'] },
];

/** The hand-made data set served, with Checkout and Search mapped. */
export async function startHandMadeDeliveryApi(): Promise<DeliveryApi> {
  const api = await startSeededDeliveryApi(seedDeliveryDataSet);
  const { status, body } = await api.putSettings(SHOP, { teams: TEAM_MAPPING });
  if (status !== 200) throw new Error(`Mapping the teams failed: ${JSON.stringify(body)}`);
  return api;
}
