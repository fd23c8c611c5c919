import { createRandom, deriveSeed } from '../model/random.ts';
import type { Random } from '../model/random.ts';
import { createIdentities } from '../model/identities.ts';
import type { Identity, IterationModel } from '../model/organization.ts';
import type { WorkItemStore } from '../store/workItems.ts';
import { planItemFlow, TIME } from './flow.ts';
import type { PlannedEvent } from './flow.ts';
import { makeTags, makeTitle } from './catalog.ts';
import { carryOver, recordChange, recordCreation } from './recorder.ts';
import type { NewItem } from './recorder.ts';
import { LEGACY_SCALES, PROJECT_NAME, makeIterations, makePat, pickArea, pickType } from './layout.ts';
import type { LegacyScale } from './layout.ts';
import { plannedIterationFor } from '../model/sprintPlanning.ts';

export interface LegacyPlan {
  readonly item: NewItem;
  /** The item's whole planned life, including events after `now` (the clock's future). */
  readonly events: readonly PlannedEvent[];
}

/** Everything drawn before any revision is recorded: ids, people, sprints and every item's plan. */
export interface LegacySkeleton {
  readonly organizationId: string;
  readonly projectId: string;
  readonly rootIterationId: string;
  readonly teamId: string;
  readonly identities: readonly Identity[];
  readonly pat: string;
  readonly iterations: IterationModel[];
  readonly start: Date;
  readonly plans: readonly LegacyPlan[];
  /** The work-items stream, positioned where recording continues drawing. */
  readonly random: Random;
}

/** A revision of another origin (incidents, deletions) recorded in time order among the legacy ones. */
export interface ExtraEntry {
  readonly at: number;
  readonly id: number;
  record(store: WorkItemStore): void;
}

export interface FutureEvent {
  readonly id: number;
  readonly event: PlannedEvent;
}

/**
 * Plans the tiny or demo organization exactly as the first simulator did (same draws, same order), so
 * the data the Web Team sees stays the same for a seed.
 */
export function planLegacy(seed: number, scale: LegacyScale, now: Date): LegacySkeleton {
  const ids = createRandom(deriveSeed(seed, 'ids'));
  const random = createRandom(deriveSeed(seed, 'work-items'));
  const { items: itemCount, days } = LEGACY_SCALES[scale];
  const start = new Date(Math.floor(now.getTime() / TIME.DAY) * TIME.DAY - days * TIME.DAY);
  const iterations = makeIterations(ids, start, now, PROJECT_NAME);
  const organizationId = ids.guid();
  const projectId = ids.guid();
  const rootIterationId = ids.guid();
  const teamId = ids.guid();
  const identities = createIdentities(ids);
  const pat = makePat(ids);

  // Creation times first, sorted, so ids grow with creation time as on the real service.
  const createdAt = Array.from({ length: itemCount }, () => {
    const day = random.int(0, days - 1);
    return new Date(
      start.getTime() + day * TIME.DAY + random.int(0, 9 * 60) * TIME.MINUTE + random.int(0, 59_999),
    );
  }).sort((a, b) => a.getTime() - b.getTime());

  const lastStory = new Map<string, number>();
  const plans = createdAt.map((at, index): LegacyPlan => {
    const workItemType = pickType(random);
    const title = makeTitle(random, workItemType);
    const areaPath = pickArea(random);
    const iterationPath = plannedIterationFor(iterations, at, PROJECT_NAME);
    const tags = makeTags(random);
    const isDeleted = random.chance(0.02);
    const id = index + 1;
    // A task hangs under the latest story of its area (no draw: the data stays as it was).
    const parent = workItemType === 'Task' ? (lastStory.get(areaPath) ?? 0) : 0;
    if (workItemType === 'User Story') lastStory.set(areaPath, id);
    const item: NewItem = { id, workItemType, title, areaPath, iterationPath, tags, isDeleted, parent };
    return { item, events: planItemFlow(random, workItemType, at) };
  });
  return {
    organizationId,
    projectId,
    rootIterationId,
    teamId,
    identities,
    pat,
    iterations,
    start,
    plans,
    random,
  };
}

/**
 * Records every planned event up to `now` in change order, with the extra entries merged in by time
 * (legacy first on ties, so its draws stay in their original order). Returns the events after `now`.
 */
export function recordLegacy(
  store: WorkItemStore,
  skeleton: LegacySkeleton,
  now: Date,
  extras: readonly ExtraEntry[],
): FutureEvent[] {
  const { random, identities } = skeleton;
  const people = identities.map((_person, index) => index);
  const future: FutureEvent[] = [];
  const timeline = skeleton.plans
    .flatMap(({ item, events }) => events.map((event) => ({ item, event })))
    .filter(({ item, event }) => {
      if (event.at.getTime() <= now.getTime()) return true;
      future.push({ id: item.id, event });
      return false;
    })
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.item.id - b.item.id);
  const sortedExtras = [...extras].sort((a, b) => a.at - b.at || a.id - b.id);
  let next = 0;
  const flushExtras = (until: number): void => {
    for (let extra = sortedExtras[next]; extra && extra.at < until; extra = sortedExtras[next]) {
      extra.record(store);
      next += 1;
    }
  };
  for (const { item, event } of timeline) {
    flushExtras(event.at.getTime());
    const by = random.pick(people);
    if (event.kind === 'create') {
      recordCreation(store, item, event.at, by);
      continue;
    }
    const moved = carryOver(store, item.id, event.at, skeleton.iterations);
    const iteration = moved === undefined ? {} : { iteration: moved };
    if (event.kind === 'state') {
      recordChange(store, item.id, {
        at: event.at,
        by,
        state: event.state,
        reactivated: event.reactivated,
        ...iteration,
      });
    } else if (random.chance(0.6))
      recordChange(store, item.id, {
        at: event.at,
        by,
        title: makeTitle(random, item.workItemType),
        ...iteration,
      });
    else recordChange(store, item.id, { at: event.at, by, tags: makeTags(random), ...iteration });
  }
  flushExtras(Number.POSITIVE_INFINITY);
  return future.sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.id - b.id);
}
