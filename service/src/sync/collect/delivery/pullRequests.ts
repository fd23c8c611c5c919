import { applyPullRequestsBody } from '../../normalise/delivery/pages.ts';
import {
  nextTimeFrom,
  pullRequestsWatermarkSchema,
  readWatermark,
} from '../../normalise/delivery/watermarks.ts';
import { pageSizeFor, type StreamContext, type StreamResult, type SyncStream } from '../../stream.ts';
import { getBody, pathWithQuery, projectSegment, requireDelivery, storePage, valueCount } from './shared.ts';
import { listProjects, type ProjectRef } from '../projects.ts';
import { eachConcurrently, PER_PARENT_CONCURRENCY } from '../eachConcurrently.ts';
import { collectDirectCommits, listRepositories } from './pullRequestsDirectCommits.ts';
import { collectPullRequestDetails } from './pullRequestDetails.ts';
import { listedItems, sortRecords } from '../../normalise/quarantine.ts';
import { pushesWatermarkSchema } from '../../normalise/delivery/pushes.ts';
import { syncSettings } from '../../syncSettings.ts';
import { BUILDS_STREAM } from './builds.ts';
import { buildsGate } from './buildsGate.ts';
import { ENVIRONMENTS_STREAM } from './environmentDeployments.ts';
import { RELEASES_STREAM } from './releaseDeployments.ts';
import {
  changesBackfillSchema,
  fromDeferred,
  horizonCutoff,
  listedPullRequestsSchema,
  partitionByReach,
  pullRequestKey,
  toDeferred,
  type ChangesBackfill,
  type ListedPullRequest,
} from './pullRequestReach.ts';

export const CHANGES_STREAM = 'git.changes';

/** The service caps the pull request list's `$top` at 1000. */
const LARGEST_TOP = 1000;

type Counter = { pages: number; items: number };

/** Pages in newest-first order let the first backfill stop at the horizon. */
const newestFirst = (times: readonly number[]): boolean =>
  times.every((time, index) => index === 0 || time <= (times[index - 1] ?? time));

/**
 * Pull requests completed (into any branch) since the project's watermark, by `$top/$skip` offset paging:
 * the list has no token. Newest first, so a pull request completed while paging pushes the rest down
 * one place: it repeats one (deduplicated by id) rather than skipping one, and is read next run. The
 * first backfill stops at the horizon (`SEIKA_DELIVERY_HORIZON_DAYS` before the newest one). Those whose
 * details were asked at the watermark's time (`searchCriteria.minTime` is inclusive) are left out.
 */
async function listPullRequests(
  context: StreamContext,
  project: ProjectRef,
  from: string | undefined,
  askedAtWatermark: ReadonlySet<string>,
  counter: Counter,
): Promise<ListedPullRequest[]> {
  const { organization, connection } = context;
  const delivery = requireDelivery(context, CHANGES_STREAM);
  const top = pageSizeFor(context.maxPageSize, LARGEST_TOP);
  const horizonDays = syncSettings(context.settings).deliveryHorizonDays;
  const segment = projectSegment(project.name);
  const found = new Map<string, ListedPullRequest>();
  let cutoff = from === undefined ? undefined : Date.parse(from);
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
    // A pull request the normaliser quarantined is left out here too; the page's others carry on.
    const sources = new Map(
      sortRecords(
        listedItems('git.pullRequests', body),
        listedPullRequestsSchema.shape.value.element,
        (listed) =>
          [
            pullRequestKey({ repository: listed.repository.id, pullRequestId: listed.pullRequestId }),
            listed.sourceRefName,
          ] as const,
      ).records,
    );
    const times = pullRequests.map((pullRequest) => pullRequest.mergedAt);
    if (from === undefined && skip === 0) cutoff = horizonCutoff(Math.max(...times, 0), horizonDays);
    for (const pullRequest of pullRequests) {
      const key = pullRequestKey(pullRequest);
      if (askedAtWatermark.has(key) || (cutoff !== undefined && pullRequest.mergedAt < cutoff)) continue;
      found.set(key, {
        project: project.id,
        repository: pullRequest.repository,
        pullRequestId: pullRequest.pullRequestId,
        sourceBranch: sources.get(key) ?? '',
        targetBranch: pullRequest.targetBranch,
        mergedAt: pullRequest.mergedAt,
        mergeCommitSha: pullRequest.mergeCommitSha,
      });
    }
    await context.progress.page(pullRequests.length);
    if (valueCount(body) < top) break;
    const oldest = times.at(-1);
    if (from === undefined && cutoff !== undefined && newestFirst(times) && (oldest ?? 0) < cutoff) break;
  }
  return [...found.values()];
}

const BACKFILL_KEY = `${CHANGES_STREAM}#backfill`;
/** The newest push read per deployed branch (`pushes.ts`). */
const PUSHES_KEY = `${CHANGES_STREAM}#pushes`;

/**
 * Changes for lead time: completed pull requests with their commits and work items, and commits pushed
 * to deployed branches (a commit that a pull request stands for is left out when changes are read). Only
 * pull requests whose branch reaches a deployed branch, within the horizon, get their details and commits
 * asked (two requests each); the others wait in the backfill state until their branch does. The branch
 * commits are read when a pipeline run moved the builds watermark (`buildsGate`).
 */
export async function collectChanges(context: StreamContext): Promise<StreamResult> {
  const { organization, connection, repository } = context;
  const delivery = requireDelivery(context, CHANGES_STREAM);
  const horizonDays = syncSettings(context.settings).deliveryHorizonDays;
  const previous =
    readWatermark(
      CHANGES_STREAM,
      pullRequestsWatermarkSchema,
      await repository.getWatermark(organization, CHANGES_STREAM),
    ) ?? {};
  const backfill: ChangesBackfill = readWatermark(
    BACKFILL_KEY,
    changesBackfillSchema,
    await repository.getWatermark(organization, BACKFILL_KEY),
  ) ?? { deferred: [], atWatermark: {}, reaching: [], defaultBranches: {} };
  const previousPushes =
    readWatermark(
      PUSHES_KEY,
      pushesWatermarkSchema,
      await repository.getWatermark(organization, PUSHES_KEY),
    ) ?? {};
  const gate = await buildsGate(context, CHANGES_STREAM);
  const next = { ...previous };
  const nextPushes = { ...previousPushes };
  const nextBackfill: ChangesBackfill = { ...backfill, deferred: [], atWatermark: {} };
  const counter: Counter = { pages: 0, items: 0 };
  const work: { project: ProjectRef; pullRequest: ListedPullRequest }[] = [];
  // The stored branch commits, read once per run and only when some pull request needs them.
  let history: Set<string> | undefined;
  const historyLookup = async () => {
    history ??= new Set(
      (await delivery.listBranchCommits(organization)).map(
        (commit) => `${commit.repository.toLowerCase()}|${commit.sha.toLowerCase()}`,
      ),
    );
    const known = history;
    return (repositoryId: string, sha: string) => known.has(`${repositoryId}|${sha}`);
  };
  for (const project of await listProjects(connection)) {
    const key = `pr:${project.id}`;
    const asked = new Set(backfill.atWatermark[project.id] ?? []);
    const listed = await listPullRequests(context, project, previous[key], asked, counter);
    const position = nextTimeFrom(
      previous[key],
      listed.map((pullRequest) => pullRequest.mergedAt),
    );
    if (position !== undefined) next[key] = position;
    const cutoff = horizonCutoff(position === undefined ? undefined : Date.parse(position), horizonDays);
    const pending = new Map<string, ListedPullRequest>();
    for (const waiting of backfill.deferred.filter((deferred) => deferred.project === project.id)) {
      pending.set(pullRequestKey(waiting), fromDeferred(waiting));
    }
    for (const pullRequest of listed) pending.set(pullRequestKey(pullRequest), pullRequest);
    const inHorizon = [...pending.values()].filter(
      (pullRequest) => cutoff === undefined || pullRequest.mergedAt >= cutoff,
    );
    const unknownDefault = listed.some(
      (pullRequest) => !(pullRequest.repository.toLowerCase() in nextBackfill.defaultBranches),
    );
    if (!gate.unchanged || unknownDefault) {
      const repositories = await listRepositories(context, project);
      for (const repo of repositories) {
        if (repo.defaultBranch) nextBackfill.defaultBranches[repo.id.toLowerCase()] = repo.defaultBranch;
      }
      if (!gate.unchanged) {
        const direct = await collectDirectCommits(
          context,
          project,
          previous,
          counter,
          repositories,
          previousPushes,
        );
        Object.assign(next, direct.positions);
        Object.assign(nextPushes, direct.pushes);
      }
    }
    const deployed = await delivery.deployedBranches(organization);
    const byBranch = partitionByReach(
      inHorizon,
      deployed,
      nextBackfill.defaultBranches,
      nextBackfill.reaching,
    );
    const reach =
      byBranch.deferred.length === 0
        ? byBranch
        : partitionByReach(
            inHorizon,
            deployed,
            nextBackfill.defaultBranches,
            nextBackfill.reaching,
            await historyLookup(),
          );
    nextBackfill.reaching = reach.reaching;
    nextBackfill.deferred.push(...reach.deferred.map(toDeferred));
    work.push(...reach.needed.map((pullRequest) => ({ project, pullRequest })));
    const newest = position === undefined ? undefined : Date.parse(position);
    nextBackfill.atWatermark[project.id] = listed
      .filter((pullRequest) => pullRequest.mergedAt === newest)
      .map(pullRequestKey)
      .concat(newest === undefined || newest !== Date.parse(previous[key] ?? '') ? [] : [...asked]);
  }
  // The per-pull-request questions, with "done of known" as the progress and the ETA's pace.
  let done = 0;
  await eachConcurrently(work, PER_PARENT_CONCURRENCY, async ({ project, pullRequest }) => {
    await collectPullRequestDetails(context, project, pullRequest, counter);
    counter.items += 1;
    done += 1;
    await context.progress.counted(done, work.length);
  });
  await repository.setWatermark(organization, CHANGES_STREAM, JSON.stringify(next));
  await repository.setWatermark(organization, BACKFILL_KEY, JSON.stringify(nextBackfill));
  await repository.setWatermark(organization, PUSHES_KEY, JSON.stringify(nextPushes));
  if (!gate.unchanged) await gate.passed(false);
  return counter;
}

export const changesStream: SyncStream = {
  name: CHANGES_STREAM,
  access: { scopes: ['vso.code'], feature: 'delivery' },
  needsDelivery: true,
  // Which branches are deployed comes from the stored deployments; the branch commits wait on builds.
  after: [BUILDS_STREAM, ENVIRONMENTS_STREAM, RELEASES_STREAM],
  run: collectChanges,
};
