import { afterEach, describe, expect, it } from 'vitest';
import type { Connected } from './support.ts';
import { connect, failure, project, statusOf } from './support.ts';

let c: Connected | undefined;
afterEach(async () => {
  await c?.sim.close();
  c = undefined;
});

/** Every page of a header-paged list. */
async function allPages(
  connected: Connected,
  path: string,
  seen: { headers: number; calls: number },
): Promise<unknown[]> {
  const items: unknown[] = [];
  let token: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await connected.get(
      `${path}${token === null ? '' : `${separator}continuationToken=${encodeURIComponent(token)}`}`,
    );
    seen.calls += 1;
    if (response.headers.get('x-ratelimit-limit') !== null) seen.headers += 1;
    items.push(...((response.body as { value?: unknown[] }).value ?? []));
    token = response.headers.get('x-ms-continuationtoken');
  } while (token !== null);
  return items;
}

describe('TSTU rate limits', () => {
  it('warns with X-RateLimit headers, then delays (X-RateLimit-Delay), then refuses with 429 TF400733 and Retry-After', async () => {
    c = await connect({
      seed: 2,
      scale: 'tiny',
      rateLimit: { limit: 2, warnRatio: 0.5, blockRatio: 2, maxDelayMs: 200, windowMs: 60_000 },
    });
    const path = `_apis/wit/reporting/workitemrevisions?$maxPageSize=100`;
    const answers: { status: number; headers: Headers; ms: number }[] = [];
    for (let n = 0; n < 20; n += 1) {
      const started = performance.now();
      const response = await c.get(path);
      answers.push({ status: response.status, headers: response.headers, ms: performance.now() - started });
      if (response.status === 429) {
        expect((response.body as { message: string }).message).toMatch(
          /^TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource/,
        );
        break;
      }
    }
    const firstWarned = answers.findIndex((answer) => answer.headers.get('x-ratelimit-limit') === '2');
    const firstDelayed = answers.findIndex((answer) => answer.headers.get('x-ratelimit-delay') !== null);
    const blocked = answers.findIndex((answer) => answer.status === 429);
    expect(firstWarned).toBeGreaterThan(0);
    expect(firstDelayed).toBeGreaterThan(firstWarned);
    expect(blocked).toBeGreaterThan(firstDelayed);
    expect(answers[firstWarned]?.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(Number(answers[firstWarned]?.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const delayed = answers[firstDelayed];
    expect(delayed?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(delayed?.ms ?? 0).toBeGreaterThanOrEqual(
      Number(delayed?.headers.get('x-ratelimit-delay')) * 1000 - 5,
    );
    expect(Number(answers[blocked]?.headers.get('retry-after'))).toBeGreaterThan(0);
    // The library (which sends the PAT as basic "PAT:…") is the same identity: it gets the 429 as an error.
    const wit = await c.api.getWorkItemTrackingApi();
    const error = await failure(wit.readReportingRevisionsGet());
    expect(statusOf(error)).toBe(429);
    c.sim.resetRateLimit();
    expect((await c.get(path)).status).toBe(200);
  });

  it('attaches the headers to azure-devops-node-api results (rateLimit) once usage nears the limit', async () => {
    c = await connect({
      seed: 2,
      scale: 'tiny',
      rateLimit: { limit: 1, warnRatio: 0.1, blockRatio: 100, maxDelayMs: 0 },
    });
    const wit = await c.api.getWorkItemTrackingApi();
    const batch = (await wit.readReportingRevisionsGet(c.sim.project)) as {
      rateLimit?: { limit?: number; resource?: string };
    };
    expect(batch.rateLimit).toMatchObject({ limit: 1, resource: 'TSTU:Global' });
  });

  it('lets a well-behaved full crawl of the demo organization through without any rate-limit header', async () => {
    c = await connect();
    const seen = { headers: 0, calls: 0 };
    let token = '';
    for (;;) {
      const page = await c.get(
        `_apis/wit/reporting/workitemrevisions${token === '' ? '' : `?continuationToken=${token}`}`,
      );
      seen.calls += 1;
      if (page.headers.get('x-ratelimit-limit') !== null) seen.headers += 1;
      const batch = page.body as { isLastBatch: boolean; continuationToken: string };
      token = batch.continuationToken;
      if (batch.isLastBatch) break;
    }
    await allPages(c, '_apis/wit/reporting/workitemlinks', seen);
    for (const path of [
      '_apis/projects',
      `_apis/projects/${project}/teams`,
      `${project}/_apis/work/processconfiguration`,
      `${project}/_apis/work/teamsettings/iterations`,
      `${project}/_apis/work/boards/Stories/columns`,
    ])
      await allPages(c, path, seen);
    const builds = (await allPages(c, `${project}/_apis/build/builds?$top=1000`, seen)) as {
      id: number;
      sourceBranch: string;
    }[];
    for (const build of builds.filter((candidate) => candidate.sourceBranch === 'refs/heads/main')) {
      for (const detail of ['timeline', 'changes', 'workitems'])
        await allPages(c, `${project}/_apis/build/builds/${build.id}/${detail}`, seen);
    }
    for (const environment of [1, 2, 3])
      await allPages(
        c,
        `${project}/_apis/distributedtask/environments/${environment}/environmentdeploymentrecords?top=1000`,
        seen,
      );
    await allPages(c, `${c.sim.releaseUrl}/${project}/_apis/release/deployments?$top=100`, seen);
    const pullRequests = (await allPages(
      c,
      `${project}/_apis/git/pullrequests?searchCriteria.status=all&$top=1000`,
      seen,
    )) as { pullRequestId: number; repository: { id: string } }[];
    for (const pullRequest of pullRequests)
      await allPages(
        c,
        `${project}/_apis/git/repositories/${pullRequest.repository.id}/pullRequests/${pullRequest.pullRequestId}/commits`,
        seen,
      );
    expect(seen.calls).toBeGreaterThan(1000);
    expect(seen.headers).toBe(0);
    // …under the service's own global limit: 200 TSTU in a sliding five minutes.
    const { settings } = (c.sim.state() as { rateLimit: { settings: { limit: number; windowMs: number } } })
      .rateLimit;
    expect(settings).toMatchObject({ limit: 200, windowMs: 300_000 });
  });
});
