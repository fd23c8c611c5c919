import {
  CLASSIC_DEPLOYMENT_STATUSES,
  DEPLOYMENT_OUTCOMES,
  ENVIRONMENT_DEPLOYMENT_RESULTS,
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
const DEPLOYMENT_SELECT = `SELECT d.deployment_id, d.source, d.project, d.pipeline_id, d.pipeline_name,
    d.environment_name, d.stage_name, d.build_id, d.release_id, d.attempt, d.queued_at, d.started_at,
    d.finished_at, d.outcome, d.raw_result, d.raw_page_id, COALESCE(d.repository_id, b.repository_id) AS repository,
    COALESCE(d.source_branch, b.source_branch) AS branch, COALESCE(d.source_version, b.source_version) AS version
  FROM delivery_deployments d
  LEFT JOIN delivery_builds b ON b.organization = d.organization AND b.build_id = d.build_id`;

export async function readDeployments(
  executor: SqlExecutor,
  organization: string,
  projects: ProjectScope,
): Promise<DeploymentRecord[]> {
  const filter = projectFilter('d.project', projects);
  return executor.mapRows(
    `${DEPLOYMENT_SELECT} WHERE d.organization = ? AND d.raw_result IS NOT NULL${filter.sql} ORDER BY d.deployment_id`,
    [organization, ...filter.params],
    toDeployment,
  );
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
