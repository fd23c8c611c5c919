import type { Random } from '../model/random.ts';
import type { WorkItemTypeDef } from '../processes/types.ts';
import type { StateCategory } from '../../domain/workflow.ts';
import { DAY, HOUR, MINUTE, logNormal } from '../delivery/timing.ts';

/** One planned revision of an item: what changes, when (relative to the previous step), and why. */
export interface PlannedStep {
  readonly delay: number;
  readonly kind: 'state' | 'column' | 'edit' | 'comment' | 'iteration' | 'move' | 'type' | 'delete' | 'tasks';
  readonly state?: string;
  readonly columnDone?: boolean;
}

const first = (type: WorkItemTypeDef, category: StateCategory): string | undefined =>
  type.states.find((state) => state.category === category)?.name;

function inProgressStates(type: WorkItemTypeDef): string[] {
  return type.states.filter((state) => state.category === 'InProgress').map((state) => state.name);
}

/**
 * Plans the life of a requirement or bug from its creation: backlog time with edits and comments,
 * sprint planning, start (and its tasks), board moves through split columns and review states, a
 * resolved step, completion — with the usual detours: removal, never starting, backward moves,
 * reopening, team moves, type changes and deletion.
 */
export function planLife(
  random: Random,
  type: WorkItemTypeDef,
  options: {
    readonly splitStates: ReadonlySet<string>;
    readonly canChangeType: boolean;
    readonly canMove: boolean;
  },
): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const comment = (count: number, spread: number): void => {
    for (let n = 0; n < count; n += 1)
      steps.push({
        delay: logNormal(random, spread, 1, MINUTE, 10 * DAY),
        kind: random.chance(0.7) ? 'comment' : 'edit',
      });
  };
  const proposed = type.states.filter((state) => state.category === 'Proposed').map((state) => state.name);
  const active = inProgressStates(type);
  const resolved = first(type, 'Resolved');
  const done = first(type, 'Completed');
  const removed = first(type, 'Removed');
  if (!done || active.length === 0) return steps;
  comment(random.int(1, 4), 8 * HOUR);
  if (options.canChangeType && random.chance(0.03))
    steps.push({ delay: logNormal(random, 3 * HOUR, 1, MINUTE, 3 * DAY), kind: 'type' });
  const roll = random.next();
  if (roll < 0.04) {
    steps.push({
      delay: logNormal(random, 6 * DAY, 1, HOUR, 90 * DAY),
      kind: 'state',
      state: removed ?? done,
    });
    if (random.chance(0.25))
      steps.push({ delay: logNormal(random, 2 * DAY, 1, HOUR, 30 * DAY), kind: 'delete' });
    return steps;
  }
  if (roll < 0.16) {
    // Never started: it waits on the backlog (sometimes groomed, sometimes deleted).
    comment(random.int(0, 2), 20 * DAY);
    if (random.chance(0.08))
      steps.push({ delay: logNormal(random, 20 * DAY, 1, DAY, 200 * DAY), kind: 'delete' });
    return steps;
  }
  if (options.canMove && random.chance(0.04))
    steps.push({ delay: logNormal(random, 2 * DAY, 1, HOUR, 20 * DAY), kind: 'move' });
  for (const waiting of proposed.slice(1))
    steps.push({ delay: logNormal(random, 2 * DAY, 1, HOUR, 30 * DAY), kind: 'state', state: waiting });
  steps.push({ delay: logNormal(random, 3 * DAY, 1.1, 10 * MINUTE, 80 * DAY), kind: 'iteration' });
  const start = active[0] ?? done;
  steps.push({ delay: logNormal(random, 8 * HOUR, 1, MINUTE, 14 * DAY), kind: 'state', state: start });
  steps.push({ delay: 2 * MINUTE, kind: 'tasks' });
  const work = (): void => {
    for (const [index, state] of active.entries()) {
      // The first in-progress state was just entered; later ones (a review state) follow.
      if (index > 0)
        steps.push({ delay: logNormal(random, 20 * HOUR, 1, 10 * MINUTE, 10 * DAY), kind: 'state', state });
      comment(random.int(0, 2), 16 * HOUR);
      if (options.splitStates.has(state)) {
        steps.push({
          delay: logNormal(random, 2 * DAY, 0.9, 30 * MINUTE, 20 * DAY),
          kind: 'column',
          columnDone: true,
        });
      }
    }
  };
  work();
  if (options.canMove && random.chance(0.02))
    steps.push({ delay: logNormal(random, DAY, 1, HOUR, 10 * DAY), kind: 'move' });
  if (random.chance(0.07)) {
    // Not done yet: back to an earlier in-progress state (review or test found more work).
    if (resolved)
      steps.push({ delay: logNormal(random, DAY, 1, 10 * MINUTE, 10 * DAY), kind: 'state', state: resolved });
    steps.push({ delay: logNormal(random, 4 * HOUR, 1, 10 * MINUTE, 5 * DAY), kind: 'state', state: start });
    work();
  }
  if (resolved)
    steps.push({
      delay: logNormal(random, 2 * DAY, 1, 10 * MINUTE, 25 * DAY),
      kind: 'state',
      state: resolved,
    });
  steps.push({ delay: logNormal(random, 12 * HOUR, 1.1, 5 * MINUTE, 12 * DAY), kind: 'state', state: done });
  comment(random.int(0, 1), DAY);
  if (random.chance(0.035)) {
    steps.push({ delay: logNormal(random, 3 * DAY, 1, HOUR, 30 * DAY), kind: 'state', state: start });
    steps.push({
      delay: logNormal(random, 2 * DAY, 1, HOUR, 15 * DAY),
      kind: 'state',
      state: resolved ?? done,
    });
    if (resolved)
      steps.push({ delay: logNormal(random, 8 * HOUR, 1, 10 * MINUTE, 5 * DAY), kind: 'state', state: done });
  }
  return steps;
}

/** A task under a started item: picked up, worked with remaining-work updates, done (or removed). */
export function planTask(random: Random, type: WorkItemTypeDef): PlannedStep[] {
  const active = inProgressStates(type)[0];
  const done = first(type, 'Completed');
  const removed = first(type, 'Removed');
  if (!active || !done) return [];
  const steps: PlannedStep[] = [];
  if (random.chance(0.05) && removed)
    return [{ delay: logNormal(random, 2 * DAY, 1, HOUR, 10 * DAY), kind: 'state', state: removed }];
  steps.push({ delay: logNormal(random, 6 * HOUR, 1, 5 * MINUTE, 6 * DAY), kind: 'state', state: active });
  for (let n = random.int(2, 5); n > 0; n -= 1)
    steps.push({ delay: logNormal(random, 10 * HOUR, 0.8, 30 * MINUTE, 4 * DAY), kind: 'edit' });
  const resolved = first(type, 'Resolved');
  if (resolved)
    steps.push({
      delay: logNormal(random, 10 * HOUR, 1, 10 * MINUTE, 6 * DAY),
      kind: 'state',
      state: resolved,
    });
  steps.push({ delay: logNormal(random, 10 * HOUR, 1, 10 * MINUTE, 8 * DAY), kind: 'state', state: done });
  return steps;
}
