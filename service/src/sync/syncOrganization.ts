import type { AdoConnectionFactory } from '../ado/clients.ts';
import type { Logger } from '../logger.ts';
import type { SeikaRepository } from '../storage/repository.ts';
import { collectReportingRevisions } from './collect/reportingRevisions.ts';
import { collectTeamMetadata } from './collect/teamMetadata.ts';

export interface OrganizationConnection {
  /** Seika's key for the organization (its Azure DevOps name, lower case). */
  organization: string;
  organizationUrl: string;
  personalAccessToken: string;
}

export interface SyncReport {
  organization: string;
  pages: number;
  revisions: number;
  requests: number;
  teams: number;
  seconds: number;
}

/**
 * One sync run of an organization: check credentials, then collect metadata and revisions (independent
 * streams, run concurrently). Failures are recorded on the run and rethrown; watermarks of a failed
 * stream stay where they were.
 */
export async function syncOrganization(dependencies: {
  repository: SeikaRepository;
  createConnection: AdoConnectionFactory;
  logger: Logger;
  target: OrganizationConnection;
  maxPageSize?: number;
}): Promise<SyncReport> {
  const { repository, target, logger } = dependencies;
  const started = performance.now();
  const connection = dependencies.createConnection({
    organizationUrl: target.organizationUrl,
    personalAccessToken: target.personalAccessToken,
  });
  const runId = await repository.startSyncRun(target.organization);
  let pages = 0;
  let revisions = 0;
  try {
    await connection.verifyCredentials();
    const [metadata, revisionResult] = await Promise.all([
      collectTeamMetadata({ organization: target.organization, connection, repository }),
      collectReportingRevisions({
        organization: target.organization,
        connection,
        repository,
        logger,
        ...(dependencies.maxPageSize === undefined ? {} : { maxPageSize: dependencies.maxPageSize }),
      }),
    ]);
    pages = metadata.pages + revisionResult.pages;
    revisions = revisionResult.revisions;
    const report: SyncReport = {
      organization: target.organization,
      pages,
      revisions,
      requests: connection.requestCount(),
      teams: metadata.teams,
      seconds: (performance.now() - started) / 1000,
    };
    await repository.finishSyncRun(runId, {
      status: 'succeeded',
      pages,
      revisions,
      requests: report.requests,
    });
    logger.info('sync finished', { ...report });
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repository.finishSyncRun(runId, {
      status: 'failed',
      error: message,
      pages,
      revisions,
      requests: connection.requestCount(),
    });
    logger.error('sync failed', { organization: target.organization, error: message });
    throw error;
  }
}
