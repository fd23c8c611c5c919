import type { Random } from '../model/random.ts';
import type { LegacyType, StateName } from './types.ts';

/** One thing that happens to a work item; each becomes one revision. */
export interface PlannedEvent {
  readonly at: Date;
  readonly kind: 'create' | 'state' | 'edit';
  readonly state: StateName;
  readonly reactivated: boolean;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Scenario = 'normal' | 'removed' | 'reopened' | 'skipActive' | 'neverStarted' | 'sameDay';

function chooseScenario(random: Random, type: LegacyType): Scenario {
  const roll = random.next();
  // Agile bugs have no Removed state; other types are removed a bit more often so ~5% of all items are.
  if (roll < 0.07) return type === 'Bug' ? 'normal' : 'removed';
  if (roll < 0.12) return 'reopened';
  if (roll < 0.16) return 'skipActive';
  if (roll < 0.21) return 'neverStarted';
  if (roll < 0.27) return 'sameDay';
  return 'normal';
}

/** Steps as [state, minimum delay, maximum delay] in minutes after the previous step. */
type Step = readonly [StateName, number, number, boolean?];

function stepsFor(scenario: Scenario, type: LegacyType, random: Random): Step[] {
  const days = (n: number): number => n * 24 * 60;
  const hasResolved = type !== 'Task';
  const finish: Step[] = hasResolved
    ? [
        ['Resolved', days(1), days(20)],
        ['Closed', 30, days(4)],
      ]
    : [['Closed', days(1), days(12)]];
  switch (scenario) {
    case 'neverStarted':
      return [];
    case 'skipActive':
      return [['Closed', days(1), days(10)]];
    case 'removed':
      return random.chance(0.5)
        ? [
            ['Active', days(1), days(5)],
            ['Removed', days(1), days(10)],
          ]
        : [['Removed', days(1), days(15)]];
    case 'sameDay':
      return hasResolved
        ? [
            ['Active', 10, 120],
            ['Resolved', 30, 180],
            ['Closed', 10, 60],
          ]
        : [
            ['Active', 10, 120],
            ['Closed', 30, 240],
          ];
    case 'reopened':
      return [
        ['Active', 60, days(8)],
        ...finish,
        ['Active', days(1), days(7), true],
        ...(hasResolved ? ([['Resolved', days(1), days(4)]] as Step[]) : []),
        ['Closed', 60, days(3)],
      ];
    case 'normal':
      return [['Active', 60, days(10)], ...finish];
  }
}

/**
 * Plans the life of one item from its creation. Events after the generation's `now` have not happened
 * yet: the caller keeps them for the simulated clock.
 */
export function planItemFlow(random: Random, type: LegacyType, createdAt: Date): PlannedEvent[] {
  const events: PlannedEvent[] = [{ at: createdAt, kind: 'create', state: 'New', reactivated: false }];
  let at = createdAt.getTime();
  let state: StateName = 'New';
  for (const [next, minMinutes, maxMinutes, reactivated] of stepsFor(
    chooseScenario(random, type),
    type,
    random,
  )) {
    const gap = random.int(minMinutes, maxMinutes) * MINUTE + random.int(0, 59_999);
    if (random.chance(0.25) && gap > 2 * MINUTE) {
      // A title or tag tweak between two state changes: a non-state revision.
      events.push({ at: new Date(at + Math.floor(gap / 2)), kind: 'edit', state, reactivated: false });
    }
    at += gap;
    state = next;
    events.push({ at: new Date(at), kind: 'state', state, reactivated: reactivated === true });
  }
  return events;
}

export const TIME = { MINUTE, DAY };
