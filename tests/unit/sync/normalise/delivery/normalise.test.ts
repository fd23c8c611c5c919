import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  buildChangesResponseSchema,
  buildsResponseSchema,
  toBuildRow,
  toCommitShas,
} from '../../../../../service/src/sync/normalise/delivery/builds.ts';
import {
  environmentRecordSchema,
  isDeploymentFinal,
  toEnvironmentDeployment,
} from '../../../../../service/src/sync/normalise/delivery/environments.ts';
import {
  deliveryPage,
  DELIVERY_PAGE_KINDS,
} from '../../../../../service/src/sync/normalise/delivery/pages.ts';
import {
  instant,
  MalformedDeliveryPageError,
  optionalInstant,
  parsePage,
  wrappedPage,
} from '../../../../../service/src/sync/normalise/delivery/parse.ts';

describe('delivery timestamps', () => {
  it.each([
    ['2026-05-29T01:00:13.56Z', Date.UTC(2026, 4, 29, 1, 0, 13, 560)],
    ['2017-06-16T01:55:56.857Z', Date.UTC(2017, 5, 16, 1, 55, 56, 857)],
    ['2026-04-17T03:58:35.3780000Z', Date.UTC(2026, 3, 17, 3, 58, 35, 378)],
    ['2026-04-17T12:00:00+09:00', Date.UTC(2026, 3, 17, 3, 0, 0)],
    // No zone: UTC, as the old payloads write it.
    ['2026-04-17T03:00:00', Date.UTC(2026, 3, 17, 3, 0, 0)],
    // The .NET "no value".
    ['0001-01-01T00:00:00', null],
    [null, null],
    [undefined, null],
  ])('optional %s → %s', (value, expected) => {
    expect(optionalInstant.parse(value)).toBe(expected);
  });

  it.each(['yesterday', '2026-13-45T00:00:00Z', '', '0001-01-01T00:00:00'])(
    'a required time refuses %j',
    (value) => {
      expect(instant.safeParse(value).success).toBe(false);
    },
  );
});

describe('parsePage', () => {
  const schema = wrappedPage(z.object({ project: z.string() }), buildsResponseSchema);

  it('names the page kind, the field path and the listed item it belongs to', () => {
    const body = {
      context: { project: 'P' },
      response: { value: [build(1), { ...build(7), queueTime: 'soon' }] },
    };
    expect(() => parsePage('build.builds', schema, body)).toThrow(MalformedDeliveryPageError);
    expect(() => parsePage('build.builds', schema, body)).toThrow(
      /Malformed build\.builds page: field response\.value\.1\.queueTime: .*"soon".*\(item with id 7\)/,
    );
  });

  it('names a missing field', () => {
    const withoutDefinition = Object.fromEntries(
      Object.entries(build(3)).filter(([key]) => key !== 'definition'),
    );
    expect(() =>
      parsePage('build.builds', schema, {
        context: { project: 'P' },
        response: { value: [withoutDefinition] },
      }),
    ).toThrow(/field response\.value\.0\.definition/);
  });
});

function build(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    status: 'completed',
    result: 'succeeded',
    reason: 'individualCI',
    queueTime: '2026-04-17T00:12:16.804Z',
    startTime: '2026-04-17T00:12:30Z',
    finishTime: '2026-04-17T00:20:00Z',
    definition: { id: 4, name: 'web-ci' },
    project: { id: 'p-1', name: 'Seika Demo' },
    sourceBranch: 'refs/heads/main',
    sourceVersion: 'ABCDEF0123',
    repository: { id: 'AAAA-BBBB', type: 'TfsGit' },
    ...extra,
  };
}

describe('toBuildRow', () => {
  it('keeps what deployments and change questions need, with ids and SHAs in lower case', () => {
    const [parsed] = buildsResponseSchema.parse({ count: 1, value: [build(12)] }).value;
    expect(parsed && toBuildRow('Fallback', parsed)).toEqual({
      id: 12,
      project: 'Seika Demo',
      definitionId: 4,
      definitionName: 'web-ci',
      status: 'completed',
      result: 'succeeded',
      reason: 'individualCI',
      queuedAt: Date.UTC(2026, 3, 17, 0, 12, 16, 804),
      startedAt: Date.UTC(2026, 3, 17, 0, 12, 30),
      finishedAt: Date.UTC(2026, 3, 17, 0, 20),
      sourceBranch: 'refs/heads/main',
      sourceVersion: 'abcdef0123',
      repository: 'aaaa-bbbb',
    });
  });

  it.each([
    [
      'a build still running',
      { status: 'inProgress', result: undefined, finishTime: undefined },
      { status: 'inProgress', result: null, finishedAt: null },
    ],
    ['no project in the payload', { project: undefined }, { project: 'Fallback' }],
    ['an empty source version', { sourceVersion: '' }, { sourceVersion: null }],
    ['no repository', { repository: null }, { repository: null }],
  ])('%s', (_case, extra, expected) => {
    const [parsed] = buildsResponseSchema.parse({ value: [build(5, extra)] }).value;
    expect(parsed && toBuildRow('Fallback', parsed)).toMatchObject(expected);
  });

  it('refuses a status outside the BuildStatus enum', () => {
    expect(buildsResponseSchema.safeParse({ value: [build(5, { status: 'done' })] }).success).toBe(false);
  });

  it('reads commit SHAs from build changes, once each', () => {
    const response = buildChangesResponseSchema.parse({
      value: [{ id: 'AB12', type: 'TfsGit' }, { id: 'cd34' }, { id: 'ab12' }],
    });
    expect(toCommitShas(response)).toEqual(['ab12', 'cd34']);
  });
});

function environmentRecord(extra: Record<string, unknown> = {}) {
  return environmentRecordSchema.parse({
    id: 250,
    environmentId: 3,
    planType: 'Build',
    stageName: 'DeployProduction',
    stageAttempt: 2,
    definition: { id: 1, name: 'seika-web' },
    owner: { id: 341, name: '20260531.1' },
    result: 'succeeded',
    queueTime: '2026-05-31T17:06:05.223Z',
    startTime: '2026-05-31T17:06:17.076Z',
    finishTime: '2026-05-31T17:08:43.559Z',
    ...extra,
  });
}

describe('toEnvironmentDeployment', () => {
  const context = { project: 'Seika Demo', environment: { id: 3, name: 'production' } };

  it('maps a finished record; the build facts come from the builds stream when read', () => {
    expect(toEnvironmentDeployment(context, environmentRecord())).toEqual({
      id: 'environment:250',
      source: 'environment',
      project: 'Seika Demo',
      pipelineId: 1,
      pipelineName: 'seika-web',
      environmentName: 'production',
      stageName: 'DeployProduction',
      buildId: 341,
      releaseId: null,
      repository: null,
      sourceBranch: null,
      sourceVersion: null,
      attempt: 2,
      queuedAt: Date.parse('2026-05-31T17:06:05.223Z'),
      startedAt: Date.parse('2026-05-31T17:06:17.076Z'),
      finishedAt: Date.parse('2026-05-31T17:08:43.559Z'),
      outcome: 'succeeded',
      rawResult: 'succeeded',
    });
  });

  it.each<[string, Record<string, unknown>, Partial<ReturnType<typeof toEnvironmentDeployment>>]>([
    ['succeededWithIssues', { result: 'succeededWithIssues' }, { outcome: 'succeededWithIssues' }],
    ['failed', { result: 'failed' }, { outcome: 'failed' }],
    ['canceled', { result: 'canceled' }, { outcome: 'canceled' }],
    ['skipped never ran', { result: 'skipped' }, { outcome: 'notRun' }],
    ['abandoned is a failed attempt', { result: 'abandoned' }, { outcome: 'failed' }],
    [
      'no result yet: running, not finished',
      { result: undefined, finishTime: undefined },
      { outcome: 'inProgress', rawResult: null, finishedAt: null },
    ],
    ['a record of another plan type has no build', { planType: 'Release' }, { buildId: null }],
    ['no stage attempt counts as the first', { stageAttempt: undefined }, { attempt: 1 }],
  ])('%s', (_case, extra, expected) => {
    expect(toEnvironmentDeployment(context, environmentRecord(extra))).toMatchObject(expected);
  });

  it('tells a record still to re-read from a final one', () => {
    expect(isDeploymentFinal(toEnvironmentDeployment(context, environmentRecord()))).toBe(true);
    expect(isDeploymentFinal(toEnvironmentDeployment(context, environmentRecord({ result: null })))).toBe(
      false,
    );
  });
});

describe('deliveryPage', () => {
  it('stores the response wrapped with its context, as a re-read will see it', () => {
    const { source, body } = deliveryPage(
      'build.builds',
      {
        url: 'P/_apis/build/builds?$top=2',
        requestToken: null,
        responseToken: '2026-04-17T03:58:35.3780000Z',
      },
      { project: 'P' },
      { count: 2, value: [{ id: 1 }, { id: 2 }] },
    );
    expect(source).toMatchObject({
      stream: 'build.builds',
      requestUrl: 'GET P/_apis/build/builds?$top=2',
      requestToken: null,
      responseToken: '2026-04-17T03:58:35.3780000Z',
      isLastBatch: false,
      itemCount: 2,
    });
    expect(JSON.parse(source.body)).toEqual(body);
    expect(body).toEqual({
      context: { project: 'P' },
      response: { count: 2, value: [{ id: 1 }, { id: 2 }] },
    });
  });

  it('a page without a next token is the last one; a single object counts as one item', () => {
    const { source } = deliveryPage('git.pullRequest', { url: 'x' }, { project: 'P' }, { pullRequestId: 3 });
    expect(source).toMatchObject({ isLastBatch: true, itemCount: 1 });
  });

  it('has a kind per delivery page', () => {
    expect(new Set(DELIVERY_PAGE_KINDS).size).toBe(DELIVERY_PAGE_KINDS.length);
  });
});
