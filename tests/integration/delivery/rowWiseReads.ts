/**
 * The delivery change reads as they were before they were aggregated in the database (one row per pull
 * request commit, work item link and build change answer, grouped in JavaScript): the reference
 * aggregatedReads.test.ts holds the aggregated reads to.
 */
import type { BuildCommitsRecord, ChangeRecord } from '../../../service/src/domain/delivery.ts';
import type { ProjectScope } from '../../../service/src/storage/delivery/repository.ts';
import { projectFilter } from '../../../service/src/storage/sql/delivery/reads.ts';
import { integer, optionalText, text } from '../../../service/src/storage/sql/rows.ts';
import type { SqlExecutor, SqlRow } from '../../../service/src/storage/sql/sqlDatabase.ts';

function group<T>(rows: readonly SqlRow[], key: (row: SqlRow) => string, value: (row: SqlRow) => T) {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(key(row));
    if (list === undefined) grouped.set(key(row), [value(row)]);
    else list.push(value(row));
  }
  return grouped;
}

const pullRequestKey = (row: SqlRow) => `${text(row, 'repository_id')}|${integer(row, 'pull_request_id')}`;

/** Completed pull requests with their commits; one without any stored commit has no first commit yet. */
async function readPullRequestChanges(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
): Promise<ChangeRecord[]> {
  const filter = projectFilter('p.project', projects);
  // The project's pull requests drive the join (CROSS JOIN fixes that order in SQLite, which would
  // otherwise walk the organization's commits in key order to spare a sort).
  const scoped = (table: string) => `FROM delivery_pull_requests p CROSS JOIN ${table} x
    WHERE x.organization = p.organization AND x.repository_id = p.repository_id
      AND x.pull_request_id = p.pull_request_id AND p.organization = ?${filter.sql}`;
  const params = [organization, ...filter.params];
  const pullRequests = await executor.all(
    `SELECT * FROM delivery_pull_requests p WHERE p.organization = ?${filter.sql}
     ORDER BY p.repository_id, p.pull_request_id`,
    params,
  );
  const commits = group(
    await executor.all(
      `SELECT x.repository_id, x.pull_request_id, x.sha, x.authored_at ${scoped('delivery_pull_request_commits')}
       ORDER BY x.repository_id, x.pull_request_id, x.authored_at, x.sha`,
      params,
    ),
    pullRequestKey,
    (row) => ({ sha: text(row, 'sha'), authoredAt: integer(row, 'authored_at') }),
  );
  const workItems = group(
    await executor.all(
      `SELECT x.repository_id, x.pull_request_id, x.work_item_id ${scoped('delivery_pull_request_work_items')}
       ORDER BY x.work_item_id`,
      params,
    ),
    pullRequestKey,
    (row) => integer(row, 'work_item_id'),
  );
  const changes: ChangeRecord[] = [];
  for (const row of pullRequests) {
    const own = commits.get(pullRequestKey(row));
    if (own === undefined || own.length === 0) continue;
    const repository = text(row, 'repository_id');
    const pullRequestId = integer(row, 'pull_request_id');
    const mergeCommitSha = optionalText(row, 'merge_commit_sha');
    changes.push({
      kind: 'pullRequest',
      id: `pr:${repository}:${pullRequestId}`,
      project: text(row, 'project'),
      repository,
      targetBranch: text(row, 'target_branch'),
      firstCommitAuthoredAt: Math.min(...own.map((commit) => commit.authoredAt)),
      commitShas: [
        ...new Set([...(mergeCommitSha === null ? [] : [mergeCommitSha]), ...own.map((c) => c.sha)]),
      ],
      workItemIds: workItems.get(pullRequestKey(row)) ?? [],
      provenance: { rawPageId: integer(row, 'raw_page_id') },
      pullRequestId,
      createdAt: integer(row, 'created_at'),
      mergedAt: integer(row, 'merged_at'),
      mergeCommitSha,
      ownCommits: own,
    });
  }
  return changes;
}

/** Commits of deployed branches that are neither a pull request's merge commit nor one of its commits. */
async function readDirectCommitChanges(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
): Promise<ChangeRecord[]> {
  const filter = projectFilter('c.project', projects);
  const rows = await executor.all(
    `SELECT c.* FROM delivery_commits c WHERE c.organization = ?${filter.sql}
       AND NOT EXISTS (SELECT 1 FROM delivery_pull_requests p WHERE p.organization = c.organization
         AND p.repository_id = c.repository_id AND p.merge_commit_sha = c.sha)
       AND NOT EXISTS (SELECT 1 FROM delivery_pull_request_commits pc WHERE pc.organization = c.organization
         AND pc.repository_id = c.repository_id AND pc.sha = c.sha)
     ORDER BY c.repository_id, c.committed_at, c.sha`,
    [organization, ...filter.params],
  );
  return rows.map((row): ChangeRecord => {
    const repository = text(row, 'repository_id');
    const sha = text(row, 'sha');
    const workItemIds: unknown = JSON.parse(text(row, 'work_item_ids'));
    if (!Array.isArray(workItemIds) || !workItemIds.every((id) => typeof id === 'number')) {
      throw new Error('Stored commit work item ids are not a list of numbers');
    }
    return {
      kind: 'commit',
      id: `commit:${repository}:${sha}`,
      project: text(row, 'project'),
      repository,
      targetBranch: text(row, 'branch'),
      firstCommitAuthoredAt: integer(row, 'authored_at'),
      commitShas: [sha],
      workItemIds,
      provenance: { rawPageId: integer(row, 'raw_page_id') },
      sha,
    };
  });
}

export async function rowWiseChanges(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
): Promise<ChangeRecord[]> {
  return [
    ...(await readPullRequestChanges(executor, organization, projects)),
    ...(await readDirectCommitChanges(executor, organization, projects)),
  ];
}

/**
 * One record per build: every commit any question about it reported (build ids are unique per
 * organization). With projects, only the builds their deployments deployed (a classic release may deploy
 * another project's build): the engine links other builds' changes too, but no figure of the scope reads
 * them, and at 200,000 builds the organization's answers are most of what a project's view would read.
 */
export async function rowWiseBuildCommits(
  executor: SqlExecutor,
  organization: string,
  projects?: ProjectScope,
): Promise<BuildCommitsRecord[]> {
  const filter = projectFilter('d.project', projects);
  const scoped =
    projects === undefined
      ? ''
      : ` AND to_build_id IN (SELECT d.build_id FROM delivery_deployments d
          WHERE d.organization = ? AND d.build_id IS NOT NULL${filter.sql})`;
  const rows = await executor.all(
    `SELECT to_build_id, sha, raw_page_id FROM delivery_build_changes WHERE organization = ?${scoped}
     ORDER BY to_build_id, sha`,
    projects === undefined ? [organization] : [organization, organization, ...filter.params],
  );
  const byBuild = new Map<number, { shas: Set<string>; rawPageId: number }>();
  for (const row of rows) {
    const buildId = integer(row, 'to_build_id');
    const rawPageId = integer(row, 'raw_page_id');
    const known = byBuild.get(buildId);
    if (known === undefined) byBuild.set(buildId, { shas: new Set([text(row, 'sha')]), rawPageId });
    else {
      known.shas.add(text(row, 'sha'));
      known.rawPageId = Math.max(known.rawPageId, rawPageId);
    }
  }
  return [...byBuild].map(([buildId, { shas, rawPageId }]) => ({
    buildId,
    commitShas: [...shas],
    provenance: { rawPageId },
  }));
}
