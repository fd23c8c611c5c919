/**
 * Data versions per scope (table data_versions, migration 19), so that answers and caches are versioned
 * per team and per project rather than per organization: a page stored for one team's items leaves every
 * other team's version, hence its ETags and cached computations, as they were.
 *
 * Every write that changes normalised rows takes the organization's next stamp (one upsert of a counter
 * row, inside the write's transaction) and sets it on each scope its rows touch:
 * - `area`: a project's area path (normalised like the engine's scope rule: lower-cased, without leading or
 *   trailing separators), for work items written with it or moved away from it;
 * - `workflow`: a project's states and their categories;
 * - `team`: a team's metadata (scope, iterations, board columns, working days and days off);
 * - `delivery`: a project's builds, deployments, pull requests, commits and build changes.
 * Stamps only grow, so the highest stamp over a set of scopes changes whenever any of them does; a team's
 * version is the highest over its own row, its project's workflow and the areas its field values cover
 * (the service decides coverage with the engine's rule, as it does for team-scoped reads). The counter
 * starts at the clock's milliseconds, so stamps stay above any issued before the organization's rows were
 * purged and it was connected again.
 */
import { integer, text } from './rows.ts';
import { insertMany, type SqlExecutor } from './sqlDatabase.ts';

export type VersionedScope =
  | { kind: 'area'; project: string; areaPath: string }
  | { kind: 'workflow'; project: string }
  | { kind: 'team'; project: string; team: string }
  | { kind: 'delivery'; project: string };

const SEPARATOR = '\\';

/** The key an area path is versioned under: metrics/flow/scope.ts normaliseAreaPath, which storage may not import. */
export function areaKey(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === SEPARATOR) start++;
  while (end > start && path[end - 1] === SEPARATOR) end--;
  return path.slice(start, end).toLowerCase();
}

function nameOf(scope: VersionedScope): string {
  switch (scope.kind) {
    case 'area':
      return areaKey(scope.areaPath);
    case 'team':
      return scope.team.toLowerCase();
    case 'workflow':
    case 'delivery':
      return '';
  }
}

/** The organization's next stamp. */
async function nextStamp(executor: SqlExecutor, organization: string): Promise<number> {
  const row = await executor.get(
    `INSERT INTO data_versions (organization, kind, project, name, version) VALUES (?, 'stamp', '', '', ?)
     ON CONFLICT (organization, kind, project, name) DO UPDATE SET version = data_versions.version + 1
     RETURNING version`,
    [organization, Date.now()],
  );
  if (row === undefined) throw new Error('Taking a data-version stamp returned no row');
  return integer(row, 'version');
}

/** Marks the scopes as changed, inside the caller's transaction. */
export async function touchScopes(
  executor: SqlExecutor,
  organization: string,
  scopes: readonly VersionedScope[],
): Promise<void> {
  if (scopes.length === 0) return;
  const stamp = await nextStamp(executor, organization);
  const rows = new Map<string, [string, string, string, string, number]>();
  for (const scope of scopes) {
    const name = nameOf(scope);
    rows.set(`${scope.kind}\n${scope.project}\n${name}`, [
      organization,
      scope.kind,
      scope.project,
      name,
      stamp,
    ]);
  }
  await insertMany(
    executor,
    'data_versions',
    ['organization', 'kind', 'project', 'name', 'version'],
    [...rows.values()],
    'ON CONFLICT (organization, kind, project, name) DO UPDATE SET version = excluded.version',
  );
}

/** Marks every scope of the organization as changed (its normalised rows are being rebuilt). */
export async function touchAllScopes(executor: SqlExecutor, organization: string): Promise<void> {
  const stamp = await nextStamp(executor, organization);
  await executor.run("UPDATE data_versions SET version = ? WHERE organization = ? AND kind <> 'stamp'", [
    stamp,
    organization,
  ]);
}

/** The delivery scopes of the projects named, for the delivery writes. */
export function deliveryScopes(projects: Iterable<string>): VersionedScope[] {
  return [...new Set(projects)].map((project) => ({ kind: 'delivery', project }));
}

/** A project's area versions, for the service to pick a team's covered areas from. */
export async function readAreaVersions(
  executor: SqlExecutor,
  organization: string,
  project: string,
): Promise<{ area: string; version: number }[]> {
  const rows = await executor.all(
    "SELECT name, version FROM data_versions WHERE organization = ? AND kind = 'area' AND project = ?",
    [organization, project],
  );
  return rows.map((row) => ({ area: text(row, 'name'), version: integer(row, 'version') }));
}

/** `(SELECT MAX(version) …)` of one kind of a project's scopes, for a version statement; two parameters. */
export function highestOf(kind: VersionedScope['kind']): string {
  return `(SELECT MAX(version) FROM data_versions WHERE organization = ? AND kind = '${kind}' AND project = ?)`;
}
