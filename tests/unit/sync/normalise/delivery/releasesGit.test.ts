import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type {
  ClassicDeploymentStatus,
  DeploymentOutcome,
} from '../../../../../service/src/domain/delivery.ts';
import {
  commitsResponseSchema,
  pullRequestCommitsResponseSchema,
  pullRequestsResponseSchema,
  toCommitRows,
  toPullRequestCommits,
  toPullRequestRow,
} from '../../../../../service/src/sync/normalise/delivery/git.ts';
import { parsePage, wrappedPage } from '../../../../../service/src/sync/normalise/delivery/parse.ts';
import {
  classicDeploymentsResponseSchema,
  classicOutcome,
  primaryBuildArtifact,
  toClassicDeployment,
} from '../../../../../service/src/sync/normalise/delivery/releases.ts';
import { ADO_EXAMPLES_URL } from '../../../../fixtures/adoExamples.ts';

const EXAMPLES = ADO_EXAMPLES_URL;

function exampleBody(file: string): unknown {
  const example: { responses: { '200': { body: unknown } } } = JSON.parse(
    readFileSync(new URL(file, EXAMPLES), 'utf8'),
  );
  return example.responses['200'].body;
}

describe('classic release deployments', () => {
  it.each<[ClassicDeploymentStatus, string | undefined, DeploymentOutcome]>([
    ['succeeded', 'Approved', 'succeeded'],
    ['succeeded', 'PhaseSucceeded', 'succeeded'],
    ['partiallySucceeded', 'PhasePartiallySucceeded', 'succeededWithIssues'],
    ['failed', 'PhaseFailed', 'failed'],
    ['inProgress', 'PhaseInProgress', 'inProgress'],
    ['undefined', undefined, 'unknown'],
    ['all', 'All', 'unknown'],
    // The official example: notDeployed after a failed phase.
    ['notDeployed', 'PhaseFailed', 'failed'],
    ['notDeployed', 'GateFailed', 'failed'],
    ['notDeployed', undefined, 'failed'],
    ['notDeployed', 'Rejected', 'notRun'],
    ['notDeployed', 'canceled', 'canceled'],
    ['notDeployed', 'PhaseCanceled', 'canceled'],
    ['notDeployed', 'Pending', 'inProgress'],
    ['notDeployed', 'EvaluatingGates', 'inProgress'],
    ['notDeployed', 'ManualInterventionPending', 'inProgress'],
    ['notDeployed', 'SomethingNew', 'failed'],
  ])('%s after %s → %s', (status, operation, expected) => {
    expect(classicOutcome(status, operation)).toBe(expected);
  });

  const official = classicDeploymentsResponseSchema.parse(exampleBody('release__GET__ListDeployments.json'));

  it('reads every deployment of the official example payload', () => {
    expect(official.value).toHaveLength(17);
    const rows = official.value.map((deployment) => toClassicDeployment('MyFirstProject', deployment));
    expect(rows.filter((row) => row.outcome === 'succeeded')).toHaveLength(16);
    expect(rows.every((row) => row.queuedAt === null)).toBe(true);
    expect(new Set(rows.map((row) => row.environmentName))).toEqual(new Set(['PROD', 'PPE', 'QA', 'Dev']));
  });

  it.each([
    [
      79,
      {
        id: 'classicRelease:79',
        pipelineId: 38,
        pipelineName: 'Fabrikam-web',
        environmentName: 'PROD',
        stageName: 'PROD',
        releaseId: 55,
        buildId: null,
        outcome: 'failed',
        rawResult: 'notDeployed',
        attempt: 1,
        queuedAt: null,
        startedAt: Date.parse('2017-08-29T16:51:32.09Z'),
        // No completedOn in this payload: the last modification ends it.
        finishedAt: Date.parse('2017-08-29T16:51:40.133Z'),
      },
    ],
    [
      64,
      {
        project: 'MyFirstProject',
        pipelineId: 1,
        pipelineName: 'MyShuttle.CD',
        environmentName: 'PROD',
        buildId: 2,
        releaseId: 20,
        sourceBranch: 'refs/heads/master',
        sourceVersion: null,
        repository: null,
        outcome: 'succeeded',
        finishedAt: Date.parse('2017-06-16T01:56:43.06Z'),
      },
    ],
    [56, { buildId: null, releaseId: 11, environmentName: 'PROD' }],
  ])('official deployment %i', (id, expected) => {
    const deployment = official.value.find((candidate) => candidate.id === id);
    expect(deployment && toClassicDeployment('MyFirstProject', deployment)).toMatchObject(expected);
  });

  it('takes the build, commit, branch and repository from the primary Build artifact', () => {
    const [deployment] = classicDeploymentsResponseSchema.parse({
      value: [
        {
          id: 9,
          attempt: 2,
          deploymentStatus: 'succeeded',
          operationStatus: 'PhaseSucceeded',
          queuedOn: '2026-04-17T00:36:49.501Z',
          startedOn: '2026-04-17T00:37:10Z',
          completedOn: '2026-04-17T00:41:00Z',
          lastModifiedOn: '2026-04-17T00:41:00Z',
          release: {
            id: 4,
            artifacts: [
              { type: 'Git', alias: 'scripts', definitionReference: {} },
              {
                type: 'Build',
                isPrimary: true,
                definitionReference: {
                  version: { id: '342', name: '20260417.1' },
                  branch: { id: 'refs/heads/main' },
                  sourceVersion: { id: 'ABC123' },
                  repository: { id: 'REPO-1' },
                },
              },
            ],
          },
          releaseDefinition: { id: 1, name: 'Platform Release' },
          releaseEnvironment: { id: 12, name: 'Production' },
          projectReference: { id: 'x', name: 'Seika Demo' },
        },
      ],
    }).value;
    expect(deployment && toClassicDeployment('Other', deployment)).toMatchObject({
      project: 'Seika Demo',
      buildId: 342,
      sourceVersion: 'abc123',
      sourceBranch: 'refs/heads/main',
      repository: 'repo-1',
      attempt: 2,
      queuedAt: Date.parse('2026-04-17T00:36:49.501Z'),
      finishedAt: Date.parse('2026-04-17T00:41:00Z'),
    });
  });

  it.each([
    ['no artifacts', [], undefined],
    ['only a Git artifact', [{ type: 'Git' }], undefined],
    ['one Build artifact, not marked primary', [{ type: 'Build', alias: 'a' }], 'a'],
    [
      'two Build artifacts, none primary: ambiguous',
      [
        { type: 'Build', alias: 'a' },
        { type: 'Build', alias: 'b' },
      ],
      undefined,
    ],
    [
      'the primary one of two',
      [
        { type: 'Build', alias: 'a' },
        { type: 'Build', alias: 'b', isPrimary: true },
      ],
      'b',
    ],
  ])('primary build artifact: %s', (_case, artifacts, alias) => {
    const found = primaryBuildArtifact(artifacts);
    expect(found === undefined ? undefined : Reflect.get(found, 'alias')).toBe(alias);
  });

  it('a running deployment has no finish time', () => {
    const [deployment] = official.value;
    expect(
      deployment &&
        toClassicDeployment('P', {
          ...deployment,
          deploymentStatus: 'inProgress',
          operationStatus: 'PhaseInProgress',
        }),
    ).toMatchObject({ outcome: 'inProgress', finishedAt: null });
  });
});

describe('git', () => {
  it('reads the official completed pull request example', () => {
    const page = pullRequestsResponseSchema.parse(
      exampleBody('git__GET__git_repositories__repositoryId__pullRequests_status-completed.json'),
    );
    expect(page.value.map(toPullRequestRow)).toEqual([
      {
        repository: '3411ebc1-d5aa-464f-9615-0b527bc66719',
        pullRequestId: 20,
        project: '2016_10_31',
        targetBranch: 'refs/heads/new_feature',
        createdAt: Date.parse('2016-11-01T16:28:08.8900118Z'),
        mergedAt: Date.parse('2016-11-01T16:30:02.0413914Z'),
        mergeCommitSha: '1e924c570d532d92c12e955b9f8948935f54944e',
        workItemIds: null,
      },
    ]);
  });

  it('refuses the official list of active pull requests as a page of completed ones, naming the field', () => {
    const body = { context: { project: 'P' }, response: exampleBody('git__GET__git_pullRequests.json') };
    expect(() =>
      parsePage(
        'git.pullRequests',
        wrappedPage(z.object({ project: z.string() }), pullRequestsResponseSchema),
        body,
      ),
    ).toThrow(/field response\.value\.0\.status: .*\(item with pullRequestId \d+\)/);
  });

  it('keeps the work items of a single pull request, once each', () => {
    const [pullRequest] = pullRequestsResponseSchema.parse(
      exampleBody('git__GET__git_repositories__repositoryId__pullRequests_status-completed.json'),
    ).value;
    expect(
      pullRequest &&
        toPullRequestRow({ ...pullRequest, workItemRefs: [{ id: 25 }, { id: 25 }, { id: 7 }] }).workItemIds,
    ).toEqual([25, 7]);
  });

  it('reads the official commits example as direct-commit candidates', () => {
    const rows = toCommitRows(
      { project: 'SomeGitProject', repository: 'REPO', branch: 'refs/heads/master' },
      commitsResponseSchema.parse(exampleBody('git__GET__git_repositories__repositoryId__commits.json')),
    );
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual({
      repository: 'repo',
      sha: '9991b4f66def4c0a9ad8f9f27043ece7eddcf1c7',
      project: 'SomeGitProject',
      branch: 'refs/heads/master',
      authoredAt: Date.parse('2018-06-15T17:06:53Z'),
      committedAt: Date.parse('2018-06-15T17:06:53Z'),
      workItemIds: [],
    });
  });

  it('reads work item links of commits and pull request commits', () => {
    const commits = commitsResponseSchema.parse({
      value: [
        {
          commitId: 'AA',
          author: { date: '2026-05-01T00:00:00Z' },
          committer: { date: '2026-05-02T00:00:00Z' },
          workItems: [{ id: '25', url: 'x' }],
        },
      ],
    });
    expect(
      toCommitRows({ project: 'P', repository: 'r', branch: 'refs/heads/main' }, commits)[0]?.workItemIds,
    ).toEqual([25]);
    const prCommits = pullRequestCommitsResponseSchema.parse({
      value: [
        { commitId: 'BB', author: { date: '2026-05-01T00:00:00Z' } },
        { commitId: 'bb', author: { date: '2026-05-01T00:00:00Z' } },
      ],
    });
    expect(toPullRequestCommits(prCommits)).toEqual([{ sha: 'bb', authoredAt: Date.UTC(2026, 4, 1) }]);
  });
});
