import { DELIVERY_PAGE_NORMALISERS } from '../../normalise/delivery/pages.ts';
import { pageSizeFor, type StreamContext } from '../../stream.ts';
import type { ProjectRef } from '../projects.ts';
import { getBody, headerPages, pathWithQuery, projectSegment, requireDelivery, storePage } from './shared.ts';

/** `$top` of a pull request's commits (header-token paged); most pull requests fit one page. */
const COMMITS_TOP = 100;

type Counter = { pages: number; items: number };

/** The pull request's work item links (only the single pull request has them) and its own commits. */
export async function collectPullRequestDetails(
  context: StreamContext,
  project: ProjectRef,
  pullRequest: { repository: string; pullRequestId: number },
  counter: Counter,
): Promise<void> {
  const { organization, connection } = context;
  const delivery = requireDelivery(context, 'git.changes');
  const base = `${projectSegment(project.name)}/_apis/git/repositories/${pullRequest.repository}`;
  const detailUrl = pathWithQuery(`${base}/pullrequests/${pullRequest.pullRequestId}`, {
    includeWorkItemRefs: 'true',
    'api-version': '7.1',
  });
  await storePage(
    delivery,
    organization,
    'git.pullRequest',
    { url: detailUrl, requestToken: null, responseToken: null },
    { project: project.name },
    await getBody(connection, detailUrl),
    DELIVERY_PAGE_NORMALISERS['git.pullRequest'],
  );
  counter.pages += 1;
  const commitsPath = `${base}/pullRequests/${pullRequest.pullRequestId}/commits`;
  const commitsContext = {
    project: project.name,
    repository: pullRequest.repository,
    pullRequestId: pullRequest.pullRequestId,
  };
  for await (const page of headerPages(context.connection, commitsPath, {
    $top: pageSizeFor(context.maxPageSize, COMMITS_TOP),
    'api-version': '7.1',
  })) {
    await storePage(
      delivery,
      organization,
      'git.pullRequestCommits',
      page,
      commitsContext,
      page.body,
      DELIVERY_PAGE_NORMALISERS['git.pullRequestCommits'],
    );
    counter.pages += 1;
  }
}
