import { createHash } from 'node:crypto';
import type { BuildRow } from '../../../storage/delivery/repository.ts';
import { isBuildFinal } from '../../normalise/delivery/builds.ts';
import { applyBuildsBody } from '../../normalise/delivery/pages.ts';
import {
  buildsWatermarkSchema,
  nextBuildsPosition,
  readWatermark,
  type BuildsWatermark,
} from '../../normalise/delivery/watermarks.ts';
import { pageSizeFor, type StreamContext, type StreamResult, type SyncStream } from '../../stream.ts';
import {
  chunks,
  headerPages,
  pathWithQuery,
  projectSegment,
  requireDelivery,
  storePage,
  type PageRequest,
} from './shared.ts';
import { listProjects } from '../projects.ts';

export const BUILDS_STREAM = 'build.builds';

/** The reported ceiling of `$top`; pages are header-token paged, so a lower real one loses nothing. */
const LARGEST_TOP = 5000;
/** Build ids per `buildIds=` question about builds still running. */
const PENDING_PER_REQUEST = 100;

/**
 * Builds of every project, oldest queue time first from the watermark (`queueTimeAscending&minTime`),
 * paged by the header token with the same filters on every page. Ascending order keeps page boundaries
 * still while builds are queued during the run (they land after the last page, and the next run), and
 * the queue time reached is the progress. Builds not completed yet are asked for again by id on every
 * run until they are, so a build waiting days for an agent or approval never holds the watermark back.
 */
export async function collectBuilds(context: StreamContext): Promise<StreamResult> {
  const { organization, connection, repository, progress } = context;
  const delivery = requireDelivery(context, BUILDS_STREAM);
  const top = pageSizeFor(context.maxPageSize, LARGEST_TOP);
  const previous =
    readWatermark(
      BUILDS_STREAM,
      buildsWatermarkSchema,
      await repository.getWatermark(organization, BUILDS_STREAM),
    ) ?? {};
  const next: BuildsWatermark = { ...previous };
  let pages = 0;
  let items = 0;
  for (const project of await listProjects(connection)) {
    const position = previous[project.id];
    const latest = new Map<number, { final: boolean }>();
    const pendingStates = new Map<number, string>();
    const listed: number[] = [];
    const path = `${projectSegment(project.name)}/_apis/build/builds`;
    const record = async (page: PageRequest, body: unknown): Promise<BuildRow[]> => {
      const { builds } = await storePage(
        delivery,
        organization,
        'build.builds',
        page,
        { project: project.name },
        body,
        applyBuildsBody,
      );
      for (const build of builds) {
        latest.set(build.id, { final: isBuildFinal(build) });
        pendingStates.set(build.id, [build.status, build.startedAt ?? '', build.finishedAt ?? ''].join('|'));
      }
      pages += 1;
      items += builds.length;
      return builds;
    };
    const query = {
      queryOrder: 'queueTimeAscending',
      minTime: position?.queuedFrom ?? undefined,
      $top: top,
      'api-version': '7.1',
    };
    for await (const page of headerPages(connection, path, query)) {
      const builds = await record(page, page.body);
      const times = builds.map((build) => build.queuedAt);
      listed.push(...times);
      await progress.page(
        builds.length,
        times.length === 0 ? undefined : Math.max(...times),
        times.length === 0 ? undefined : Math.min(...times),
      );
    }
    const stillPending = (position?.pending ?? []).filter((id) => !latest.has(id));
    for (const ids of chunks(stillPending, PENDING_PER_REQUEST)) {
      const url = pathWithQuery(path, { buildIds: ids.join(','), $top: ids.length, 'api-version': '7.1' });
      const response = await connection.getJson(url);
      await record({ url, requestToken: null, responseToken: null }, response.body);
      await progress.page(0);
    }
    const nextPosition = nextBuildsPosition(position, listed, latest);
    // Streams gated on builds (environments, branch commits) see a pending run progress through this.
    next[project.id] =
      nextPosition.pending.length === 0
        ? nextPosition
        : { ...nextPosition, pendingDigest: pendingDigest(nextPosition.pending, pendingStates) };
  }
  // Only now, with every page of the run stored.
  await repository.setWatermark(organization, BUILDS_STREAM, JSON.stringify(next));
  return { pages, items };
}

/** The state (status, start, finish) of every build still pending, as one short digest. */
function pendingDigest(pending: readonly number[], states: ReadonlyMap<number, string>): string {
  const digest = createHash('sha256');
  for (const id of pending) digest.update(`${id}:${states.get(id) ?? ''};`);
  return digest.digest('base64url').slice(0, 22);
}

export const buildsStream: SyncStream = {
  name: BUILDS_STREAM,
  access: { scopes: ['vso.build'], feature: 'delivery' },
  needsDelivery: true,
  run: collectBuilds,
};
