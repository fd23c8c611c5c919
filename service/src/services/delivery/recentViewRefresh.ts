/**
 * Every instance answers the recent Delivery views again at start-up and then every interval (default a
 * minute): a restarted instance warms what people were looking at, and an instance whose worker did not
 * run the last sync catches up within the interval. A view whose data did not change costs a cache hit.
 */
import type { Logger } from '../../logger.ts';
import type { RecentDeliveryViews } from './recentViews.ts';

export const RECENT_VIEW_REFRESH_MS = 60_000;

export interface RecentViewRefresh {
  /** Stops the timer and waits for a refresh under way. */
  stop(): Promise<void>;
}

export function startRecentViewRefresh(
  views: Pick<RecentDeliveryViews, 'refresh'>,
  options: { logger: Logger; intervalMs?: number },
): RecentViewRefresh {
  let stopped = false;
  let running: Promise<void> | undefined;
  const run = () => {
    // A refresh still under way (large projects computed again) is not queued behind by another.
    if (stopped || running !== undefined) return;
    running = views
      .refresh()
      .then(
        () => undefined,
        (error: unknown) =>
          options.logger.warn('the recent delivery views were not refreshed', {
            error: error instanceof Error ? error.message : String(error),
          }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? RECENT_VIEW_REFRESH_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
