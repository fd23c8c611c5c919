import type {
  BuildChangesQuery,
  BuildRow,
  CommitRow,
  DeploymentRow,
  IncidentLinksRow,
  PullRequestCommitRow,
  PullRequestKey,
  PullRequestRow,
} from '../../delivery/repository.ts';
import { insertMany, type SqlExecutor, type SqlValue } from '../sqlDatabase.ts';

/** Row writers of the delivery tables; each runs inside the apply's transaction. */

const BUILD_COLUMNS = [
  'organization',
  'build_id',
  'project',
  'definition_id',
  'definition_name',
  'status',
  'result',
  'reason',
  'queued_at',
  'started_at',
  'finished_at',
  'source_branch',
  'source_version',
  'repository_id',
  'raw_page_id',
] as const;
const DEPLOYMENT_COLUMNS = [
  'organization',
  'deployment_id',
  'source',
  'project',
  'pipeline_id',
  'pipeline_name',
  'environment_name',
  'stage_name',
  'build_id',
  'release_id',
  'repository_id',
  'source_branch',
  'source_version',
  'attempt',
  'queued_at',
  'started_at',
  'finished_at',
  'outcome',
  'raw_result',
  'raw_page_id',
] as const;
const PULL_REQUEST_COLUMNS = [
  'organization',
  'repository_id',
  'pull_request_id',
  'project',
  'target_branch',
  'created_at',
  'merged_at',
  'merge_commit_sha',
  'raw_page_id',
] as const;
const PULL_REQUEST_COMMIT_COLUMNS = [
  'organization',
  'repository_id',
  'pull_request_id',
  'sha',
  'authored_at',
  'raw_page_id',
] as const;
const COMMIT_COLUMNS = [
  'organization',
  'repository_id',
  'sha',
  'project',
  'branch',
  'authored_at',
  'committed_at',
  'work_item_ids',
  'raw_page_id',
  'parent_ids',
] as const;
const BUILD_CHANGE_COLUMNS = ['organization', 'to_build_id', 'from_build_id', 'sha', 'raw_page_id'] as const;

/** `ON CONFLICT (key) DO UPDATE SET` every other column: a later page's row replaces an earlier one's. */
function upsert(columns: readonly string[], key: readonly string[]): string {
  const set = columns
    .filter((column) => !key.includes(column))
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set}`;
}

/** PostgreSQL refuses an upsert that touches one key twice: keep the last row per key. */
function lastByKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
}

export interface WriteTarget {
  executor: SqlExecutor;
  organization: string;
  rawPageId: number;
}

export function writeBuilds({ executor, organization, rawPageId }: WriteTarget, builds: readonly BuildRow[]) {
  return insertMany(
    executor,
    'delivery_builds',
    BUILD_COLUMNS,
    lastByKey(builds, (build) => String(build.id)).map((build): SqlValue[] => [
      organization,
      build.id,
      build.project,
      build.definitionId,
      build.definitionName,
      build.status,
      build.result,
      build.reason,
      build.queuedAt,
      build.startedAt,
      build.finishedAt,
      build.sourceBranch,
      build.sourceVersion,
      build.repository,
      rawPageId,
    ]),
    upsert(BUILD_COLUMNS, ['organization', 'build_id']),
  );
}

export function writeDeployments(
  { executor, organization, rawPageId }: WriteTarget,
  deployments: readonly DeploymentRow[],
) {
  return insertMany(
    executor,
    'delivery_deployments',
    DEPLOYMENT_COLUMNS,
    lastByKey(deployments, (deployment) => deployment.id).map((d): SqlValue[] => [
      organization,
      d.id,
      d.source,
      d.project,
      d.pipelineId,
      d.pipelineName,
      d.environmentName,
      d.stageName,
      d.buildId,
      d.releaseId,
      d.repository,
      d.sourceBranch,
      d.sourceVersion,
      d.attempt,
      d.queuedAt,
      d.startedAt,
      d.finishedAt,
      d.outcome,
      d.rawResult,
      rawPageId,
    ]),
    upsert(DEPLOYMENT_COLUMNS, ['organization', 'deployment_id']),
  );
}

export async function writePullRequests(
  { executor, organization, rawPageId }: WriteTarget,
  pullRequests: readonly PullRequestRow[],
) {
  const rows = lastByKey(pullRequests, (pr) => `${pr.repository}|${pr.pullRequestId}`);
  await insertMany(
    executor,
    'delivery_pull_requests',
    PULL_REQUEST_COLUMNS,
    rows.map((pr): SqlValue[] => [
      organization,
      pr.repository,
      pr.pullRequestId,
      pr.project,
      pr.targetBranch,
      pr.createdAt,
      pr.mergedAt,
      pr.mergeCommitSha,
      rawPageId,
    ]),
    upsert(PULL_REQUEST_COLUMNS, ['organization', 'repository_id', 'pull_request_id']),
  );
  // Work item links are replaced only by pages that list them (the single pull request).
  for (const pr of rows) {
    if (pr.workItemIds === null) continue;
    // The count alone serves the adoption check; NULL (not asked) stays apart from 0 (none linked).
    await executor.run(
      'UPDATE delivery_pull_requests SET work_item_count = ? WHERE organization = ? AND repository_id = ? AND pull_request_id = ?',
      [new Set(pr.workItemIds).size, organization, pr.repository, pr.pullRequestId],
    );
    await executor.run(
      'DELETE FROM delivery_pull_request_work_items WHERE organization = ? AND repository_id = ? AND pull_request_id = ?',
      [organization, pr.repository, pr.pullRequestId],
    );
    await insertMany(
      executor,
      'delivery_pull_request_work_items',
      ['organization', 'repository_id', 'pull_request_id', 'work_item_id', 'raw_page_id'],
      [...new Set(pr.workItemIds)].map((id) => [
        organization,
        pr.repository,
        pr.pullRequestId,
        id,
        rawPageId,
      ]),
    );
  }
}

export function writePullRequestCommits(
  { executor, organization, rawPageId }: WriteTarget,
  pullRequest: PullRequestKey,
  commits: readonly PullRequestCommitRow[],
) {
  return insertMany(
    executor,
    'delivery_pull_request_commits',
    PULL_REQUEST_COMMIT_COLUMNS,
    lastByKey(commits, (commit) => commit.sha).map((commit) => [
      organization,
      pullRequest.repository,
      pullRequest.pullRequestId,
      commit.sha,
      commit.authoredAt,
      rawPageId,
    ]),
    upsert(PULL_REQUEST_COMMIT_COLUMNS, ['organization', 'repository_id', 'pull_request_id', 'sha']),
  );
}

export function writeCommits(
  { executor, organization, rawPageId }: WriteTarget,
  commits: readonly CommitRow[],
) {
  return insertMany(
    executor,
    'delivery_commits',
    COMMIT_COLUMNS,
    lastByKey(commits, (commit) => `${commit.repository}|${commit.sha}`).map((commit): SqlValue[] => [
      organization,
      commit.repository,
      commit.sha,
      commit.project,
      commit.branch,
      commit.authoredAt,
      commit.committedAt,
      JSON.stringify(commit.workItemIds),
      rawPageId,
      commit.parentIds === undefined ? null : JSON.stringify(commit.parentIds),
    ]),
    upsert(COMMIT_COLUMNS, ['organization', 'repository_id', 'sha']),
  );
}

/** The commits of one answer; the question is marked answered by the page that ends the answer. */
export async function writeBuildChanges(
  { executor, organization, rawPageId }: WriteTarget,
  query: BuildChangesQuery,
  commitShas: readonly string[],
) {
  const from = query.fromBuildId ?? 0;
  await insertMany(
    executor,
    'delivery_build_changes',
    BUILD_CHANGE_COLUMNS,
    [...new Set(commitShas)].map((sha) => [organization, query.toBuildId, from, sha, rawPageId]),
    upsert(BUILD_CHANGE_COLUMNS, ['organization', 'to_build_id', 'from_build_id', 'sha']),
  );
  if (!query.complete) return;
  await executor.run(
    `INSERT INTO delivery_build_change_queries (organization, to_build_id, from_build_id, project, raw_page_id)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (organization, to_build_id, from_build_id)
     DO UPDATE SET project = excluded.project, raw_page_id = excluded.raw_page_id`,
    [organization, query.toBuildId, from, query.project, rawPageId],
  );
}

/** Replaces the artifact links of every work item the page lists (a link removed in Azure DevOps goes too). */
export async function writeIncidentLinks(
  { executor, organization, rawPageId }: WriteTarget,
  links: readonly IncidentLinksRow[],
) {
  for (const item of lastByKey(links, (row) => String(row.workItemId))) {
    await executor.run('DELETE FROM delivery_incident_links WHERE organization = ? AND work_item_id = ?', [
      organization,
      item.workItemId,
    ]);
    await insertMany(
      executor,
      'delivery_incident_links',
      ['organization', 'work_item_id', 'artifact', 'artifact_id', 'raw_page_id'],
      lastByKey(item.artifacts, (artifact) => `${artifact.kind}:${artifact.id}`).map((artifact) => [
        organization,
        item.workItemId,
        artifact.kind,
        artifact.id,
        rawPageId,
      ]),
    );
  }
}
