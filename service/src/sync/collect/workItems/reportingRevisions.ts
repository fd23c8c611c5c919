import type { AdoConnection } from '../../../ado/clients.ts';
import { EmptyAnswerError } from '../../../ado/http/retry.ts';
import type { Logger } from '../../../logger.ts';
import type { SeikaRepository } from '../../../storage/repository.ts';
import type { StreamProgress } from '../../progress.ts';
import { pageSizeFor } from '../../stream.ts';
import { applyRevisionsBatch } from '../../normalise/pageNormalisers.ts';
import { nextContinuationToken, revisionsBatchSchema } from '../../normalise/workItems/revisions.ts';

export const REVISIONS_STREAM = 'wit.reporting.revisions';

/**
 * `$maxPageSize` asked for: the maximum is undocumented, so Seika asks for many and lets the service
 * decide (pages follow the continuation token, so a smaller real maximum only means more pages).
 */
const LARGEST_REVISIONS_PAGE = 1000;

/** Only the fields the normaliser reads: smaller pages, and the URL stays short. */
export const REVISION_FIELDS = [
  'System.Id',
  'System.Rev',
  'System.WorkItemType',
  'System.TeamProject',
  'System.Title',
  'System.AreaPath',
  'System.State',
  'System.CreatedDate',
  'System.ChangedDate',
  'System.Tags',
  'System.IsDeleted',
  'System.BoardColumn',
  'System.IterationPath',
] as const;

export interface RevisionsCollectResult {
  pages: number;
  revisions: number;
}

export interface RevisionsReadOptions {
  organization: string;
  connection: AdoConnection;
  repository: SeikaRepository;
  logger: Logger;
  progress?: StreamProgress;
  maxPageSize?: number;
}

/**
 * Where a read starts: after a continuation token (the stored watermark), at a time (every revision
 * changed since, for a first request only: the API refuses it with a token), or at the beginning.
 */
export type RevisionsReadStart = { token: string } | { since: Date } | 'beginning';

/**
 * Pages through reporting revisions, of one project (its own revisions only) or of the organization,
 * until the last batch; returns the token to poll from next time. Each page is stored with its normalised
 * rows in one transaction; storing the returned token as a watermark is the caller's move, once done.
 */
export async function readRevisionPages(
  options: RevisionsReadOptions,
  read: { project?: string; from: RevisionsReadStart },
): Promise<RevisionsCollectResult & { token: string }> {
  const { organization, connection, repository, logger } = options;
  const client = await connection.workItemTracking();
  let token = typeof read.from === 'object' && 'token' in read.from ? read.from.token : undefined;
  let since = typeof read.from === 'object' && 'since' in read.from ? read.from.since : undefined;
  const scope = read.project === undefined ? '' : `${encodeURIComponent(read.project)}/`;
  let pages = 0;
  let revisions = 0;
  for (;;) {
    const requestToken = token ?? null;
    const startDateTime = since;
    const response: unknown = await connection.call('reportingRevisions', async () => {
      const answer = await client.readReportingRevisionsGet(
        read.project,
        [...REVISION_FIELDS],
        undefined,
        token,
        startDateTime,
        false,
        false,
        false,
        false,
        undefined,
        false,
        pageSizeFor(options.maxPageSize, LARGEST_REVISIONS_PAGE),
      );
      if (answer === null || answer === undefined) throw new EmptyAnswerError('reporting revisions');
      return answer;
    });
    const batch = revisionsBatchSchema.parse(response);
    const responseToken = nextContinuationToken(batch);
    const query =
      startDateTime === undefined
        ? `continuationToken=${requestToken ?? ''}`
        : `startDateTime=${startDateTime.toISOString()}`;
    const { revisions: normalised } = await applyRevisionsBatch(
      repository,
      organization,
      {
        stream: REVISIONS_STREAM,
        requestUrl: `GET ${scope}_apis/wit/reporting/workitemrevisions?${query}`,
        requestToken,
        responseToken: responseToken ?? null,
        isLastBatch: batch.isLastBatch,
        itemCount: batch.values.length,
        body: JSON.stringify(response),
      },
      response,
    );
    pages += 1;
    revisions += normalised.length;
    const changeTimes = normalised.map((revision) => revision.changedAt);
    await options.progress?.page(
      normalised.length,
      changeTimes.length === 0 ? undefined : Math.max(...changeTimes),
      changeTimes.length === 0 ? undefined : Math.min(...changeTimes),
    );
    logger.debug('revisions page stored', {
      organization,
      project: read.project ?? null,
      page: pages,
      revisions: normalised.length,
    });
    if (responseToken === undefined) {
      throw new Error('The revisions batch carried no continuation token; the watermark cannot advance');
    }
    token = responseToken;
    since = undefined;
    // The last batch still carries a token: it is the watermark to poll from next time.
    if (batch.isLastBatch) return { pages, revisions, token };
  }
}

/**
 * Pages through the organization-wide reporting revisions from the stored watermark, which moves only
 * after the last page, so an interrupted run re-reads from the old watermark and the upserts make that
 * harmless. The organization-level route is used (not project-scoped) so items moving between projects
 * keep flowing.
 */
export async function collectReportingRevisions(
  options: RevisionsReadOptions,
): Promise<RevisionsCollectResult> {
  const { organization, repository } = options;
  const watermark = await repository.getWatermark(organization, REVISIONS_STREAM);
  const read = await readRevisionPages(options, {
    from: watermark === undefined ? 'beginning' : { token: watermark },
  });
  await repository.setWatermark(organization, REVISIONS_STREAM, read.token);
  return { pages: read.pages, revisions: read.revisions };
}
