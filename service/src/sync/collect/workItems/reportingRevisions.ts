import type { AdoConnection } from '../../../ado/clients.ts';
import { EmptyAnswerError } from '../../../ado/http/retry.ts';
import type { Logger } from '../../../logger.ts';
import type { SeikaRepository } from '../../../storage/repository.ts';
import type { StreamProgress } from '../../progress.ts';
import { pageSizeFor, type SyncStream } from '../../stream.ts';
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

/**
 * Pages through the organization-wide reporting revisions from the stored watermark.
 * Each page is stored with its normalised rows in one transaction; the watermark moves only after the
 * last page, so an interrupted run re-reads from the old watermark and the upserts make that harmless.
 * The organization-level route is used (not project-scoped) so items moving between projects keep flowing.
 */
export async function collectReportingRevisions(options: {
  organization: string;
  connection: AdoConnection;
  repository: SeikaRepository;
  logger: Logger;
  progress?: StreamProgress;
  maxPageSize?: number;
}): Promise<RevisionsCollectResult> {
  const { organization, connection, repository, logger } = options;
  const client = await connection.workItemTracking();
  let token = await repository.getWatermark(organization, REVISIONS_STREAM);
  let pages = 0;
  let revisions = 0;
  for (;;) {
    const requestToken = token ?? null;
    // startDateTime is never sent: the API refuses it together with a continuation token.
    const response: unknown = await connection.call('reportingRevisions', async () => {
      const answer = await client.readReportingRevisionsGet(
        undefined,
        [...REVISION_FIELDS],
        undefined,
        token,
        undefined,
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
    const { revisions: normalised } = await applyRevisionsBatch(
      repository,
      organization,
      {
        stream: REVISIONS_STREAM,
        requestUrl: `GET _apis/wit/reporting/workitemrevisions?continuationToken=${requestToken ?? ''}`,
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
    logger.debug('revisions page stored', { organization, page: pages, revisions: normalised.length });
    if (responseToken === undefined) {
      throw new Error('The revisions batch carried no continuation token; the watermark cannot advance');
    }
    token = responseToken;
    // The last batch still carries a token: it is the watermark to poll from next time.
    if (batch.isLastBatch) break;
  }
  await repository.setWatermark(organization, REVISIONS_STREAM, token);
  return { pages, revisions };
}

export const reportingRevisionsStream: SyncStream = {
  name: REVISIONS_STREAM,
  access: { scopes: ['vso.work'], feature: 'flow' },
  async run(context) {
    const result = await collectReportingRevisions(context);
    return { pages: result.pages, items: result.revisions };
  },
};
