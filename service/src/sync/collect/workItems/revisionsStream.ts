import { AdoAccessDeniedError } from '../../../ado/scopes.ts';
import type { SyncStream } from '../../stream.ts';
import { listProjects, type ProjectRef } from '../projects.ts';
import { collectReportingRevisions, REVISIONS_STREAM } from './reportingRevisions.ts';
import { backfillRevisionsByProject } from './revisionsBackfill.ts';

/** The project list (shared with the metadata stream's); without vso.project, none: read org-wide. */
async function projectsToBackfill(connection: Parameters<typeof listProjects>[0]): Promise<ProjectRef[]> {
  try {
    return await listProjects(connection);
  } catch (error) {
    if (error instanceof AdoAccessDeniedError) return [];
    throw error;
  }
}

/**
 * The work items' history. Once the organization has a watermark, every run reads the organization-wide
 * revisions from it. Before that, an organization with several projects is backfilled one project at a
 * time (revisionsBackfill.ts); one with a single project is read organization-wide from the start.
 */
export const reportingRevisionsStream: SyncStream = {
  name: REVISIONS_STREAM,
  access: { scopes: ['vso.work'], feature: 'flow' },
  async run(context) {
    const watermark = await context.repository.getWatermark(context.organization, REVISIONS_STREAM);
    if (watermark === undefined) {
      const projects = await projectsToBackfill(context.connection);
      if (projects.length > 1) {
        const result = await backfillRevisionsByProject(
          { ...context, now: context.now ?? Date.now },
          projects,
        );
        return { pages: result.pages, items: result.revisions };
      }
    }
    const result = await collectReportingRevisions(context);
    return { pages: result.pages, items: result.revisions };
  },
};
