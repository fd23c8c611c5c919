import type { PullRequestRow } from '../../../storage/delivery/repository.ts';
import { applyPullRequestsBody, DELIVERY_PAGE_NORMALISERS } from '../../normalise/delivery/pages.ts';
import {
  nextTimeFrom,
  pullRequestsWatermarkSchema,
  readWatermark,
} from '../../normalise/delivery/watermarks.ts';
import { pageSizeFor, type StreamContext, type StreamResult, type SyncStream } from '../../stream.ts';
import {
  getBody,
  headerPages,
  pathWithQuery,
  projectSegment,
  requireDelivery,
  storePage,
  valueCount,
} from './shared.ts';
import { listProjects, type ProjectRef } from '../projects.ts';
import { eachConcurrently, PER_PARENT_CONCURRENCY } from '../eachConcurrently.ts';
import { collectDirectCommits } from './pullRequestsDirectCommits.ts';

export const CHANGES_STREAM = 'git.changes';

/** The service caps the pull request list's `$top` at 1000. */
const LARGEST_TOP = 1000;
/** `$top` of a pull request's commits (header-token paged); most pull requests fit one page. */
const COMMITS_TOP = 100;

type Counter = { pages: number; items: number };

/**
 * Pull requests completed (into any branch) since the project's watermark, by `$top/$skip` offset paging:
 * the list has no token. Newest first, so a pull request completed while paging pushes the rest down
 * one place: it repeats one (deduplicated by id) rather than skipping one, and is read next run.
 */
async function collectPullRequests(
  context: StreamContext,
  project: ProjectRef,
  from: string | undefined,
  counter: Counter,
): Promise<PullRequestRow[]> {
  const { organization, connection } = context;
  const delivery = requireDelivery(context, CHANGES_STREAM);
  const top = pageSizeFor(context.maxPageSize, LARGEST_TOP);
  const segment = projectSegment(project.name);
  const found = new Map<string, PullRequestRow>();
  for (let skip = 0; ; skip += top) {
    const url = pathWithQuery(`${segment}/_apis/git/pullrequests`, {
      'searchCriteria.status': 'completed',
      'searchCriteria.queryTimeRangeType': 'closed',
      'searchCriteria.minTime': from,
      $top: top,
      $skip: skip,
      'api-version': '7.1',
    });
    const body = await getBody(connection, url);
    const { pullRequests } = await storePage(
      delivery,
      organization,
      'git.pullRequests',
      { url, requestToken: String(skip), responseToken: null, isLastBatch: valueCount(body) < top },
      { project: project.name },
      body,
      applyPullRequestsBody,
    );
    counter.pages += 1;
    for (const pullRequest of pullRequests) {
      found.set(`${pullRequest.repository}|${pullRequest.pullRequestId}`, pullRequest);
    }
    await context.progress.page(pullRequests.length);
    if (pullRequests.length < top) break;
  }
  await eachConcurrently(found.values(), PER_PARENT_CONCURRENCY, async (pullRequest) => {
    await collectPullRequestDetails(context, project, pullRequest, counter);
    counter.items += 1;
  });
  return [...found.values()];
}

/** The pull request's work item links (only the single pull request has them) and its own commits. */
async function collectPullRequestDetails(
  context: StreamContext,
  project: ProjectRef,
  pullRequest: PullRequestRow,
  counter: Counter,
): Promise<void> {
  const { organization, connection } = context;
  const delivery = requireDelivery(context, CHANGES_STREAM);
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

/**
 * Changes for lead time: completed pull requests with their commits and work items, and commits pushed
 * to deployed branches (a commit that a pull request stands for is left out when changes are read).
 */
export async function collectChanges(context: StreamContext): Promise<StreamResult> {
  const { organization, connection, repository } = context;
  requireDelivery(context, CHANGES_STREAM);
  const previous =
    readWatermark(
      CHANGES_STREAM,
      pullRequestsWatermarkSchema,
      await repository.getWatermark(organization, CHANGES_STREAM),
    ) ?? {};
  const next = { ...previous };
  const counter: Counter = { pages: 0, items: 0 };
  for (const project of await listProjects(connection)) {
    const key = `pr:${project.id}`;
    const pullRequests = await collectPullRequests(context, project, previous[key], counter);
    const position = nextTimeFrom(
      previous[key],
      pullRequests.map((pullRequest) => pullRequest.mergedAt),
    );
    if (position !== undefined) next[key] = position;
    Object.assign(next, await collectDirectCommits(context, project, previous, counter));
  }
  await repository.setWatermark(organization, CHANGES_STREAM, JSON.stringify(next));
  return counter;
}

export const changesStream: SyncStream = {
  name: CHANGES_STREAM,
  access: { scopes: ['vso.code'], feature: 'delivery' },
  needsDelivery: true,
  run: collectChanges,
};
