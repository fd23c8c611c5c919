import { EmptyAnswerError } from '../../../ado/http/retry.ts';
import { linksBatchSchema } from '../../normalise/workItems/links.ts';
import { PAGE_NORMALISERS } from '../../normalise/pageNormalisers.ts';
import { nextContinuationToken } from '../../normalise/workItems/revisions.ts';
import type { SyncStream } from '../../stream.ts';
import { REVISIONS_STREAM } from './reportingRevisions.ts';

export const LINKS_STREAM = 'wit.reporting.links';

/**
 * Work item links through the reporting links API, paged like revisions: the continuation token of the
 * last batch is the watermark, moved only after every page of the run is stored.
 */
export const reportingLinksStream: SyncStream = {
  name: LINKS_STREAM,
  access: { scopes: ['vso.work'], feature: 'flow' },
  // No flow answer reads links: the revisions (what every answer needs) take the first budget window.
  after: [REVISIONS_STREAM],
  async run({ organization, connection, repository, progress }) {
    const client = await connection.workItemTracking();
    let token = await repository.getWatermark(organization, LINKS_STREAM);
    let pages = 0;
    let items = 0;
    for (;;) {
      const requestToken = token ?? null;
      const response: unknown = await connection.call('reportingLinks', async () => {
        const answer = await client.getReportingLinksByLinkType(undefined, undefined, undefined, token);
        if (answer === null || answer === undefined) throw new EmptyAnswerError('reporting links');
        return answer;
      });
      const text = JSON.stringify(response);
      const batch = linksBatchSchema.parse(JSON.parse(text));
      const responseToken = nextContinuationToken({ ...batch, values: [] });
      await PAGE_NORMALISERS[LINKS_STREAM](
        repository,
        organization,
        {
          stream: LINKS_STREAM,
          requestUrl: `GET _apis/wit/reporting/workitemlinks?continuationToken=${requestToken ?? ''}`,
          requestToken,
          responseToken: responseToken ?? null,
          isLastBatch: batch.isLastBatch,
          itemCount: batch.values.length,
          body: text,
        },
        JSON.parse(text),
      );
      pages += 1;
      items += batch.values.length;
      await progress.page(batch.values.length);
      if (responseToken === undefined) throw new Error('The links batch carried no continuation token');
      token = responseToken;
      if (batch.isLastBatch) break;
    }
    await repository.setWatermark(organization, LINKS_STREAM, token);
    return { pages, items };
  },
};
