import { isDeploymentFinal } from '../../normalise/delivery/environments.ts';
import { applyReleaseDeploymentsBody } from '../../normalise/delivery/pages.ts';
import {
  nextReleasesFrom,
  readWatermark,
  releasesWatermarkSchema,
} from '../../normalise/delivery/watermarks.ts';
import type { StreamContext, StreamResult, SyncStream } from '../../stream.ts';
import { headerPages, projectSegment, requireDelivery, storePage } from './shared.ts';
import { listProjects } from '../projects.ts';

export const RELEASES_STREAM = 'release.deployments';

/** The service caps `$top` at 100 (50 by default). */
const MAX_TOP = 100;

/**
 * Classic release deployments of every project from the Release host (resourceAreas), oldest first
 * from the watermark (`queryOrder=ascending&minStartedTime`), paged by the integer header token with the
 * same filters on every page. The watermark is the earliest start still running, else the latest start.
 */
export async function collectReleaseDeployments(context: StreamContext): Promise<StreamResult> {
  const { organization, connection, repository, progress } = context;
  const delivery = requireDelivery(context, RELEASES_STREAM);
  const top = Math.min(context.maxPageSize ?? MAX_TOP, MAX_TOP);
  const previous =
    readWatermark(
      RELEASES_STREAM,
      releasesWatermarkSchema,
      await repository.getWatermark(organization, RELEASES_STREAM),
    ) ?? {};
  const next = { ...previous };
  let pages = 0;
  let items = 0;
  for (const project of await listProjects(connection)) {
    const from = previous[project.id];
    const seen: { startedAt: number | null; final: boolean }[] = [];
    const path = `${projectSegment(project.name)}/_apis/release/deployments`;
    const query = { queryOrder: 'ascending', minStartedTime: from, $top: top, 'api-version': '7.1' };
    for await (const page of headerPages(connection, path, query, 'Release')) {
      const { deployments } = await storePage(
        delivery,
        organization,
        'release.deployments',
        page,
        { project: project.name },
        page.body,
        applyReleaseDeploymentsBody,
      );
      for (const deployment of deployments) {
        seen.push({ startedAt: deployment.startedAt, final: isDeploymentFinal(deployment) });
      }
      pages += 1;
      items += deployments.length;
      const starts = deployments.flatMap((deployment) =>
        deployment.startedAt === null ? [] : [deployment.startedAt],
      );
      await progress.page(
        deployments.length,
        starts.length === 0 ? undefined : Math.max(...starts),
        starts.length === 0 ? undefined : Math.min(...starts),
      );
    }
    const position = nextReleasesFrom(from, seen);
    if (position !== undefined) next[project.id] = position;
  }
  await repository.setWatermark(organization, RELEASES_STREAM, JSON.stringify(next));
  return { pages, items };
}

export const releaseDeploymentsStream: SyncStream = {
  name: RELEASES_STREAM,
  access: { scopes: ['vso.release'], feature: 'delivery' },
  needsDelivery: true,
  run: collectReleaseDeployments,
};
