import type { PullRequestLinkCounts } from '../../delivery/repository.ts';
import { integer, text } from '../rows.ts';
import { placeholders, type SqlExecutor } from '../sqlDatabase.ts';

/**
 * Completed pull requests merged in the window into the given repositories (the whole project's when none
 * is given), counted by whether their work item links were read and whether they link at least one.
 */
export async function readPullRequestLinkCounts(
  executor: SqlExecutor,
  organization: string,
  project: string,
  repositories: readonly string[],
  window: { from: number; to: number },
): Promise<PullRequestLinkCounts> {
  const lower = [...new Set(repositories.map((repository) => repository.toLowerCase()))];
  const byRepository = lower.length === 0 ? '' : ` AND repository_id IN (${placeholders(lower.length)})`;
  const [row] = await executor.all(
    `SELECT COUNT(work_item_count) AS known,
            COALESCE(SUM(CASE WHEN work_item_count > 0 THEN 1 ELSE 0 END), 0) AS linked
     FROM delivery_pull_requests
     WHERE organization = ? AND project = ? AND merged_at >= ? AND merged_at < ?${byRepository}`,
    [organization, project, window.from, window.to, ...lower],
  );
  return row === undefined
    ? { withKnownLinks: 0, linked: 0 }
    : { withKnownLinks: integer(row, 'known'), linked: integer(row, 'linked') };
}

/** Which of `shas` (lower-case) are stored commits of the repository. */
export async function readKnownCommits(
  executor: SqlExecutor,
  organization: string,
  repository: string,
  shas: readonly string[],
): Promise<Set<string>> {
  const known = new Set<string>();
  const unique = [...new Set(shas)];
  // Bounded lists keep every statement well under both drivers' parameter limits.
  for (let start = 0; start < unique.length; start += 500) {
    const batch = unique.slice(start, start + 500);
    const rows = await executor.all(
      `SELECT sha FROM delivery_commits WHERE organization = ? AND repository_id = ? AND sha IN (${placeholders(batch.length)})`,
      [organization, repository.toLowerCase(), ...batch],
    );
    for (const row of rows) known.add(text(row, 'sha'));
  }
  return known;
}
