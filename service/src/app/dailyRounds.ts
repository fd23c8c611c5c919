/**
 * Work that is due once a day rather than per sync: sprint-target snapshots and the usage roll-up (which
 * forgets the day's viewer hashes). Both are idempotent, so an hourly timer on every worker instance is
 * harmless; a round never overlaps the previous one.
 */
import type { Logger } from '../logger.ts';
import type { UsageService } from '../services/usage/service.ts';

export interface DailyRounds {
  /** Runs one round now (tests, and the first round after start). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startDailyRounds(options: {
  recordSnapshots: () => Promise<number>;
  usage: UsageService;
  /** Posts the week's insight digests not sent yet (once per team and week). */
  sendDigests?: () => Promise<{ sent: number; failed: number }>;
  logger: Logger;
  intervalMs?: number;
}): DailyRounds {
  let running: Promise<void> | undefined;
  let stopped = false;
  const round = async (): Promise<void> => {
    try {
      const snapshots = await options.recordSnapshots();
      const days = await options.usage.rollUp();
      const digests = (await options.sendDigests?.()) ?? { sent: 0, failed: 0 };
      options.logger.info('daily round done', {
        snapshots,
        usageDaysCounted: days,
        digestsSent: digests.sent,
        digestsFailed: digests.failed,
      });
    } catch (error) {
      options.logger.warn('daily round failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const runOnce = (): Promise<void> => {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void runOnce();
  }, options.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
