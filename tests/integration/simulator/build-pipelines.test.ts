import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BuildQueryOrder,
  BuildReason,
  BuildResult,
  BuildStatus,
  TaskResult,
  TimelineRecordState,
} from 'azure-devops-node-api/interfaces/BuildInterfaces.js';
import { RunResult, RunState } from 'azure-devops-node-api/interfaces/PipelinesInterfaces.js';
import type { Connected } from './support.ts';
import { connect, project } from './support.ts';

interface RawBuild {
  id: number;
  status: string;
  result?: string;
  reason: string;
  queueTime: string;
  finishTime?: string;
  sourceBranch: string;
  sourceVersion: string;
  definition: { id: number };
}

describe('builds and pipelines served to azure-devops-node-api (BuildApi, PipelinesApi)', () => {
  let c: Connected;
  beforeAll(async () => {
    c = await connect();
  });
  afterAll(async () => {
    await c.sim.close();
  });

  async function allBuilds(query: string): Promise<{ builds: RawBuild[]; pages: number }> {
    const builds: RawBuild[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const response = await c.get(
        `${project}/_apis/build/builds?${query}${token === null ? '' : `&continuationToken=${encodeURIComponent(token)}`}&api-version=7.1`,
      );
      expect(response.status).toBe(200);
      const body = response.body as { count: number; value: RawBuild[] };
      expect(body.count).toBe(body.value.length);
      builds.push(...body.value);
      token = response.headers.get('x-ms-continuationtoken');
      pages += 1;
    } while (token !== null && pages < 100);
    return { builds, pages };
  }

  it('drops the continuation header in BuildApi.getBuilds while the raw response carries it', async () => {
    const build = await c.api.getBuildApi();
    const page = await build.getBuilds(
      c.sim.project,
      [1],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      20,
    );
    expect(Array.isArray(page)).toBe(true);
    expect(page).toHaveLength(20);
    expect((page as { continuationToken?: string }).continuationToken).toBeUndefined();
    const raw = await c.get(`${project}/_apis/build/builds?definitions=1&$top=20&api-version=7.1`);
    expect(raw.headers.get('x-ms-continuationtoken')).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/,
    );
    expect((raw.body as { value: RawBuild[] }).value.map((item) => item.id)).toEqual(
      page.map((item) => item.id),
    );
  });

  it('pages every build exactly once by following the header, newest queue time first by default', async () => {
    const { builds, pages } = await allBuilds('$top=150');
    expect(pages).toBeGreaterThan(5);
    const ids = builds.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = builds.map((item) => Date.parse(item.queueTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const whole = await c.get(`${project}/_apis/build/builds?$top=5000&api-version=7.1`);
    expect((whole.body as { count: number }).count).toBe(builds.length);
    expect(whole.headers.get('x-ms-continuationtoken')).toBeNull();
    const unbounded = await c.get(`${project}/_apis/build/builds?api-version=7.1`);
    expect((unbounded.body as { count: number }).count).toBe(Math.min(1000, builds.length));
  });

  it('filters by status, result, reason, branch and by minTime/maxTime on the queryOrder time', async () => {
    const build = await c.api.getBuildApi();
    const minTime = new Date('2026-05-01T00:00:00Z');
    const maxTime = new Date('2026-05-15T00:00:00Z');
    const failed = await build.getBuilds(
      c.sim.project,
      undefined,
      undefined,
      undefined,
      minTime,
      maxTime,
      undefined,
      BuildReason.IndividualCI,
      BuildStatus.Completed,
      BuildResult.Failed,
      undefined,
      undefined,
      1000,
      undefined,
      undefined,
      undefined,
      BuildQueryOrder.FinishTimeAscending,
      'refs/heads/main',
    );
    expect(failed.length).toBeGreaterThan(0);
    const finishes = failed.map((item) => item.finishTime?.getTime() ?? 0);
    expect(finishes).toEqual([...finishes].sort((a, b) => a - b));
    for (const item of failed) {
      expect(item.status).toBe(BuildStatus.Completed);
      expect(item.result).toBe(BuildResult.Failed);
      expect(item.reason).toBe(BuildReason.IndividualCI);
      expect(item.sourceBranch).toBe('refs/heads/main');
      expect(item.finishTime?.getTime()).toBeGreaterThanOrEqual(minTime.getTime());
      expect(item.finishTime?.getTime()).toBeLessThanOrEqual(maxTime.getTime());
    }
    const pullRequests = await build.getBuilds(
      c.sim.project,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      BuildReason.PullRequest,
      undefined,
      undefined,
      undefined,
      undefined,
      50,
    );
    expect(
      pullRequests.every(
        (item) =>
          item.sourceBranch?.startsWith('refs/pull/') && item.triggerInfo?.['pr.number'] !== undefined,
      ),
    ).toBe(true);
    const named = await c.get(
      `${project}/_apis/build/builds?statusFilter=inProgress,notStarted&reasonFilter=schedule,individualCI&api-version=7.1`,
    );
    for (const item of (named.body as { value: RawBuild[] }).value) {
      expect(['inProgress', 'notStarted']).toContain(item.status);
      expect(['schedule', 'individualCI']).toContain(item.reason);
    }
  });

  it('gives each main build the commits since the previous one, and changes between two builds', async () => {
    const build = await c.api.getBuildApi();
    const main = (
      await build.getBuilds(
        c.sim.project,
        [1],
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        1000,
        undefined,
        undefined,
        undefined,
        BuildQueryOrder.QueueTimeAscending,
        'refs/heads/main',
      )
    ).slice(0, 60);
    const seen = new Set<string>();
    for (const item of main) {
      const changes = await build.getBuildChanges(c.sim.project, item.id ?? 0);
      // The newest change of a main-line build is the commit it built.
      if (changes.length > 0) expect(changes[0]?.id).toBe(item.sourceVersion);
      for (const change of changes) {
        expect(seen.has(change.id ?? '')).toBe(false);
        seen.add(change.id ?? '');
        expect(change.type).toBe('TfsGit');
        expect(change.message).toMatch(/^(Merged PR \d+: |.)/);
      }
    }
    const first = main[0];
    const last = main.at(-1);
    const between = await build.getChangesBetweenBuilds(c.sim.project, first?.id ?? 0, last?.id ?? 0, 200);
    const perBuild = (
      await Promise.all(
        main.slice(1).map((item) => build.getBuildChanges(c.sim.project, item.id ?? 0, undefined, 200)),
      )
    ).flat();
    expect(new Set(between.map((change) => change.id))).toEqual(new Set(perBuild.map((change) => change.id)));
    const refs = await Promise.all(
      main.map((item) => build.getBuildWorkItemsRefs(c.sim.project, item.id ?? 0)),
    );
    expect(refs.flat().length).toBeGreaterThan(0);
    for (const ref of refs.flat()) expect(ref.url).toMatch(/\/_apis\/wit\/workItems\/\d+$/);
  });

  it('serves the timeline as Stage, Phase, Job and Task records in one answer', async () => {
    const build = await c.api.getBuildApi();
    const completed = await build.getBuilds(
      c.sim.project,
      [1],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      BuildReason.IndividualCI,
      BuildStatus.Completed,
      BuildResult.Succeeded,
      undefined,
      undefined,
      20,
    );
    const deployed = completed[0];
    const timeline = await build.getBuildTimeline(c.sim.project, deployed?.id ?? 0);
    const records = timeline.records ?? [];
    const stages = records.filter((record) => record.type === 'Stage');
    expect(stages.map((stage) => stage.identifier)).toEqual([
      'Build',
      'DeployDev',
      'DeployStaging',
      'DeployProduction',
    ]);
    for (const record of records) {
      if (record.type === 'Stage') expect(record.parentId).toBeNull();
      else expect(records.some((parent) => parent.id === record.parentId)).toBe(true);
    }
    expect(records.filter((record) => record.type === 'Task').length).toBeGreaterThan(6);
    expect(stages.every((stage) => stage.state === TimelineRecordState.Completed)).toBe(true);
    const pullRequest = await build.getBuilds(
      c.sim.project,
      [1],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      BuildReason.PullRequest,
      BuildStatus.Completed,
      BuildResult.Succeeded,
      undefined,
      undefined,
      1,
    );
    const skipped = (await build.getBuildTimeline(c.sim.project, pullRequest[0]?.id ?? 0)).records?.filter(
      (record) => record.type === 'Stage' && record.result === TaskResult.Skipped,
    );
    expect(skipped?.map((stage) => stage.identifier)).toEqual([
      'DeployDev',
      'DeployStaging',
      'DeployProduction',
    ]);
  });

  it('lists pipelines and their runs (top 10,000, no paging); a run id is the build id', async () => {
    const pipelines = await c.api.getPipelinesApi();
    const list = await pipelines.listPipelines(c.sim.project);
    expect(list.map((pipeline) => pipeline.name)).toEqual(['seika-web', 'seika-platform-ci']);
    const runs = await pipelines.listRuns(c.sim.project, 1);
    const builds = (await c.get(`${project}/_apis/build/builds?definitions=1&$top=5000&api-version=7.1`))
      .body as { value: RawBuild[] };
    expect(runs.map((run) => run.id)).toEqual(builds.value.map((item) => item.id).sort((a, b) => b - a));
    const completed = runs.find(
      (run) => run.state === RunState.Completed && run.result === RunResult.Succeeded,
    );
    const one = await pipelines.getRun(c.sim.project, 1, completed?.id ?? 0);
    const match = builds.value.find((item) => item.id === completed?.id);
    expect(one.resources?.repositories?.self?.version).toBe(match?.sourceVersion);
    expect(one.finishedDate?.toISOString()).toBe(new Date(match?.finishTime ?? '').toISOString());
    const raw = await c.get(`${project}/_apis/pipelines/1/runs?api-version=7.1`);
    expect(raw.headers.get('x-ms-continuationtoken')).toBeNull();
  });
});
