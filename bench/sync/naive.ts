import * as azdev from 'azure-devops-node-api';
import type { RunningSimulator } from '../../service/src/simulator/index.ts';

/**
 * The way many integrations crawl: a WIQL query for the ids (20,000 at most per query, so by id ranges),
 * then each item's revisions one by one through azure-devops-node-api. Measured on `sample` items and
 * scaled linearly to all of them: a full crawl of a large organization would take hours.
 */
export async function naiveCrawl(
  simulator: RunningSimulator,
  sample: number,
  concurrency: number,
): Promise<{ requests: number; seconds: number; items: number; sampled: number }> {
  const webApi = new azdev.WebApi(
    simulator.organizationUrl,
    azdev.getPersonalAccessTokenHandler(simulator.pat),
  );
  const client = await webApi.getWorkItemTrackingApi();
  const started = performance.now();
  let requests = 0;
  const ids: number[] = [];
  for (let from = 0; ; from += 20_000) {
    const result = await client.queryByWiql(
      {
        query: `SELECT [System.Id] FROM WorkItems WHERE [System.Id] > ${from} AND [System.Id] <= ${from + 20_000}`,
      },
      { project: simulator.project },
    );
    requests += 1;
    const found = result.workItems ?? [];
    for (const reference of found) if (reference.id !== undefined) ids.push(reference.id);
    if (found.length === 0 && from > (ids.at(-1) ?? 0)) break;
  }
  const queried = performance.now();
  const sampled = ids.slice(0, sample);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sampled.length) {
        const id = sampled[next++];
        if (id === undefined) break;
        await client.getRevisions(id);
        requests += 1;
      }
    }),
  );
  const perItemSeconds = (performance.now() - queried) / 1000 / Math.max(1, sampled.length);
  const querySeconds = (queried - started) / 1000;
  return {
    requests: requests - sampled.length + ids.length,
    seconds: querySeconds + perItemSeconds * ids.length,
    items: ids.length,
    sampled: sampled.length,
  };
}
