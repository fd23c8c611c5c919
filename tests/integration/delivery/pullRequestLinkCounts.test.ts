/**
 * The counts behind the "pull requests linked to work items" adoption check, on both databases: only
 * pull requests whose details (workItemRefs) were read count, the window is half-open, a team's mapped
 * repositories narrow it (case-insensitively), and a list page never erases a count a detail page stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullRequestRow } from '../../../service/src/storage/delivery/repository.ts';
import { deliveryPage } from '../../../service/src/sync/normalise/delivery/pages.ts';
import { BACKENDS, openTestRepository, type TestRepository } from '../../support/storageBackends.ts';
import { temporaryDirectory } from '../../support/tempDirectory.ts';

const ORG = 'fabrikam';
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

function row(
  repository: string,
  id: number,
  mergedDaysAgo: number,
  workItemIds: number[] | null,
): PullRequestRow {
  return {
    repository,
    pullRequestId: id,
    project: 'Fabrikam',
    targetBranch: 'refs/heads/main',
    createdAt: NOW - (mergedDaysAgo + 1) * DAY,
    mergedAt: NOW - mergedDaysAgo * DAY,
    mergeCommitSha: null,
    workItemIds,
  };
}

describe.each(BACKENDS)('pull request link counts on %s', (backend) => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let store: TestRepository;
  let page = 0;
  const apply = async (rows: PullRequestRow[]) => {
    page += 1;
    const { source } = deliveryPage(
      'git.pullRequests',
      { url: `test/${page}` },
      { project: 'Fabrikam' },
      { page },
    );
    await store.storage.delivery.applyPullRequestsPage(ORG, source, rows);
  };
  const window = { from: NOW - 56 * DAY, to: NOW };

  beforeAll(async () => {
    directory = temporaryDirectory(`pr-link-counts-${backend}`);
    store = await openTestRepository(backend, directory.path, 'links');
    // The list page first (no workItemRefs), then each detail page, as the sync reads them.
    await apply([
      row('repo-a', 1, 3, null),
      row('repo-a', 2, 10, null),
      row('repo-a', 3, 20, null),
      row('repo-b', 4, 5, null),
      row('repo-b', 5, 56, null),
      row('repo-b', 6, 57, null),
      row('repo-b', 7, 1, null),
    ]);
    await apply([row('repo-a', 1, 3, [11, 12, 12])]);
    await apply([row('repo-a', 2, 10, [])]);
    await apply([row('repo-a', 3, 20, [13])]);
    await apply([row('repo-b', 4, 5, [])]);
    await apply([row('repo-b', 5, 56, [14])]);
    await apply([row('repo-b', 6, 57, [15])]);
    // A later list page (the pull request listed again) keeps what the detail page counted.
    await apply([row('repo-a', 1, 3, null)]);
  }, 60_000);

  afterAll(async () => {
    await store?.dispose();
    directory?.remove();
  });

  it.each([
    ['the project: details read for 1–5 in the window (7 never asked)', [], { withKnownLinks: 5, linked: 3 }],
    ['a team mapped to repo-a', ['repo-a'], { withKnownLinks: 3, linked: 2 }],
    ['a team mapped to REPO-B (case-insensitive)', ['REPO-B'], { withKnownLinks: 2, linked: 1 }],
    ['a team mapped to a repository without pull requests', ['repo-z'], { withKnownLinks: 0, linked: 0 }],
  ])('%s', async (_name, repositories, expected) => {
    expect(await store.storage.delivery.pullRequestLinkCounts(ORG, 'Fabrikam', repositories, window)).toEqual(
      expected,
    );
  });

  it('another project or organization counts nothing', async () => {
    expect(await store.storage.delivery.pullRequestLinkCounts(ORG, 'Contoso', [], window)).toEqual({
      withKnownLinks: 0,
      linked: 0,
    });
    expect(await store.storage.delivery.pullRequestLinkCounts('other', 'Fabrikam', [], window)).toEqual({
      withKnownLinks: 0,
      linked: 0,
    });
  });
});
