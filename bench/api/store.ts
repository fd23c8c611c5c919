/**
 * A synthetic store the size of the simulator's large organization (about 185,000 work items in six
 * projects, 600,000 transitions, 150,000 raw pages), written straight into SQLite: syncing that
 * organization through the simulator takes hours under the request budget. Project "Big" holds 40,000
 * items: team Large (20,000), Medium (10,000), Small (500) and 9,500 items of other areas; it also has
 * 4,000 production deployments with their pull requests for the delivery summary.
 */
import { DatabaseSync } from 'node:sqlite';
import { openStorage } from '../../service/src/app/openRepository.ts';
import { createRandom } from '../../service/src/metrics/forecast/random.ts';

export const BENCH_ORGANIZATION = 'bench-org';
export const BENCH_ORGANIZATION_URL = 'https://dev.azure.com/bench-org';
export const BIG = 'Big';
export const BENCH_SECRET = 'bench-extension-secret';
export const TEAMS = { Large: 20_000, Medium: 10_000, Small: 500 } as const;
export type BenchTeam = keyof typeof TEAMS;

const DAY = 86_400_000;
const END = Date.UTC(2026, 11, 1);
const SPAN_DAYS = 730;
const OTHER_PROJECTS = 5;
const ITEMS_PER_OTHER_PROJECT = 29_000;
const BIG_OTHER_ITEMS = 9_500;
const RAW_PAGES = 150_000;
const SYNC_RUNS = 2_000;
const BUILDS = 4_000;
const STATES = [
  ['New', 'Proposed'],
  ['Active', 'InProgress'],
  ['Resolved', 'Resolved'],
  ['Closed', 'Completed'],
  ['Removed', 'Removed'],
] as const;
const TYPES = ['User Story', 'Bug', 'Task'] as const;

type Row = (string | number | null)[];

function bulk(
  database: DatabaseSync,
  table: string,
  columns: readonly string[],
  rows: Iterable<Row>,
): number {
  const statement = database.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  let count = 0;
  for (const row of rows) {
    statement.run(...row);
    count++;
  }
  return count;
}

interface Counts {
  workItems: number;
  transitions: number;
}

/** Items of one project; `areas` yields the area path of the n-th item. */
function writeItems(
  database: DatabaseSync,
  project: string,
  firstId: number,
  count: number,
  areaOf: (n: number) => string,
  random: () => number,
  columnMoves: boolean,
): Counts {
  const item = database.prepare(
    `INSERT INTO work_items (organization, work_item_id, project, work_item_type, title, area_path, state, tags,
       created_at, changed_at, revision, is_deleted, raw_page_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)`,
  );
  const transition = database.prepare(
    `INSERT INTO state_transitions (organization, work_item_id, revision, at, from_state, to_state, work_item_type,
       raw_page_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const column = database.prepare(
    `INSERT INTO board_column_changes (organization, work_item_id, revision, at, board_column, raw_page_id)
       VALUES (?, ?, ?, ?, ?, 1)`,
  );
  let transitions = 0;
  for (let n = 0; n < count; n++) {
    const id = firstId + n;
    const roll = random();
    const type = roll < 0.75 ? 'User Story' : roll < 0.95 ? 'Bug' : 'Task';
    const createdAt = END - Math.floor(random() * SPAN_DAYS * DAY);
    // Forward through the workflow, stopping early for the items still open; a few are removed.
    const steps = random() < 0.02 ? 2 : 1 + Math.floor(random() * 4);
    let at = createdAt;
    let from: string | null = null;
    const path = random() < 0.02 ? ['New', 'Removed'] : ['New', 'Active', 'Resolved', 'Closed'];
    let revision = 1;
    for (let step = 0; step < Math.min(steps, path.length) && at < END; step++) {
      const to = path[step] ?? 'New';
      transition.run(BENCH_ORGANIZATION, id, revision, at, from, to, type);
      if (columnMoves) column.run(BENCH_ORGANIZATION, id, revision, at, to === 'New' ? 'Backlog' : to);
      transitions++;
      from = to;
      revision++;
      at += Math.floor((0.2 + random() * 12) * DAY);
    }
    const tags = random() < 0.1 ? '["incident"]' : '[]';
    item.run(
      BENCH_ORGANIZATION,
      id,
      project,
      type,
      `Item ${id}`,
      areaOf(n),
      from ?? 'New',
      tags,
      createdAt,
      at,
      revision - 1,
    );
  }
  return { workItems: count, transitions };
}

function writeDelivery(database: DatabaseSync, random: () => number): void {
  const repository = 'repo-big';
  const builds: Row[] = [];
  const deployments: Row[] = [];
  const pullRequests: Row[] = [];
  const commits: Row[] = [];
  const changes: Row[] = [];
  for (let n = 1; n <= BUILDS; n++) {
    const finished = END - SPAN_DAYS * DAY + Math.floor((n / BUILDS) * SPAN_DAYS * DAY);
    const sha = `sha${String(n).padStart(8, '0')}`;
    const definition = 1 + (n % 8);
    builds.push([
      BENCH_ORGANIZATION,
      n,
      BIG,
      definition,
      `pipeline-${definition}`,
      'completed',
      'succeeded',
      'individualCI',
      finished - 3_600_000,
      finished - 3_000_000,
      finished - 600_000,
      'refs/heads/main',
      sha,
      repository,
      1,
    ]);
    const result = random() < 0.1 ? 'failed' : 'succeeded';
    deployments.push([
      BENCH_ORGANIZATION,
      `environment:${n}`,
      'environment',
      BIG,
      definition,
      `pipeline-${definition}`,
      'production',
      'Deploy',
      n,
      null,
      null,
      null,
      null,
      1,
      finished - 500_000,
      finished - 400_000,
      finished,
      result,
      result,
      1,
    ]);
    const created = finished - Math.floor((1 + random() * 72) * 3_600_000);
    pullRequests.push([
      BENCH_ORGANIZATION,
      repository,
      n,
      BIG,
      'refs/heads/main',
      created,
      finished - 3_700_000,
      sha,
      1,
    ]);
    commits.push([BENCH_ORGANIZATION, repository, n, `c${sha}`, created - 3_600_000, 1]);
    changes.push([BENCH_ORGANIZATION, n, 0, sha, 1]);
  }
  bulk(
    database,
    'delivery_builds',
    [
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
    ],
    builds,
  );
  bulk(
    database,
    'delivery_deployments',
    [
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
    ],
    deployments,
  );
  bulk(
    database,
    'delivery_pull_requests',
    [
      'organization',
      'repository_id',
      'pull_request_id',
      'project',
      'target_branch',
      'created_at',
      'merged_at',
      'merge_commit_sha',
      'raw_page_id',
    ],
    pullRequests,
  );
  bulk(
    database,
    'delivery_pull_request_commits',
    ['organization', 'repository_id', 'pull_request_id', 'sha', 'authored_at', 'raw_page_id'],
    commits,
  );
  bulk(
    database,
    'delivery_build_changes',
    ['organization', 'to_build_id', 'from_build_id', 'sha', 'raw_page_id'],
    changes,
  );
}

function* rawPages(): Iterable<Row> {
  const streams = ['revisions', 'links', 'builds', 'pullRequests', 'pullRequestCommits', 'environments'];
  for (let id = 1; id <= RAW_PAGES; id++) {
    yield [
      id,
      BENCH_ORGANIZATION,
      streams[id % streams.length] ?? 'revisions',
      'https://x/page',
      null,
      null,
      1,
      0,
      '{}',
      '2026-12-01T00:00:00.000Z',
    ];
  }
}

function* syncRuns(): Iterable<Row> {
  for (let n = 0; n < SYNC_RUNS; n++) {
    const at = new Date(END + n * 300_000).toISOString();
    yield [BENCH_ORGANIZATION, at, at, 'succeeded'];
  }
}

function writeMetadata(database: DatabaseSync, projects: readonly string[]): void {
  bulk(
    database,
    'workflow_states',
    ['organization', 'project', 'work_item_type', 'state', 'category', 'raw_page_id'],
    projects.flatMap((project) =>
      TYPES.flatMap((type) =>
        STATES.map(([state, category]) => [BENCH_ORGANIZATION, project, type, state, category, 1]),
      ),
    ),
  );
  const backlog = JSON.stringify(['User Story', 'Bug']);
  bulk(
    database,
    'team_scopes',
    [
      'organization',
      'project',
      'team',
      'team_field',
      'field_values',
      'backlog_work_item_types',
      'raw_page_id',
    ],
    (Object.keys(TEAMS) as BenchTeam[]).map((team) => [
      BENCH_ORGANIZATION,
      BIG,
      team.toLowerCase(),
      'System.AreaPath',
      JSON.stringify([{ value: `${BIG}\\${team}`, includeChildren: true }]),
      backlog,
      1,
    ]),
  );
  const sprints: Row[] = [];
  for (const team of Object.keys(TEAMS)) {
    for (let n = 0; n < 52; n++) {
      const start = new Date(END - (52 - n) * 14 * DAY).toISOString().slice(0, 10);
      const finish = new Date(END - (52 - n) * 14 * DAY + 13 * DAY).toISOString().slice(0, 10);
      sprints.push([
        BENCH_ORGANIZATION,
        BIG,
        team.toLowerCase(),
        `sprint-${n}`,
        `Sprint ${n}`,
        `${BIG}\\Sprint ${n}`,
        start,
        finish,
        1,
      ]);
    }
  }
  bulk(
    database,
    'team_iterations',
    [
      'organization',
      'project',
      'team',
      'iteration_id',
      'name',
      'path',
      'start_day',
      'finish_day',
      'raw_page_id',
    ],
    sprints,
  );
}

export interface BenchStore {
  path: string;
  workItems: number;
  transitions: number;
  rawPages: number;
}

/** Creates the schema through the service's own migrations, then fills it in one transaction. */
export async function buildBenchStore(path: string): Promise<BenchStore> {
  const storage = await openStorage({ kind: 'sqlite', path });
  await storage.close();
  const database = new DatabaseSync(path);
  const random = createRandom(7);
  database.exec('BEGIN');
  bulk(
    database,
    'raw_pages',
    [
      'id',
      'organization',
      'stream',
      'request_url',
      'request_token',
      'response_token',
      'is_last_batch',
      'item_count',
      'body',
      'fetched_at',
    ],
    rawPages(),
  );
  bulk(database, 'sync_runs', ['organization', 'started_at', 'finished_at', 'status'], syncRuns());
  const projects = [BIG, ...Array.from({ length: OTHER_PROJECTS }, (_, n) => `Project${n + 1}`)];
  writeMetadata(database, projects);
  const teamAreas: string[] = [];
  for (const [team, size] of Object.entries(TEAMS)) {
    for (let n = 0; n < size; n++)
      teamAreas.push(n % 3 === 0 ? `${BIG}\\${team}` : `${BIG}\\${team}\\Area${n % 7}`);
  }
  const bigCount = teamAreas.length + BIG_OTHER_ITEMS;
  const big = writeItems(
    database,
    BIG,
    1,
    bigCount,
    (n) => teamAreas[n] ?? `${BIG}\\Other${n % 10}`,
    random,
    true,
  );
  let workItems = big.workItems;
  let transitions = big.transitions;
  for (const [index, project] of projects.slice(1).entries()) {
    const first = bigCount + 1 + index * ITEMS_PER_OTHER_PROJECT;
    const written = writeItems(
      database,
      project,
      first,
      ITEMS_PER_OTHER_PROJECT,
      (n) => `${project}\\Team${n % 4}`,
      random,
      false,
    );
    workItems += written.workItems;
    transitions += written.transitions;
  }
  writeDelivery(database, random);
  database.exec('COMMIT');
  database.close();
  return { path, workItems, transitions, rawPages: RAW_PAGES };
}
