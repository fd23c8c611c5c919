/**
 * The figure views people opened lately, answered again after each sync run of their organization and
 * whenever the instance refreshes (at start-up and every minute, startRecentViewRefresh). Answers are
 * cached by data version, and an active organization's runs change the version of its busy projects every
 * few minutes: without this, the first person to look after each run waits for the project's records to
 * be read and computed (about a second for a project of 200,000 builds).
 * With a store, the views outlive a restart and every instance knows every instance's: a restarted
 * instance, or one whose worker did not run the sync, answers them too (a view whose version did not
 * change costs a cache hit). Only views someone opened within a day are replayed, one after another; a
 * view that fails now (a team no longer mapped) is dropped and forgotten.
 */
import { z } from 'zod';
import { deliveryPathSchema, deliveryQuerySchema } from '../../contract/index.ts';
import type { DeliveryPath, DeliveryQuery } from '../../contract/index.ts';
import type { Logger } from '../../logger.ts';
import type { RecentViewStore, StoredRecentView } from '../../storage/delivery/recentViews.ts';
import { canonicalJson } from '../requestKey.ts';
import { parseStoredJson } from '../storedJson.ts';
import type { DeliveryService, DeliverySession } from './service.ts';

/** The views a hub opens with: the figures and the trend. */
const REPLAYED_ANSWERS = ['summary', 'trend'] as const;
type ReplayedAnswer = (typeof REPLAYED_ANSWERS)[number];

const storedViewSchema = z.object({
  path: deliveryPathSchema,
  answer: z.enum(REPLAYED_ANSWERS),
  query: deliveryQuerySchema,
});

interface RecentView {
  path: DeliveryPath;
  answer: ReplayedAnswer;
  query: DeliveryQuery;
  viewedAt: number;
}

export interface RecentViewOptions {
  logger: Logger;
  /** Keeps the views across restarts and shares them between instances; without it, memory only. */
  store?: RecentViewStore;
  /** Views older than this are not replayed (and forgotten). */
  maxAgeMs?: number;
  /** Most views remembered; the least recently viewed go first. */
  maxViews?: number;
  now?: () => number;
}

export interface RecentDeliveryViews {
  /** The service, remembering the views its sessions answer. */
  readonly service: DeliveryService;
  /** Answers the organization's recent views again; resolves to how many were answered. */
  replay(organization: string): Promise<number>;
  /** Reads the stored views, then answers every organization's recent views again; resolves to how many. */
  refresh(): Promise<number>;
}

const DAY_MS = 86_400_000;
/** A view opened again is stored again only this long after it was last stored: not a write per request. */
const SAVE_EVERY_MS = 3_600_000;

const keyOf = ({ path, answer, query }: Pick<RecentView, 'path' | 'answer' | 'query'>) =>
  canonicalJson({ path: { ...path, organization: path.organization.toLowerCase() }, answer, query });

export function recentDeliveryViews(inner: DeliveryService, options: RecentViewOptions): RecentDeliveryViews {
  const { logger, store } = options;
  const maxAgeMs = options.maxAgeMs ?? DAY_MS;
  const maxViews = options.maxViews ?? 16;
  const now = options.now ?? Date.now;
  // In viewing order, oldest first: a Map keeps insertion order, and a view seen again moves to the end.
  const views = new Map<string, RecentView>();
  const savedAt = new Map<string, number>();
  // Replays run one after another, whoever asks (a sync run, the refresh timer).
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  const warn = (message: string, fields: Record<string, unknown>, error: unknown) =>
    logger.warn(message, { ...fields, error: error instanceof Error ? error.message : String(error) });

  function keep(key: string, view: RecentView): void {
    views.delete(key);
    views.set(key, view);
    for (const oldest of views.keys()) {
      if (views.size <= maxViews) break;
      views.delete(oldest);
      savedAt.delete(oldest);
    }
  }

  function remember(path: DeliveryPath, answer: ReplayedAnswer, query: DeliveryQuery): void {
    const view = { path, answer, query, viewedAt: now() };
    const key = keyOf(view);
    keep(key, view);
    const saved = savedAt.get(key);
    if (store === undefined || (saved !== undefined && view.viewedAt - saved < SAVE_EVERY_MS)) return;
    savedAt.set(key, view.viewedAt);
    const stored = { organization: path.organization, key, view: JSON.stringify({ path, answer, query }) };
    store.save({ ...stored, viewedAt: view.viewedAt }).catch((error: unknown) => {
      savedAt.delete(key);
      warn('a recent delivery view was not stored', { organization: path.organization }, error);
    });
  }

  function remembering(path: DeliveryPath, session: DeliverySession): DeliverySession {
    return {
      ...session,
      summary: (query) => {
        remember(path, 'summary', query);
        return session.summary(query);
      },
      trend: (query) => {
        remember(path, 'trend', query);
        return session.trend(query);
      },
    };
  }

  const service: DeliveryService = {
    open: async (path) => remembering(path, await inner.open(path)),
  };

  async function forget(key: string, view: Pick<RecentView, 'path'>): Promise<void> {
    views.delete(key);
    savedAt.delete(key);
    await store?.forget(view.path.organization, key);
  }

  async function replayNow(organization: string): Promise<number> {
    const since = now() - maxAgeMs;
    const wanted = organization.toLowerCase();
    let answered = 0;
    for (const [key, view] of [...views]) {
      if (view.path.organization.toLowerCase() !== wanted) continue;
      if (view.viewedAt < since) {
        views.delete(key);
        continue;
      }
      try {
        const session = await inner.open(view.path);
        await session[view.answer](view.query);
        answered++;
      } catch (error) {
        warn(
          'a recent delivery view was not answered again',
          { organization, project: view.path.project },
          error,
        );
        await forget(key, view).catch((failure: unknown) =>
          warn('a failed recent delivery view was not forgotten', { organization }, failure),
        );
      }
    }
    return answered;
  }

  /** Adds the stored views (another instance's, or this one's before a restart) to those in memory. */
  async function restore(activeStore: RecentViewStore): Promise<void> {
    const since = now() - maxAgeMs;
    await activeStore.forgetBefore(since);
    const stored = await activeStore.list(since, maxViews);
    const merged = [...views.entries()];
    for (const row of stored) {
      const view = parseStored(row);
      if (view === undefined) {
        await activeStore.forget(row.organization, row.key);
        continue;
      }
      const known = views.get(row.key);
      if (known === undefined || known.viewedAt < view.viewedAt) merged.push([row.key, view]);
      savedAt.set(row.key, Math.max(savedAt.get(row.key) ?? 0, view.viewedAt));
    }
    // Oldest first, so that keep() evicts the least recently viewed.
    merged.sort((a, b) => a[1].viewedAt - b[1].viewedAt);
    for (const [key, view] of merged) keep(key, view);
  }

  async function refreshNow(): Promise<number> {
    if (store !== undefined) await restore(store);
    const organizations = new Set([...views.values()].map((view) => view.path.organization.toLowerCase()));
    let answered = 0;
    for (const organization of organizations) answered += await replayNow(organization);
    return answered;
  }

  return {
    service,
    replay: (organization) => serialised(() => replayNow(organization)),
    refresh: () => serialised(refreshNow),
  };
}

/** A stored view, if it still reads as one (a row from an older version may not). */
function parseStored(row: StoredRecentView): RecentView | undefined {
  const parsed = parseStoredJson(storedViewSchema, row.view);
  if (parsed === undefined || parsed.path.organization.toLowerCase() !== row.organization) return undefined;
  const { path, answer, query } = parsed;
  return { path, answer, query, viewedAt: row.viewedAt };
}
