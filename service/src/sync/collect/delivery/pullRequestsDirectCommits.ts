import { z } from 'zod';
import { DELIVERY_PAGE_NORMALISERS } from '../../normalise/delivery/pages.ts';
import { parsePage } from '../../normalise/delivery/parse.ts';
import { branchCommitsKey, branchPushesKey, nextTimeFrom } from '../../normalise/delivery/watermarks.ts';
import { nextPushPosition, type PushPosition } from '../../normalise/delivery/pushes.ts';
import { collectPushCommits, newestPush, pushesSince } from './pushedCommits.ts';
import { pushesToAsk } from '../../normalise/delivery/pushes.ts';
import type { StreamContext } from '../../stream.ts';
import { getBody, pathWithQuery, projectSegment, requireDelivery, storePage } from './shared.ts';
import type { ProjectRef } from '../projects.ts';
import { gitCommitSchema } from '../../normalise/delivery/git.ts';
import { listedItems, sortRecords } from '../../normalise/quarantine.ts';

export const repositoriesSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().min(1),
      defaultBranch: z.string().nullish(),
      isDisabled: z.boolean().nullish(),
    }),
  ),
});

export type RepositoryRef = z.output<typeof repositoriesSchema>['value'][number];

/** The project's repositories (one request). */
export async function listRepositories(
  context: StreamContext,
  project: ProjectRef,
): Promise<RepositoryRef[]> {
  const url = pathWithQuery(`${projectSegment(project.name)}/_apis/git/repositories`, {
    'api-version': '7.1',
  });
  return parsePage('git.repositories', repositoriesSchema, await getBody(context.connection, url)).value;
}

/** `searchCriteria.$top` when the sync sets no page size. */
const DEFAULT_TOP = 500;

/**
 * Commits of each repository's default branch and of every branch its deployments were built from.
 * A branch seen for the first time is read in full; after that, only when something was pushed to it
 * since its push watermark: then its commits since the branch's commit-time watermark (with their work
 * items and parents), by `$top/$skip` offset paging (the API has no token; newest first, so a push while
 * paging repeats a commit, never skips one), and each new push's own commits, which adds a commit pushed
 * days after it was made (older than the commit-time watermark) that the listing cannot return.
 */
export async function collectDirectCommits(
  context: StreamContext,
  project: ProjectRef,
  previous: Readonly<Record<string, string>>,
  counter: { pages: number; items: number },
  repositories: readonly RepositoryRef[],
  previousPushes: Readonly<Record<string, PushPosition>>,
): Promise<{ positions: Record<string, string>; pushes: Record<string, PushPosition> }> {
  const { organization, connection } = context;
  const delivery = requireDelivery(context, 'git.changes');
  const top = context.maxPageSize ?? DEFAULT_TOP;
  const segment = projectSegment(project.name);
  const deployed = await delivery.deployedBranches(organization);
  const positions: Record<string, string> = {};
  const pushes: Record<string, PushPosition> = {};
  for (const repo of repositories) {
    if (repo.isDisabled === true) continue;
    const repositoryId = repo.id.toLowerCase();
    const branches = new Set([
      ...(repo.defaultBranch ? [repo.defaultBranch] : []),
      ...(deployed.get(repositoryId) ?? []),
    ]);
    for (const branch of branches) {
      const key = branchCommitsKey(repositoryId, branch);
      const ref = { project: project.name, segment, repositoryId: repo.id, branch };
      const pushKey = branchPushesKey(repositoryId, branch);
      const pushPosition = previousPushes[pushKey];
      const pushed =
        pushPosition === undefined ? [] : await pushesSince(context, delivery, ref, pushPosition, counter);
      const nextPush =
        pushPosition === undefined
          ? await newestPush(context, delivery, ref, counter)
          : nextPushPosition(pushPosition, pushed);
      if (nextPush !== undefined) pushes[pushKey] = nextPush;
      // Nothing pushed since the last read: the branch's commits are stored as they are.
      if (pushPosition !== undefined && pushed.length === 0) continue;
      const times: number[] = [];
      const listedParents = new Map<string, readonly string[] | null>();
      for (let skip = 0; ; skip += top) {
        const url = pathWithQuery(`${segment}/_apis/git/repositories/${repo.id}/commits`, {
          'searchCriteria.itemVersion.version': branch.replace(/^refs\/heads\//, ''),
          'searchCriteria.itemVersion.versionType': 'branch',
          'searchCriteria.fromDate': previous[key],
          'searchCriteria.includeWorkItems': 'true',
          'searchCriteria.$top': top,
          'searchCriteria.$skip': skip,
          'api-version': '7.1',
        });
        const body = await getBody(connection, url);
        // A commit without the fields Seika reads is quarantined by the normaliser; the rest count.
        const listed = listedItems('git.commits', body);
        const commits = sortRecords(listed, gitCommitSchema, (commit) => commit).records;
        await storePage(
          delivery,
          organization,
          'git.commits',
          { url, requestToken: String(skip), responseToken: null, isLastBatch: listed.length < top },
          { project: project.name, repository: repositoryId, branch },
          body,
          DELIVERY_PAGE_NORMALISERS['git.commits'],
        );
        counter.pages += 1;
        counter.items += commits.length;
        times.push(...commits.map((commit) => commit.committer.date));
        for (const commit of commits)
          listedParents.set(commit.commitId.toLowerCase(), commit.parents ?? null);
        await context.progress.page(commits.length);
        if (listed.length < top) break;
      }
      for (const push of pushesToAsk(pushed, branch, listedParents))
        await collectPushCommits(context, delivery, ref, push, counter);
      const position = nextTimeFrom(previous[key], times);
      if (position !== undefined) positions[key] = position;
    }
  }
  return { positions, pushes };
}
