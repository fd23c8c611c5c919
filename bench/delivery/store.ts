/**
 * The synthetic 200,000-build organization (synthetic.ts) written into SQLite as a sync would store it:
 * in its 50 projects (a project's view reads its own 4,000 builds among the organization's), or all in
 * one project (its view reads, links and computes every build). Environment records without their sources (the service fills them in from the builds),
 * pull requests with their commits and work items, direct commits, build/changes answers, and the
 * incidents and bugs as work items with their state transitions. Then, as the sync does after a run
 * (sync/collect/delivery/deploymentChanges.ts), each project's records are linked and stored with their
 * delivery data version by the sync's own storeLinkedInputs (linkStoredProjects), which a restarted
 * service's first view of a project reads.
 */
import { DatabaseSync } from 'node:sqlite';
import { openStorage } from '../../service/src/app/openRepository.ts';
import { storeLinkedInputs } from '../../service/src/sync/normalise/delivery/linkedInputs.ts';
import type { SyntheticOrganization } from './synthetic.ts';

export const STORE_ORGANIZATION = 'bench-delivery';
/** The project of the one-project layout. */
export const ONE_PROJECT = 'Delivery';

export type StoreLayout = 'oneProject' | 'projects';

/** The project a synthetic record's project is stored as. */
type Place = (project: string) => string;

type Row = (string | number | null)[];

function bulk(database: DatabaseSync, table: string, columns: readonly string[], rows: Iterable<Row>): void {
  const statement = database.prepare(
    `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) statement.run(...row);
}

const RAW_PAGE = 1;
const HOUR = 3_600_000;
const STATES = [
  ['Active', 'InProgress'],
  ['Closed', 'Completed'],
] as const;

function* builds(organization: SyntheticOrganization, place: Place): Iterable<Row> {
  const seen = new Set<number>();
  for (const deployment of organization.deployments) {
    const buildId = deployment.buildId;
    if (buildId === null || seen.has(buildId)) continue;
    seen.add(buildId);
    const finished = (deployment.finishedAt ?? 0) - HOUR;
    yield [
      STORE_ORGANIZATION,
      buildId,
      place(deployment.project),
      deployment.pipelineId,
      deployment.pipelineName,
      'completed',
      'succeeded',
      'individualCI',
      finished - HOUR,
      finished - HOUR / 2,
      finished,
      deployment.sourceBranch,
      deployment.sourceVersion,
      deployment.repository,
      RAW_PAGE,
    ];
  }
}

function* deployments(organization: SyntheticOrganization, place: Place): Iterable<Row> {
  for (const d of organization.deployments) {
    yield [
      STORE_ORGANIZATION,
      d.id,
      d.source,
      place(d.project),
      d.pipelineId,
      d.pipelineName,
      d.environmentName,
      d.stageName,
      d.buildId,
      d.attempt,
      d.queuedAt,
      d.startedAt,
      d.finishedAt,
      d.outcome,
      d.rawResult,
      RAW_PAGE,
    ];
  }
}

function writeChanges(database: DatabaseSync, organization: SyntheticOrganization, place: Place): void {
  const pullRequests: Row[] = [];
  const commits: Row[] = [];
  const workItems: Row[] = [];
  const direct: Row[] = [];
  for (const change of organization.changes) {
    if (change.kind === 'commit') {
      direct.push([
        STORE_ORGANIZATION,
        change.repository,
        change.sha,
        place(change.project),
        change.targetBranch,
        change.firstCommitAuthoredAt,
        change.firstCommitAuthoredAt,
        JSON.stringify(change.workItemIds),
        RAW_PAGE,
      ]);
      continue;
    }
    const key = [STORE_ORGANIZATION, change.repository, change.pullRequestId];
    pullRequests.push([
      ...key,
      place(change.project),
      change.targetBranch,
      change.createdAt,
      change.mergedAt,
      change.mergeCommitSha,
      RAW_PAGE,
    ]);
    // The merge commit is the pull request's; the others are its own commits, the first at its first commit.
    change.commitShas.slice(1).forEach((sha, n) => {
      commits.push([...key, sha, change.firstCommitAuthoredAt + n * HOUR, RAW_PAGE]);
    });
    for (const id of change.workItemIds) workItems.push([...key, id, RAW_PAGE]);
  }
  const key = ['organization', 'repository_id', 'pull_request_id'];
  const pr = [
    ...key,
    'project',
    'target_branch',
    'created_at',
    'merged_at',
    'merge_commit_sha',
    'raw_page_id',
  ];
  bulk(database, 'delivery_pull_requests', pr, pullRequests);
  bulk(database, 'delivery_pull_request_commits', [...key, 'sha', 'authored_at', 'raw_page_id'], commits);
  bulk(database, 'delivery_pull_request_work_items', [...key, 'work_item_id', 'raw_page_id'], workItems);
  const commitColumns = [
    'organization',
    'repository_id',
    'sha',
    'project',
    'branch',
    'authored_at',
    'committed_at',
    'work_item_ids',
    'raw_page_id',
  ];
  bulk(database, 'delivery_commits', commitColumns, direct);
}

function* buildChanges(organization: SyntheticOrganization): Iterable<Row> {
  for (const record of organization.buildCommits) {
    for (const sha of new Set(record.commitShas)) {
      yield [STORE_ORGANIZATION, record.buildId, 0, sha, RAW_PAGE];
    }
  }
}

/**
 * Incidents (Bug, tagged incident) and the bugs changes link to, each with its state transitions; the
 * bugs are spread over the projects like the changes that link them.
 */
function writeWorkItems(database: DatabaseSync, organization: SyntheticOrganization, place: Place): void {
  const items: Row[] = [];
  const transitions: Row[] = [];
  const projects = new Set<string>();
  const add = (
    id: number,
    project: string,
    title: string,
    tags: string,
    createdAt: number,
    closedAt: number | null,
  ) => {
    const state = closedAt === null ? 'Active' : 'Closed';
    projects.add(project);
    items.push([
      STORE_ORGANIZATION,
      id,
      project,
      'Bug',
      title,
      project,
      state,
      tags,
      createdAt,
      closedAt ?? createdAt,
      closedAt === null ? 1 : 2,
      0,
      RAW_PAGE,
    ]);
    transitions.push([STORE_ORGANIZATION, id, 1, createdAt, null, 'Active', 'Bug', RAW_PAGE]);
    if (closedAt !== null) {
      transitions.push([STORE_ORGANIZATION, id, 2, closedAt, 'Active', 'Closed', 'Bug', RAW_PAGE]);
    }
  };
  for (const incident of organization.incidents) {
    const tags = JSON.stringify(
      incident.linkedDeploymentId === null
        ? ['incident']
        : ['incident', `deployment:${incident.linkedDeploymentId}`],
    );
    add(
      incident.workItemId,
      place(incident.project),
      incident.title,
      tags,
      incident.createdAt,
      incident.completedAt,
    );
  }
  const start = Date.UTC(2025, 0, 1);
  for (const id of organization.bugWorkItemIds) {
    add(id, place(`project-${id % 50}`), `Bug ${id}`, '[]', start, start + HOUR);
  }
  const itemColumns = [
    'organization',
    'work_item_id',
    'project',
    'work_item_type',
    'title',
    'area_path',
    'state',
    'tags',
    'created_at',
    'changed_at',
    'revision',
    'is_deleted',
    'raw_page_id',
  ];
  bulk(database, 'work_items', itemColumns, items);
  const transitionColumns = [
    'organization',
    'work_item_id',
    'revision',
    'at',
    'from_state',
    'to_state',
    'work_item_type',
    'raw_page_id',
  ];
  bulk(database, 'state_transitions', transitionColumns, transitions);
  bulk(
    database,
    'workflow_states',
    ['organization', 'project', 'work_item_type', 'state', 'category', 'raw_page_id'],
    [...projects].flatMap((project) =>
      STATES.map(([state, category]) => [STORE_ORGANIZATION, project, 'Bug', state, category, RAW_PAGE]),
    ),
  );
}

/** Creates the schema through the service's own migrations, then fills it in one transaction. */
export async function buildDeliveryStore(
  path: string,
  organization: SyntheticOrganization,
  layout: StoreLayout,
): Promise<void> {
  const place: Place = layout === 'oneProject' ? () => ONE_PROJECT : (project) => project;
  const storage = await openStorage({ kind: 'sqlite', path });
  await storage.close();
  const database = new DatabaseSync(path);
  database.exec('BEGIN');
  bulk(
    database,
    'raw_pages',
    ['id', 'organization', 'stream', 'request_url', 'is_last_batch', 'item_count', 'body', 'fetched_at'],
    [[RAW_PAGE, STORE_ORGANIZATION, 'builds', 'https://x/page', 1, 0, '{}', '2026-04-01T00:00:00.000Z']],
  );
  const buildColumns = [
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
  ];
  bulk(database, 'delivery_builds', buildColumns, builds(organization, place));
  const deploymentColumns = [
    'organization',
    'deployment_id',
    'source',
    'project',
    'pipeline_id',
    'pipeline_name',
    'environment_name',
    'stage_name',
    'build_id',
    'attempt',
    'queued_at',
    'started_at',
    'finished_at',
    'outcome',
    'raw_result',
    'raw_page_id',
  ];
  bulk(database, 'delivery_deployments', deploymentColumns, deployments(organization, place));
  writeChanges(database, organization, place);
  bulk(
    database,
    'delivery_build_changes',
    ['organization', 'to_build_id', 'from_build_id', 'sha', 'raw_page_id'],
    buildChanges(organization),
  );
  writeWorkItems(database, organization, place);
  database.exec('COMMIT');
  database.close();
}

/**
 * The sync's last step after a run that stored delivery rows: each project's linked input (a no-op for a
 * project whose stored one is current). Returns how many projects it linked.
 */
export async function linkStoredProjects(path: string): Promise<number> {
  const storage = await openStorage({ kind: 'sqlite', path });
  try {
    const deployments = await storage.delivery.listDeployments(STORE_ORGANIZATION);
    const projects = deployments.map((deployment) => deployment.project);
    return await storeLinkedInputs(storage.delivery, STORE_ORGANIZATION, projects);
  } finally {
    await storage.close();
  }
}
