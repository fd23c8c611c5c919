import { z } from 'zod';
import { DELIVERY_PAGE_NORMALISERS } from '../../normalise/delivery/pages.ts';
import { parsePage } from '../../normalise/delivery/parse.ts';
import { branchCommitsKey, nextTimeFrom } from '../../normalise/delivery/watermarks.ts';
import type { StreamContext } from '../../stream.ts';
import { getBody, pathWithQuery, projectSegment, requireDelivery, storePage } from './shared.ts';
import type { ProjectRef } from '../projects.ts';
import { commitsResponseSchema } from '../../normalise/delivery/git.ts';

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
 * Commits of each repository's default branch and of every branch its deployments were built from,
 * since the branch's own watermark (commit time), by `$top/$skip` offset paging (the API has no token).
 * Newest first: a push while paging repeats a commit (an idempotent upsert), never skips one.
 */
export async function collectDirectCommits(
  context: StreamContext,
  project: ProjectRef,
  previous: Readonly<Record<string, string>>,
  counter: { pages: number; items: number },
  repositories: readonly RepositoryRef[],
): Promise<Record<string, string>> {
  const { organization, connection } = context;
  const delivery = requireDelivery(context, 'git.changes');
  const top = context.maxPageSize ?? DEFAULT_TOP;
  const segment = projectSegment(project.name);
  const deployed = await delivery.deployedBranches(organization);
  const positions: Record<string, string> = {};
  for (const repo of repositories) {
    if (repo.isDisabled === true) continue;
    const repositoryId = repo.id.toLowerCase();
    const branches = new Set([
      ...(repo.defaultBranch ? [repo.defaultBranch] : []),
      ...(deployed.get(repositoryId) ?? []),
    ]);
    for (const branch of branches) {
      const key = branchCommitsKey(repositoryId, branch);
      const times: number[] = [];
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
        const commits = parsePage('git.commits', commitsResponseSchema, body).value;
        await storePage(
          delivery,
          organization,
          'git.commits',
          { url, requestToken: String(skip), responseToken: null, isLastBatch: commits.length < top },
          { project: project.name, repository: repositoryId, branch },
          body,
          DELIVERY_PAGE_NORMALISERS['git.commits'],
        );
        counter.pages += 1;
        counter.items += commits.length;
        times.push(...commits.map((commit) => commit.committer.date));
        await context.progress.page(commits.length);
        if (commits.length < top) break;
      }
      const position = nextTimeFrom(previous[key], times);
      if (position !== undefined) positions[key] = position;
    }
  }
  return positions;
}
