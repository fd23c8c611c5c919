/**
 * The figure views this instance answered lately, answered again after each sync run of their
 * organization. Answers are cached by data version, and an active organization's runs change the
 * version of its busy projects every few minutes: without this, the first person to look after each run
 * waits for the project's records to be read and computed (seconds for a project of 200,000 builds).
 * Only views someone looked at within a day are replayed, one after another, so a run costs this
 * instance what its users asked for anyway; a view that fails now (a team no longer mapped) is dropped.
 */
import type { DeliveryPath, DeliveryQuery } from '../../contract/index.ts';
import type { Logger } from '../../logger.ts';
import { canonicalJson } from '../requestKey.ts';
import type { DeliveryService, DeliverySession } from './service.ts';

/** The views a hub opens with: the figures and the trend. */
type ReplayedAnswer = 'summary' | 'trend';

interface RecentView {
  path: DeliveryPath;
  answer: ReplayedAnswer;
  query: DeliveryQuery;
  viewedAt: number;
}

export interface RecentViewOptions {
  logger: Logger;
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
}

const DAY_MS = 86_400_000;

const keyOf = ({ path, answer, query }: Pick<RecentView, 'path' | 'answer' | 'query'>) =>
  canonicalJson({ path, answer, query });

export function recentDeliveryViews(inner: DeliveryService, options: RecentViewOptions): RecentDeliveryViews {
  const maxAgeMs = options.maxAgeMs ?? DAY_MS;
  const maxViews = options.maxViews ?? 16;
  const now = options.now ?? Date.now;
  // In viewing order, oldest first: a Map keeps insertion order, and a view seen again moves to the end.
  const views = new Map<string, RecentView>();

  function remember(path: DeliveryPath, answer: ReplayedAnswer, query: DeliveryQuery): void {
    const view = { path, answer, query, viewedAt: now() };
    const key = keyOf(view);
    views.delete(key);
    views.set(key, view);
    for (const oldest of views.keys()) {
      if (views.size <= maxViews) break;
      views.delete(oldest);
    }
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

  async function replay(organization: string): Promise<number> {
    const since = now() - maxAgeMs;
    let answered = 0;
    for (const [key, view] of [...views]) {
      if (view.path.organization !== organization) continue;
      if (view.viewedAt < since) {
        views.delete(key);
        continue;
      }
      try {
        const session = await inner.open(view.path);
        await session[view.answer](view.query);
        answered++;
      } catch (error) {
        views.delete(key);
        options.logger.warn('a recent delivery view was not answered again', {
          organization,
          project: view.path.project,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return answered;
  }

  return { service, replay };
}
