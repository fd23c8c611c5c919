import type { DeliveryRepository } from '../../../storage/delivery/repository.ts';
import { DELIVERY_PAGE_NORMALISERS } from '../../normalise/delivery/pages.ts';
import { parsePage } from '../../normalise/delivery/parse.ts';
import {
  newPushes,
  nextPushPosition,
  pushesResponseSchema,
  type ListedPush,
  type PushPosition,
} from '../../normalise/delivery/pushes.ts';
import type { StreamContext } from '../../stream.ts';
import { getBody, pathWithQuery, storePage } from './shared.ts';

/** `$top` of the pushes list and of a push's commits (both offset paged). */
const PUSHES_TOP = 100;
const PUSH_COMMITS_TOP = 100;

export interface BranchRef {
  /** Project name (the URL segment is encoded by the caller). */
  project: string;
  segment: string;
  repositoryId: string;
  /** Full ref, e.g. refs/heads/main. */
  branch: string;
}

type Counter = { pages: number; items: number };

function pushesUrl(ref: BranchRef, query: Record<string, string | number | undefined>): string {
  return pathWithQuery(`${ref.segment}/_apis/git/repositories/${ref.repositoryId}/pushes`, {
    'searchCriteria.refName': ref.branch,
    ...query,
    'api-version': '7.1',
  });
}

async function storePushesPage(
  context: StreamContext,
  delivery: DeliveryRepository,
  ref: BranchRef,
  url: string,
  skip: number,
  top: number,
): Promise<ListedPush[]> {
  const body = await getBody(context.connection, url);
  const pushes = parsePage('git.pushes', pushesResponseSchema, body).value;
  await storePage(
    delivery,
    context.organization,
    'git.pushes',
    { url, requestToken: String(skip), responseToken: null, isLastBatch: pushes.length < top },
    { project: ref.project, repository: ref.repositoryId, branch: ref.branch },
    body,
    DELIVERY_PAGE_NORMALISERS['git.pushes'],
  );
  return pushes;
}

/**
 * The newest push to the branch (`$top=1`): where a branch read in full by commit time starts its push
 * watermark. Asked before the commits, so a push landing meanwhile is newer and read next time.
 */
export async function newestPush(
  context: StreamContext,
  delivery: DeliveryRepository,
  ref: BranchRef,
  counter: Counter,
): Promise<PushPosition> {
  const pushes = await storePushesPage(context, delivery, ref, pushesUrl(ref, { $top: 1 }), 0, 1);
  counter.pages += 1;
  return nextPushPosition(undefined, pushes) ?? { pushId: 0, date: new Date(0).toISOString() };
}

/**
 * The pushes to the branch since its position (`searchCriteria.fromDate`, inclusive; newer by push id),
 * newest first by `$top/$skip`: a push while paging repeats one (deduplicated by id), never skips one.
 */
export async function pushesSince(
  context: StreamContext,
  delivery: DeliveryRepository,
  ref: BranchRef,
  position: PushPosition,
  counter: Counter,
): Promise<ListedPush[]> {
  const top = Math.min(context.maxPageSize ?? PUSHES_TOP, PUSHES_TOP);
  const found = new Map<number, ListedPush>();
  for (let skip = 0; ; skip += top) {
    const url = pushesUrl(ref, {
      'searchCriteria.fromDate': position.date,
      'searchCriteria.includeRefUpdates': 'true',
      $top: top,
      $skip: skip,
    });
    const pushes = await storePushesPage(context, delivery, ref, url, skip, top);
    counter.pages += 1;
    for (const push of newPushes(position, pushes)) found.set(push.pushId, push);
    if (pushes.length < top) break;
  }
  return [...found.values()].sort((a, b) => a.pushId - b.pushId);
}

/**
 * One push's commits ("Get Push Commits", `top/skip`), stored as `git.pushCommits` pages: the commits not
 * stored yet are added to the branch, whatever their commit time.
 */
export async function collectPushCommits(
  context: StreamContext,
  delivery: DeliveryRepository,
  ref: BranchRef,
  push: ListedPush,
  counter: Counter,
): Promise<void> {
  const top = Math.min(context.maxPageSize ?? PUSH_COMMITS_TOP, PUSH_COMMITS_TOP);
  for (let skip = 0; ; skip += top) {
    const url = pathWithQuery(`${ref.segment}/_apis/git/repositories/${ref.repositoryId}/commits`, {
      pushId: push.pushId,
      top,
      skip,
      'api-version': '7.1',
    });
    const body = await getBody(context.connection, url);
    const count = await storePage(
      delivery,
      context.organization,
      'git.pushCommits',
      { url, requestToken: String(skip), responseToken: null },
      { project: ref.project, repository: ref.repositoryId, branch: ref.branch, pushId: push.pushId },
      body,
      async (...args) => {
        await DELIVERY_PAGE_NORMALISERS['git.pushCommits'](...args);
        const value: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'value') : [];
        return Array.isArray(value) ? value.length : 0;
      },
    );
    counter.pages += 1;
    counter.items += count;
    await context.progress.page(count);
    if (count < top) break;
  }
}
