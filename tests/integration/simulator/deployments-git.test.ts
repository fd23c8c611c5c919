import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskResult } from 'azure-devops-node-api/interfaces/TaskAgentInterfaces.js';
import { DeploymentStatus, ReleaseQueryOrder } from 'azure-devops-node-api/interfaces/ReleaseInterfaces.js';
import {
  PullRequestStatus,
  PullRequestTimeRangeType,
} from 'azure-devops-node-api/interfaces/GitInterfaces.js';
import type { Connected } from './support.ts';
import { connect, project } from './support.ts';

interface RawRecord {
  id: number;
  environmentId: number;
  stageName: string;
  stageAttempt: number;
  result?: string;
  owner: { id: number };
  definition: { id: number };
  finishTime?: string;
}

describe('environments, releases and Git served to azure-devops-node-api (TaskAgentApi, ReleaseApi, GitApi)', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => {
    await c.sim.close();
  });

  it('lists environments and pages deployment records (top 25 by default) by the header the library drops', async () => {
    const taskAgent = await c.api.getTaskAgentApi();
    const environments = await taskAgent.getEnvironments(c.sim.project);
    expect(environments.map((environment) => environment.name)).toEqual(['dev', 'staging', 'production']);
    const production = environments.find((environment) => environment.name === 'production');
    const first = await taskAgent.getEnvironmentDeploymentExecutionRecords(
      c.sim.project,
      production?.id ?? 0,
    );
    expect(first).toHaveLength(25);
    expect((first as { continuationToken?: string }).continuationToken).toBeUndefined();
    const records: RawRecord[] = [];
    let token: string | null = null;
    do {
      const response = await c.get(
        `${project}/_apis/distributedtask/environments/${production?.id ?? 0}/environmentdeploymentrecords?top=40${token === null ? '' : `&continuationToken=${token}`}&api-version=7.1`,
      );
      records.push(...(response.body as { value: RawRecord[] }).value);
      token = response.headers.get('x-ms-continuationtoken');
    } while (token !== null);
    expect(records.slice(0, 25).map((record) => record.id)).toEqual(first.map((record) => record.id));
    const ids = records.map((record) => record.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(
      records.every(
        (record) => record.stageName === 'DeployProduction' && record.environmentId === production?.id,
      ),
    ).toBe(true);
    expect(records.some((record) => record.stageAttempt === 2)).toBe(true);
    expect(records.some((record) => record.result === 'failed')).toBe(true);
    const build = await c.api.getBuildApi();
    const owner = await build.getBuild(c.sim.project, first[0]?.owner?.id ?? 0);
    expect(owner.definition?.id).toBe(first[0]?.definition?.id);
    const timeline = await build.getBuildTimeline(c.sim.project, owner.id ?? 0);
    const stage = timeline.records?.find((record) => record.identifier === 'DeployProduction');
    expect(stage?.finishTime?.getTime()).toBe(first[0]?.finishTime?.getTime());
    expect(first[0]?.result === TaskResult.Succeeded).toBe(stage?.result === 0);
  });

  it('serves classic release deployments on the vsrm host with ReleaseApi, filtered and paged by an integer header', async () => {
    const release = await c.api.getReleaseApi();
    const minStarted = new Date('2026-03-01T00:00:00Z');
    const succeeded = await release.getDeployments(
      c.sim.project,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      DeploymentStatus.Succeeded,
      undefined,
      undefined,
      ReleaseQueryOrder.Ascending,
      100,
      undefined,
      undefined,
      minStarted,
    );
    expect(succeeded.length).toBeGreaterThan(10);
    expect(
      succeeded.every(
        (deployment) =>
          deployment.deploymentStatus === DeploymentStatus.Succeeded &&
          (deployment.startedOn?.getTime() ?? 0) >= minStarted.getTime(),
      ),
    ).toBe(true);
    const ids = succeeded.map((deployment) => deployment.id ?? 0);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(succeeded.some((deployment) => deployment.releaseEnvironment?.name === 'Production')).toBe(true);
    const releaseUrl = c.sim.organizationUrl.replace(/\/seika-demo$/, '/vsrm/seika-demo');
    const page = await c.get(`${releaseUrl}/${project}/_apis/release/deployments?api-version=7.1`);
    expect((page.body as { count: number }).count).toBe(50);
    expect(page.headers.get('x-ms-continuationtoken')).toMatch(/^\d+$/);
    const capped = await c.get(`${releaseUrl}/${project}/_apis/release/deployments?$top=500&api-version=7.1`);
    expect((capped.body as { count: number }).count).toBe(100);
    const next = await c.get(
      `${releaseUrl}/${project}/_apis/release/deployments?continuationToken=${page.headers.get('x-ms-continuationtoken') ?? ''}&api-version=7.1`,
    );
    const firstIds = (page.body as { value: { id: number }[] }).value.map((deployment) => deployment.id);
    const nextIds = (next.body as { value: { id: number }[] }).value.map((deployment) => deployment.id);
    expect(Math.min(...firstIds)).toBeGreaterThan(Math.max(...nextIds));
    const onMainHost = await c.get(`${project}/_apis/release/deployments?api-version=7.1`);
    expect(onMainHost.status).toBe(404);
  });

  it('lists repositories, pull requests (created or closed time range, $top/$skip) and their commits', async () => {
    const git = await c.api.getGitApi();
    const repositories = await git.getRepositories(c.sim.project);
    expect(repositories.map((repository) => repository.name)).toEqual(['seika-web', 'seika-platform']);
    const minTime = new Date('2026-05-01T00:00:00Z');
    const closed = await git.getPullRequestsByProject(
      c.sim.project,
      { status: PullRequestStatus.Completed, queryTimeRangeType: PullRequestTimeRangeType.Closed, minTime },
      undefined,
      0,
      1000,
    );
    expect(closed.length).toBeGreaterThan(20);
    for (const pullRequest of closed) {
      expect(pullRequest.status).toBe(PullRequestStatus.Completed);
      expect(pullRequest.closedDate?.getTime()).toBeGreaterThanOrEqual(minTime.getTime());
      expect(pullRequest.lastMergeCommit?.commitId).toMatch(/^[0-9a-f]{40}$/);
    }
    const defaults = await git.getPullRequestsByProject(c.sim.project, { status: PullRequestStatus.All });
    expect(defaults).toHaveLength(101);
    const second = await git.getPullRequestsByProject(
      c.sim.project,
      { status: PullRequestStatus.All },
      undefined,
      101,
      101,
    );
    expect(new Set([...defaults, ...second].map((pullRequest) => pullRequest.pullRequestId)).size).toBe(202);
    const active = await git.getPullRequestsByProject(c.sim.project, {});
    expect(active.every((pullRequest) => pullRequest.status === PullRequestStatus.Active)).toBe(true);
    const merged = closed[0];
    const commits = await git.getPullRequestCommits(
      merged?.repository?.id ?? '',
      merged?.pullRequestId ?? 0,
      c.sim.project,
    );
    expect(commits.length).toBeGreaterThan(0);
    const authored = commits.map((commit) => commit.author?.date?.getTime() ?? 0);
    expect(Math.min(...authored)).toBeLessThanOrEqual(merged?.creationDate?.getTime() ?? 0);
    const main = await git.getCommits(
      merged?.repository?.id ?? '',
      { includeWorkItems: true },
      c.sim.project,
      0,
      200,
    );
    const squash = main.find((commit) => commit.commitId === merged?.lastMergeCommit?.commitId);
    expect(squash?.comment).toMatch(new RegExp(`^Merged PR ${merged?.pullRequestId ?? 0}: `));
    const detailed = await git.getPullRequestById(merged?.pullRequestId ?? 0, c.sim.project);
    expect(squash?.workItems?.map((ref) => ref.id)).toEqual(detailed.workItemRefs?.map((ref) => ref.id));
  });
});
