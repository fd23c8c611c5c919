import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
} from '../../domain/delivery.ts';
import {
  DEFAULT_BUG_TYPES,
  DEFAULT_INCIDENT_RULE,
  type BuildChangesQuery,
  type BuildRow,
  type CommitRow,
  type DeliveryRecords,
  type DeliveryRepository,
  type DeliveryRowCounts,
  type DeploymentRow,
  type IncidentBuilder,
  type IncidentRule,
  type ProjectScope,
  type PullRequestCommitRow,
  type PullRequestKey,
  type PullRequestRow,
} from '../deliveryRepository.ts';
import type { PageSource } from '../repository.ts';
import { readBugWorkItemIds, readIncidents } from './sqlDeliveryIncidents.ts';
import {
  countDeliveryRows,
  readAnsweredBuildChangeQueries,
  readBuildCommits,
  readChanges,
  readDeployedBranches,
  readDeployments,
} from './sqlDeliveryReads.ts';
import { insertMany, type SqlDatabase, type SqlExecutor, type SqlValue } from './sqlDatabase.ts';
import { integer } from './rows.ts';

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
] as const;

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

/** Delivery rows in the same database (and raw_pages table) as SqlRepository. */
export class SqlDeliveryRepository implements DeliveryRepository {
  constructor(
    private readonly database: SqlDatabase,
    private readonly buildIncidents: IncidentBuilder,
  ) {}

  private async rawPageIdFor(executor: SqlExecutor, organization: string, page: PageSource): Promise<number> {
    if ('storedPageId' in page) return page.storedPageId;
    const row = await executor.get(
      `INSERT INTO raw_pages (organization, stream, request_url, request_token, response_token, is_last_batch,
         item_count, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        organization,
        page.stream,
        page.requestUrl,
        page.requestToken,
        page.responseToken,
        page.isLastBatch ? 1 : 0,
        page.itemCount,
        page.body,
        new Date().toISOString(),
      ],
    );
    if (row === undefined) throw new Error('Inserting a raw page returned no id');
    return integer(row, 'id');
  }

  private apply(
    organization: string,
    page: PageSource,
    write: (executor: SqlExecutor, rawPageId: number) => Promise<void>,
  ): Promise<number> {
    return this.database.transaction(async (executor) => {
      const rawPageId = await this.rawPageIdFor(executor, organization, page);
      await write(executor, rawPageId);
      return rawPageId;
    });
  }

  applyBuildsPage(organization: string, page: PageSource, builds: readonly BuildRow[]): Promise<number> {
    return this.apply(organization, page, (executor, rawPageId) =>
      insertMany(
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
      ),
    );
  }

  applyDeploymentsPage(
    organization: string,
    page: PageSource,
    deployments: readonly DeploymentRow[],
  ): Promise<number> {
    return this.apply(organization, page, (executor, rawPageId) =>
      insertMany(
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
      ),
    );
  }

  applyPullRequestsPage(
    organization: string,
    page: PageSource,
    pullRequests: readonly PullRequestRow[],
  ): Promise<number> {
    return this.apply(organization, page, async (executor, rawPageId) => {
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
    });
  }

  applyPullRequestCommitsPage(
    organization: string,
    page: PageSource,
    pullRequest: PullRequestKey,
    commits: readonly PullRequestCommitRow[],
  ): Promise<number> {
    const columns = ['organization', 'repository_id', 'pull_request_id', 'sha', 'authored_at', 'raw_page_id'];
    return this.apply(organization, page, (executor, rawPageId) =>
      insertMany(
        executor,
        'delivery_pull_request_commits',
        columns,
        lastByKey(commits, (commit) => commit.sha).map((commit) => [
          organization,
          pullRequest.repository,
          pullRequest.pullRequestId,
          commit.sha,
          commit.authoredAt,
          rawPageId,
        ]),
        upsert(columns, ['organization', 'repository_id', 'pull_request_id', 'sha']),
      ),
    );
  }

  applyCommitsPage(organization: string, page: PageSource, commits: readonly CommitRow[]): Promise<number> {
    return this.apply(organization, page, (executor, rawPageId) =>
      insertMany(
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
        ]),
        upsert(COMMIT_COLUMNS, ['organization', 'repository_id', 'sha']),
      ),
    );
  }

  applyBuildChangesPage(
    organization: string,
    page: PageSource,
    query: BuildChangesQuery,
    commitShas: readonly string[],
  ): Promise<number> {
    const from = query.fromBuildId ?? 0;
    return this.apply(organization, page, async (executor, rawPageId) => {
      const columns = ['organization', 'to_build_id', 'from_build_id', 'sha', 'raw_page_id'];
      await insertMany(
        executor,
        'delivery_build_changes',
        columns,
        [...new Set(commitShas)].map((sha) => [organization, query.toBuildId, from, sha, rawPageId]),
        upsert(columns, ['organization', 'to_build_id', 'from_build_id', 'sha']),
      );
      if (!query.complete) return;
      await executor.run(
        `INSERT INTO delivery_build_change_queries (organization, to_build_id, from_build_id, project, raw_page_id)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (organization, to_build_id, from_build_id)
         DO UPDATE SET project = excluded.project, raw_page_id = excluded.raw_page_id`,
        [organization, query.toBuildId, from, query.project, rawPageId],
      );
    });
  }

  listDeployments(organization: string, projects?: ProjectScope): Promise<DeploymentRecord[]> {
    return readDeployments(this.database, organization, projects);
  }

  listChanges(organization: string, projects?: ProjectScope): Promise<ChangeRecord[]> {
    return readChanges(this.database, organization, projects);
  }

  listBuildCommits(organization: string): Promise<BuildCommitsRecord[]> {
    return readBuildCommits(this.database, organization);
  }

  listIncidents(
    organization: string,
    projects?: ProjectScope,
    rule: IncidentRule = DEFAULT_INCIDENT_RULE,
  ): Promise<IncidentRecord[]> {
    return readIncidents(this.database, organization, projects, rule, this.buildIncidents);
  }

  listBugWorkItemIds(
    organization: string,
    projects?: ProjectScope,
    bugTypes: readonly string[] = DEFAULT_BUG_TYPES,
  ): Promise<Set<number>> {
    return readBugWorkItemIds(this.database, organization, projects, bugTypes);
  }

  async readDeliveryRecords(
    organization: string,
    options: { projects?: ProjectScope; incidentRule?: IncidentRule; bugTypes?: readonly string[] } = {},
  ): Promise<DeliveryRecords> {
    const { projects } = options;
    return {
      deployments: await this.listDeployments(organization, projects),
      changes: await this.listChanges(organization, projects),
      buildCommits: await this.listBuildCommits(organization),
      incidents: await this.listIncidents(organization, projects, options.incidentRule),
      bugWorkItemIds: await this.listBugWorkItemIds(organization, projects, options.bugTypes),
    };
  }

  answeredBuildChangeQueries(organization: string): Promise<Set<string>> {
    return readAnsweredBuildChangeQueries(this.database, organization);
  }

  deployedBranches(organization: string): Promise<Map<string, string[]>> {
    return readDeployedBranches(this.database, organization);
  }

  countDeliveryRows(organization: string): Promise<DeliveryRowCounts> {
    return countDeliveryRows(this.database, organization);
  }
}
