import type { RequestBudget } from '../ado/http/requestBudget.ts';
import type { StreamStatus, StreamStatusStore } from '../storage/tenants.ts';
import type { StoredProblem } from './problems.ts';

/** Waits whose resume times lie closer than this are the same wait for the status. */
const PAUSE_SAVE_MS = 1_000;

/** Counted progress (items done of known) is saved at most this often. */
const COUNTED_SAVE_MS = 1_000;

/** Page updates the ETA's pace is measured over, at the least. */
const RECENT_SAMPLES = 8;

/**
 * The pace is also measured over at least this share of the run so far: under a paced budget pages come
 * in bursts, and eight pages from one burst would promise a pace the next wait takes back.
 */
const RECENT_SHARE_OF_RUN = 0.4;

/** A wait for the budget at least this long before a page makes that page the start of a burst. */
const BURST_WAIT_MS = 100;

/**
 * Burst starts kept: the last two, one whole budget window apart. The window's pace is the stream's
 * share of what the budget gives back, which changes as soon as another stream ends (its share is freed),
 * so the last window says more than an average over several.
 */
const BURST_STARTS_KEPT = 2;

interface Sample {
  at: number;
  progress: number;
}

/** Keeps the last few samples, spanning at least a share of the run so far. */
function keepRecent(samples: Sample[], at: number, startedAt: number): void {
  const minimumSpan = (at - startedAt) * RECENT_SHARE_OF_RUN;
  while (samples.length > RECENT_SAMPLES) {
    const second = samples[1];
    if (second === undefined || at - second.at < minimumSpan) break;
    samples.shift();
  }
}

/**
 * Tracks one stream's run for the sync-status API and the CLI. Progress is estimated from time: the
 * stream reads history from its oldest change to now, so the timestamp reached says how far it is.
 */
export class StreamProgress {
  private pages = 0;
  private items = 0;
  private oldestSeen: number | null = null;
  private progress: number | null = null;
  /** A history read in parts (one project after another): the part being read, of how many. */
  private part = { index: 0, count: 1 };
  /** Recent (time, progress) points: the ETA follows the current pace, not the run's average. */
  private readonly samples: Sample[] = [];
  /** The recent samples that came first after a wait for the budget: each starts a burst of pages. */
  private readonly burstStarts: Sample[] = [];
  private waitedAtLastSample = 0;
  private readonly startedAt: number;
  /** The budget is the organization's and outlives runs: pacing is counted from this run's start. */
  private readonly waitedBefore: number;
  private phase: StreamStatus['phase'] = 'queued';
  private stopWatchingPauses: (() => void) | undefined;
  private lastPauseSaved: number | null = null;
  private lastCounted: number | null = null;

  constructor(
    private readonly organization: string,
    private readonly stream: string,
    private readonly dependencies: {
      store: StreamStatusStore;
      budget: RequestBudget;
      requestCount: () => number;
      now: () => number;
      onUpdate?: (status: StreamStatus) => void;
      /** How long this stream's own requests waited for the budget so far (ms). */
      waitedHere?: () => number;
      /** The budget's wait total when the run began (a stream may start after others have ended). */
      waitedAtRunStart?: number;
    },
  ) {
    this.startedAt = dependencies.now();
    this.waitedBefore = dependencies.waitedAtRunStart ?? dependencies.budget.state().waitedMs;
  }

  /**
   * The stream reads its history in `count` parts of about equal weight, each from its oldest change to
   * now (a project's revisions, then the next project's): progress is the parts done plus the share of
   * this one.
   */
  beginPart(index: number, count: number): void {
    this.part = { index: Math.max(0, index), count: Math.max(1, count) };
    this.oldestSeen = null;
  }

  /** Records a stored page; `reachedAt` is the newest change time in it, when the stream knows it. */
  async page(itemCount: number, reachedAt?: number, oldestInPage?: number): Promise<void> {
    this.pages += 1;
    this.items += itemCount;
    if (oldestInPage !== undefined && this.oldestSeen === null) this.oldestSeen = oldestInPage;
    if (reachedAt !== undefined && this.oldestSeen !== null) {
      const span = this.dependencies.now() - this.oldestSeen;
      const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (reachedAt - this.oldestSeen) / span));
      this.progress = Math.min(1, (this.part.index + share) / this.part.count);
      this.recordSample(this.dependencies.now());
    }
    await this.save('collecting', null);
  }

  /**
   * Records progress counted in units (pull requests done of those known), for streams whose history
   * is not read by time: the share done and the recent pace give the ETA.
   */
  async counted(done: number, known: number): Promise<void> {
    const now = this.dependencies.now();
    this.progress = known <= 0 ? 1 : Math.min(1, done / known);
    // One save per second at most (a backfill counts thousands of pull requests), and the last one.
    if (done < known && this.lastCounted !== null && now - this.lastCounted < COUNTED_SAVE_MS) return;
    this.lastCounted = now;
    this.recordSample(now);
    await this.save('collecting', null);
  }

  private recordSample(at: number): void {
    if (this.progress === null) return;
    const sample = { at, progress: this.progress };
    this.samples.push(sample);
    keepRecent(this.samples, at, this.startedAt);
    const waited = this.dependencies.waitedHere?.() ?? 0;
    if (waited - this.waitedAtLastSample >= BURST_WAIT_MS) {
      this.burstStarts.push(sample);
      if (this.burstStarts.length > BURST_STARTS_KEPT) this.burstStarts.shift();
    }
    this.waitedAtLastSample = waited;
  }

  /**
   * The run begins. While it collects, a request starting to wait for the budget saves the status at
   * once, so "paced until …" shows during the wait rather than after it.
   */
  start(): Promise<void> {
    this.stopWatchingPauses = this.dependencies.budget.onPause((resumesAt) => {
      // Every collecting stream shares the budget: one save per stream per wait, not per waiting request.
      if (this.phase !== 'collecting') return;
      if (this.lastPauseSaved !== null && Math.abs(resumesAt - this.lastPauseSaved) < PAUSE_SAVE_MS) return;
      this.lastPauseSaved = resumesAt;
      void this.save('collecting', null).catch(() => undefined);
    });
    return this.save('collecting', null);
  }

  done(): Promise<void> {
    this.progress = 1;
    return this.end('done', null, null);
  }

  failed(error: string, problem?: StoredProblem): Promise<void> {
    return this.end('failed', error, problem ?? null);
  }

  /** The PAT lacks a scope this stream needs: not a failure of the sync, a feature turned off. */
  needsScope(message: string, problem: StoredProblem): Promise<void> {
    return this.end('needs_scope', message, problem);
  }

  private end(
    phase: StreamStatus['phase'],
    error: string | null,
    problem: StoredProblem | null,
  ): Promise<void> {
    this.stopWatchingPauses?.();
    return this.save(phase, error, problem);
  }

  /**
   * Time left at the pace of the last few pages (rate limits and page sizes change the pace during a
   * run, so the average since the start misleads); the average since the start until there are two.
   * Under a paced budget pages come in bursts, one per budget window: a pace measured from the end of
   * one burst to the start of another (or the reverse) is off by a whole burst, so the pace is then
   * measured between the last two burst starts, a whole window apart, and the finish is projected from
   * the latest burst start. The last burst needed begins up to a window before the straight line reaches the end
   * (half a window on average), so the projection is taken back by half a window. Time since the
   * projection's point counts as spent, so a status saved during a wait stays true.
   */
  private estimatedSecondsLeft(now: number): number | null {
    if (this.progress === null || this.progress <= 0) return null;
    const bursts = this.burstStarts.length >= 2;
    const points = bursts ? this.burstStarts : this.samples;
    const from = points[0];
    const anchor = points.at(-1);
    if (from !== undefined && anchor !== undefined && anchor.progress > from.progress) {
      const span = Math.max(1, anchor.at - from.at);
      const rate = (anchor.progress - from.progress) / span;
      const window = bursts ? span / (points.length - 1) : 0;
      const finish = anchor.at + Math.max(0, (1 - anchor.progress) / rate - window / 2);
      return Math.max(0, Math.round((finish - now) / 1000));
    }
    const elapsed = (now - this.startedAt) / 1000;
    return Math.round((elapsed * (1 - this.progress)) / this.progress);
  }

  private async save(
    phase: StreamStatus['phase'],
    lastError: string | null,
    problem: StoredProblem | null = null,
  ): Promise<void> {
    this.phase = phase;
    const now = this.dependencies.now();
    const budget = this.dependencies.budget.state();
    const status: StreamStatus = {
      organization: this.organization,
      stream: this.stream,
      phase,
      pages: this.pages,
      items: this.items,
      requests: this.dependencies.requestCount(),
      progress: this.progress,
      startedAt: this.startedAt,
      updatedAt: now,
      estimatedSecondsLeft: phase === 'done' ? 0 : this.estimatedSecondsLeft(now),
      rateLimit: {
        remaining: budget.remaining,
        limit: budget.limit,
        blockedUntil: budget.blockedUntil,
        throttledResponses: budget.throttledResponses,
        pacedSeconds: Math.max(0, budget.waitedMs - this.waitedBefore) / 1000,
      },
      resumesAt: phase === 'collecting' ? budget.resumesAt : null,
      lastError,
      problem,
      ...(phase === 'done' ? { lastSucceededAt: now } : {}),
    };
    await this.dependencies.store.save(status);
    this.dependencies.onUpdate?.(status);
  }
}
