import type { ProjectRef } from '../projects.ts';
import {
  readRevisionPages,
  REVISIONS_STREAM,
  type RevisionsCollectResult,
  type RevisionsReadOptions,
} from './reportingRevisions.ts';

/** When the by-project backfill began (ISO), kept across restarts so a resumed one catches up from it. */
export const BACKFILL_STARTED_KEY = `${REVISIONS_STREAM}#backfillStartedAt`;

/** A project's revisions read to their end: the project's teams can get their first answer. */
export function projectRevisionsKey(projectId: string): string {
  return `${REVISIONS_STREAM}@${projectId}`;
}

/**
 * The catch-up reads again from this long before the backfill began: revisions carry the service's clock,
 * the start our own, and a changed revision read twice is only upserted again.
 */
export const CATCH_UP_MARGIN_MS = 10 * 60_000;

/**
 * A first sync of an organization with several projects reads their revisions one project after
 * another (project-scoped requests return only that project's revisions): the teams of the first
 * project get complete answers after its share of the rate limit, not after the whole organization's.
 * A project read to its end keeps its token, so an interrupted backfill resumes with the next project.
 * Then one organization-wide read from the backfill's start (less a margin) catches what changed meanwhile
 * (items edited in a project already read, moved between projects, or in a project created since), and
 * its token becomes the stream's watermark: every later run reads the organization's revisions from it.
 */
export async function backfillRevisionsByProject(
  options: RevisionsReadOptions & { now: () => number },
  projects: readonly ProjectRef[],
): Promise<RevisionsCollectResult> {
  const { organization, repository, logger, progress } = options;
  let startedAt = await repository.getWatermark(organization, BACKFILL_STARTED_KEY);
  if (startedAt === undefined) {
    startedAt = new Date(options.now()).toISOString();
    await repository.setWatermark(organization, BACKFILL_STARTED_KEY, startedAt);
  }
  let pages = 0;
  let revisions = 0;
  for (const [index, project] of projects.entries()) {
    const key = projectRevisionsKey(project.id);
    if ((await repository.getWatermark(organization, key)) !== undefined) continue;
    progress?.beginPart(index, projects.length);
    const read = await readRevisionPages(options, { project: project.name, from: 'beginning' });
    await repository.setWatermark(organization, key, read.token);
    logger.info('project revisions read', { organization, project: project.name, pages: read.pages });
    pages += read.pages;
    revisions += read.revisions;
  }
  // Past the last part: progress stays complete while the short catch-up runs.
  progress?.beginPart(projects.length, projects.length);
  const since = new Date(Date.parse(startedAt) - CATCH_UP_MARGIN_MS);
  const catchUp = await readRevisionPages(options, { from: { since } });
  await repository.setWatermark(organization, REVISIONS_STREAM, catchUp.token);
  return { pages: pages + catchUp.pages, revisions: revisions + catchUp.revisions };
}
