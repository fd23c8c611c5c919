/**
 * The changes and build commits a delivery view reads. A project holding 200,000 builds has about 480,000
 * pull request commits and 780,000 build change rows: read one row per pull request and per build, with
 * their lists aggregated in the database (`string_agg` in both PostgreSQL and SQLite ≥ 3.44), since
 * building an object per row cost more than the metrics computed from them.
 */
import type { BuildCommitsRecord, ChangeRecord, PullRequestCommit } from '../../../domain/delivery.ts';
import type { ProjectScope } from '../../delivery/repository.ts';
import { integer, optionalText, text } from '../rows.ts';
import type { SqlExecutor, SqlRow } from '../sqlDatabase.ts';
import { projectFilter } from './reads.ts';

/** Items of a comma-joined aggregate (SHAs and integers hold no comma); NULL when nothing was joined. */
function joined(row: SqlRow, column: string): string[] {
  const value = optionalText(row, column);
  return value === null || value === '' ? [] : value.split(',');
}

/** Numbers of a joined aggregate, as `integer` reads a column (SQLite keeps a non-integral value given). */
function joinedNumbers(row: SqlRow, column: string): number[] {
  return joined(row, column).map((item) => {
    const value = Number(item);
    if (!Number.isFinite(value)) throw new Error(`Column ${column} holds "${item}", not a number`);
    return value;
  });
}

/**
 * A pull request's commits as `sha authoredAt` pairs, oldest authored first (then by SHA), and its linked
 * work items in id order.
 */
const PULL_REQUEST_SELECT = `SELECT p.repository_id, p.pull_request_id, p.project, p.target_branch,
    p.created_at, p.merged_at, p.merge_commit_sha, p.raw_page_id,
    (SELECT string_agg(x.sha || ' ' || CAST(x.authored_at AS TEXT), ',' ORDER BY x.authored_at, x.sha)
      FROM delivery_pull_request_commits x
      WHERE x.organization = p.organization AND x.repository_id = p.repository_id
        AND x.pull_request_id = p.pull_request_id) AS commits,
    (SELECT string_agg(CAST(w.work_item_id AS TEXT), ',' ORDER BY w.work_item_id)
      FROM delivery_pull_request_work_items w
      WHERE w.organization = p.organization AND w.repository_id = p.repository_id
        AND w.pull_request_id = p.pull_request_id) AS work_item_ids
  FROM delivery_pull_requests p`;

function commitOf(pair: string): PullRequestCommit {
  const space = pair.indexOf(' ');
  const authoredAt = Number(pair.slice(space + 1));
  if (space < 0 || !Number.isFinite(authoredAt)) throw new Error(`Stored pull request commit "${pair}"`);
  return { sha: pair.slice(0, space), authoredAt };
}

function pullRequestChange(row: SqlRow): ChangeRecord | null {
  const ownCommits = joined(row, 'commits').map(commitOf);
  // One without any stored commit has no first commit yet.
  const first = ownCommits[0];
  if (first === undefined) return null;
  const repository = text(row, 'repository_id');
  const pullRequestId = integer(row, 'pull_request_id');
  const mergeCommitSha = optionalText(row, 'merge_commit_sha');
  const shas = ownCommits.map((commit) => commit.sha);
  return {
    kind: 'pullRequest',
    id: `pr:${repository}:${pullRequestId}`,
    project: text(row, 'project'),
    repository,
    targetBranch: text(row, 'target_branch'),
    // Ordered by authored time, so the first is the earliest.
    firstCommitAuthoredAt: first.authoredAt,
    commitShas: [...new Set([...(mergeCommitSha === null ? [] : [mergeCommitSha]), ...shas])],
    workItemIds: joinedNumbers(row, 'work_item_ids'),
    provenance: { rawPageId: integer(row, 'raw_page_id') },
    pullRequestId,
    createdAt: integer(row, 'created_at'),
    mergedAt: integer(row, 'merged_at'),
    mergeCommitSha,
    ownCommits,
  };
}

/** Completed pull requests with their commits and linked work items. */
async function readPullRequestChanges(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
): Promise<ChangeRecord[]> {
  const filter = projectFilter('p.project', projects);
  const changes = await executor.mapRows(
    `${PULL_REQUEST_SELECT} WHERE p.organization = ?${filter.sql} ORDER BY p.repository_id, p.pull_request_id`,
    [organization, ...filter.params],
    pullRequestChange,
  );
  return changes.filter((change) => change !== null);
}

/** Commits of deployed branches that are neither a pull request's merge commit nor one of its commits. */
async function readDirectCommitChanges(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
): Promise<ChangeRecord[]> {
  const filter = projectFilter('c.project', projects);
  return executor.mapRows(
    `SELECT c.repository_id, c.sha, c.project, c.branch, c.authored_at, c.work_item_ids, c.raw_page_id
     FROM delivery_commits c WHERE c.organization = ?${filter.sql}
       AND NOT EXISTS (SELECT 1 FROM delivery_pull_requests p WHERE p.organization = c.organization
         AND p.repository_id = c.repository_id AND p.merge_commit_sha = c.sha)
       AND NOT EXISTS (SELECT 1 FROM delivery_pull_request_commits pc WHERE pc.organization = c.organization
         AND pc.repository_id = c.repository_id AND pc.sha = c.sha)
     ORDER BY c.repository_id, c.committed_at, c.sha`,
    [organization, ...filter.params],
    (row): ChangeRecord => {
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
    },
  );
}

export async function readChanges(
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
 * organization), in SHA order. With projects, only the builds their deployments deployed (a classic
 * release may deploy another project's build): the engine links other builds' changes too, but no figure
 * of the scope reads them, and at 200,000 builds the organization's answers are most of what a project's
 * view would read.
 */
export async function readBuildCommits(
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
  // A commit answered for several earlier builds comes once per answer: adjacent in SHA order.
  return executor.mapRows(
    `SELECT to_build_id, string_agg(sha, ',' ORDER BY sha) AS shas, MAX(raw_page_id) AS raw_page_id
     FROM delivery_build_changes WHERE organization = ?${scoped}
     GROUP BY to_build_id ORDER BY to_build_id`,
    projects === undefined ? [organization] : [organization, organization, ...filter.params],
    (row) => ({
      buildId: integer(row, 'to_build_id'),
      commitShas: [...new Set(joined(row, 'shas'))],
      provenance: { rawPageId: integer(row, 'raw_page_id') },
    }),
  );
}
