import {
  CLASSIC_DEPLOYMENT_STATUSES,
  DEPLOYMENT_OUTCOMES,
  ENVIRONMENT_DEPLOYMENT_RESULTS,
  type BuildCommitsRecord,
  type ChangeRecord,
  type DeploymentOutcome,
  type DeploymentRecord,
  type DeploymentSource,
} from '../../../domain/delivery.ts';
import {
  buildChangesQueryKey,
  type BranchCommitRow,
  type DeliveryRowCounts,
  type ProjectScope,
} from '../../delivery/repository.ts';
import { integer, optionalInteger, optionalText, text } from '../rows.ts';
import { placeholders, type SqlExecutor, type SqlRow, type SqlValue } from '../sqlDatabase.ts';

const SOURCES: readonly DeploymentSource[] = ['environment', 'classicRelease', 'pipelineStage'];
const RAW_RESULTS: readonly DeploymentRecord['rawResult'][] = [
  ...ENVIRONMENT_DEPLOYMENT_RESULTS,
  ...CLASSIC_DEPLOYMENT_STATUSES,
];

/** `AND column IN (…)` for a project scope, with its parameters. */
export function projectFilter(column: string, projects: ProjectScope): { sql: string; params: SqlValue[] } {
  if (projects === undefined) return { sql: '', params: [] };
  if (projects.length === 0) return { sql: ' AND 1 = 0', params: [] };
  return { sql: ` AND ${column} IN (${placeholders(projects.length)})`, params: [...projects] };
}

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`Stored ${column} "${value}" is not a known value`);
  return found;
}

function toDeployment(row: SqlRow): DeploymentRecord {
  const rawResult = text(row, 'raw_result');
  return {
    id: text(row, 'deployment_id'),
    source: oneOf(SOURCES, text(row, 'source'), 'deployment source'),
    project: text(row, 'project'),
    pipelineId: integer(row, 'pipeline_id'),
    pipelineName: text(row, 'pipeline_name'),
    environmentName: optionalText(row, 'environment_name'),
    stageName: text(row, 'stage_name'),
    buildId: optionalInteger(row, 'build_id'),
    releaseId: optionalInteger(row, 'release_id'),
    repository: optionalText(row, 'repository'),
    sourceBranch: optionalText(row, 'branch'),
    sourceVersion: optionalText(row, 'version'),
    attempt: integer(row, 'attempt'),
    queuedAt: optionalInteger(row, 'queued_at'),
    startedAt: optionalInteger(row, 'started_at'),
    finishedAt: optionalInteger(row, 'finished_at'),
    outcome: oneOf<DeploymentOutcome>(DEPLOYMENT_OUTCOMES, text(row, 'outcome'), 'deployment outcome'),
    rawResult: oneOf(RAW_RESULTS, rawResult, 'deployment result'),
    provenance: { rawPageId: integer(row, 'raw_page_id') },
  };
}

/** The build's commit, branch and repository fill in what the deployment record itself does not say. */
const DEPLOYMENT_SELECT = `SELECT d.*, COALESCE(d.repository_id, b.repository_id) AS repository,
    COALESCE(d.source_branch, b.source_branch) AS branch, COALESCE(d.source_version, b.source_version) AS version
  FROM delivery_deployments d
  LEFT JOIN delivery_builds b ON b.organization = d.organization AND b.build_id = d.build_id`;

export async function readDeployments(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
): Promise<DeploymentRecord[]> {
  const filter = projectFilter('d.project', projects);
  const rows = await executor.all(
    `${DEPLOYMENT_SELECT} WHERE d.organization = ? AND d.raw_result IS NOT NULL${filter.sql} ORDER BY d.deployment_id`,
    [organization, ...filter.params],
  );
  return rows.map(toDeployment);
}

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
 * organization). With projects, only the builds their deployments deployed (a classic release may deploy
 * another project's build): the engine links other builds' changes too, but no figure of the scope reads
 * them, and at 200,000 builds the organization's answers are most of what a project's view would read.
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

export async function readAnsweredBuildChangeQueries(
  executor: SqlExecutor,
  organization: string,
): Promise<Set<string>> {
  const rows = await executor.all(
    'SELECT to_build_id, from_build_id FROM delivery_build_change_queries WHERE organization = ?',
    [organization],
  );
  return new Set(
    rows.map((row) => {
      const from = integer(row, 'from_build_id');
      return buildChangesQueryKey(from === 0 ? null : from, integer(row, 'to_build_id'));
    }),
  );
}

export async function readBranchCommits(
  executor: SqlExecutor,
  organization: string,
): Promise<BranchCommitRow[]> {
  const rows = await executor.all(
    'SELECT repository_id, branch, sha, committed_at, parent_ids FROM delivery_commits WHERE organization = ?',
    [organization],
  );
  return rows.map((row) => ({
    repository: text(row, 'repository_id'),
    branch: text(row, 'branch'),
    sha: text(row, 'sha'),
    committedAt: integer(row, 'committed_at'),
    parentIds: storedParents(optionalText(row, 'parent_ids')),
  }));
}

function storedParents(json: string | null): string[] | null {
  if (json === null) return null;
  const parents: unknown = JSON.parse(json);
  if (!Array.isArray(parents) || !parents.every((sha): sha is string => typeof sha === 'string')) {
    throw new Error('Stored commit parents are not a list of SHAs');
  }
  return parents;
}

export async function readDeployedBranches(
  executor: SqlExecutor,
  organization: string,
): Promise<Map<string, string[]>> {
  const rows = await executor.all(
    `SELECT DISTINCT x.repository, x.branch FROM (${DEPLOYMENT_SELECT} WHERE d.organization = ?) x
     ORDER BY x.repository, x.branch`,
    [organization],
  );
  const branches = new Map<string, string[]>();
  for (const row of rows) {
    const repository = optionalText(row, 'repository');
    const branch = optionalText(row, 'branch');
    if (repository === null || branch === null || !branch.startsWith('refs/heads/')) continue;
    branches.set(repository, [...(branches.get(repository) ?? []), branch]);
  }
  return branches;
}

export async function countDeliveryRows(
  executor: SqlExecutor,
  organization: string,
): Promise<DeliveryRowCounts> {
  const count = async (table: string): Promise<number> => {
    const row = await executor.get(`SELECT COUNT(*) AS n FROM ${table} WHERE organization = ?`, [
      organization,
    ]);
    return row === undefined ? 0 : integer(row, 'n');
  };
  return {
    builds: await count('delivery_builds'),
    deployments: await count('delivery_deployments'),
    pullRequests: await count('delivery_pull_requests'),
    pullRequestCommits: await count('delivery_pull_request_commits'),
    commits: await count('delivery_commits'),
    buildChanges: await count('delivery_build_changes'),
    buildChangeQueries: await count('delivery_build_change_queries'),
  };
}
