/**
 * Which projects' delivery answers a delivery write changes (storage/sql/dataVersions.ts): the projects of
 * its rows, and for builds (and their build/changes answers) also every project whose deployments deploy
 * them, since a classic release may deploy another project's build and reads its sources and commits.
 */
import type { PullRequestKey } from '../../delivery/repository.ts';
import { deliveryScopes, touchScopes } from '../dataVersions.ts';
import { text } from '../rows.ts';
import { placeholders, type SqlExecutor, type SqlValue } from '../sqlDatabase.ts';

type Projects = (executor: SqlExecutor, organization: string) => Promise<readonly string[]>;

async function distinctProjects(executor: SqlExecutor, sql: string, params: SqlValue[]): Promise<string[]> {
  return (await executor.all(sql, params)).map((row) => text(row, 'project'));
}

/** Runs `select` over `ids` in chunks well under either driver's parameter limit. */
async function inChunks(
  ids: readonly number[],
  select: (chunk: readonly number[]) => Promise<string[]>,
): Promise<string[]> {
  const projects: string[] = [];
  for (let start = 0; start < ids.length; start += 500)
    projects.push(...(await select(ids.slice(start, start + 500))));
  return projects;
}

export const rowProjects =
  (rows: readonly { project: string }[]): Projects =>
  () =>
    Promise.resolve(rows.map((row) => row.project));

/** The builds' own projects and the projects deploying them (index delivery_deployments_by_build). */
export const buildProjects =
  (own: readonly string[], buildIds: readonly number[]): Projects =>
  async (executor, organization) => [
    ...own,
    ...(await inChunks([...new Set(buildIds)], (chunk) =>
      distinctProjects(
        executor,
        `SELECT DISTINCT project FROM delivery_deployments WHERE organization = ? AND build_id IN (${placeholders(chunk.length)})`,
        [organization, ...chunk],
      ),
    )),
  ];

export const pullRequestProject =
  (key: PullRequestKey): Projects =>
  (executor, organization) =>
    distinctProjects(
      executor,
      'SELECT project FROM delivery_pull_requests WHERE organization = ? AND repository_id = ? AND pull_request_id = ?',
      [organization, key.repository, key.pullRequestId],
    );

export const workItemProjects =
  (ids: readonly number[]): Projects =>
  (executor, organization) =>
    inChunks([...new Set(ids)], (chunk) =>
      distinctProjects(
        executor,
        `SELECT DISTINCT project FROM work_items WHERE organization = ? AND work_item_id IN (${placeholders(chunk.length)})`,
        [organization, ...chunk],
      ),
    );

/** Marks the delivery data of the write's projects as changed, inside its transaction. */
export async function touchDelivery(
  executor: SqlExecutor,
  organization: string,
  projects: Projects,
): Promise<void> {
  await touchScopes(executor, organization, deliveryScopes(await projects(executor, organization)));
}
