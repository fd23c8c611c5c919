/** Property-based tests (fast-check) of the identities that tie the flow metrics together. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowItem, StateTransitionRecord } from '../../../../service/src/domain/records.ts';
import {
  dayIndex,
  dayIndexOf,
  dayOf,
  endOfDay,
  startOfDay,
} from '../../../../service/src/metrics/calendar.ts';
import {
  cumulativeFlowByCategory,
  cumulativeFlowByState,
} from '../../../../service/src/metrics/flow/cumulativeFlow.ts';
import { computeCycleTimes } from '../../../../service/src/metrics/flow/cycleTime.ts';
import { forecastHowMany, probabilityOfAtLeast } from '../../../../service/src/metrics/forecast/howMany.ts';
import { forecastWhenDone } from '../../../../service/src/metrics/forecast/whenDone.ts';
import { prepareFlow } from '../../../../service/src/metrics/flow/prepare.ts';
import { snapshotAt } from '../../../../service/src/metrics/flow/snapshot.ts';
import { dailyThroughput } from '../../../../service/src/metrics/flow/throughput.ts';
import { dailyArrivals, dailyWip } from '../../../../service/src/metrics/flow/wip.ts';
import {
  isExcludedFromFlow,
  isStartedCode,
  resolveFlow,
} from '../../../../service/src/metrics/flow/workflow.ts';
import { workflow } from './fixtures.ts';

const BASE = Date.UTC(2026, 2, 1);
const MINUTE = 60_000;
const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York'] as const;
const ANY_STATE = ['New', 'Active', 'Blocked', 'Resolved', 'Closed', 'Removed', 'Limbo'] as const;
/** Forward-only walk: each step moves to a later (or the same) category, never to Removed. */
const FORWARD = ['New', 'Active', 'Resolved', 'Closed'] as const;

function buildItem(
  id: number,
  type: string,
  start: number,
  steps: readonly (readonly [number, string])[],
): FlowItem {
  let at = BASE + start * MINUTE;
  const transitions: StateTransitionRecord[] = steps.map(([gap, toState], index) => {
    at += gap * MINUTE;
    return {
      workItemId: id,
      revision: index + 1,
      at,
      fromState: null,
      toState,
      workItemType: type,
      provenance: { rawPageId: 1 },
    };
  });
  const first = transitions[0];
  const last = transitions[transitions.length - 1];
  return {
    item: {
      id,
      project: 'P',
      workItemType: type,
      title: `#${id}`,
      areaPath: 'P',
      tags: [],
      state: last?.toState ?? 'New',
      createdAt: first?.at ?? BASE,
      changedAt: last?.at ?? BASE,
      revision: transitions.length,
      isDeleted: id % 17 === 0,
      provenance: { rawPageId: 1 },
    },
    transitions,
  };
}

const step = (states: readonly string[]) =>
  fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.constantFrom(...states));

const anyItems = fc
  .array(
    fc.record({
      type: fc.constantFrom('User Story', 'Bug', 'Task'),
      start: fc.integer({ min: 0, max: 20 * 24 * 60 }),
      steps: fc.array(step(ANY_STATE), { minLength: 1, maxLength: 8 }),
    }),
    { maxLength: 25 },
  )
  .map((specs) => specs.map((spec, index) => buildItem(index + 1, spec.type, spec.start, spec.steps)));

const forwardItems = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 20 * 24 * 60 }),
      ranks: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 0, max: 3 })), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
    { maxLength: 25 },
  )
  .map((specs) =>
    specs.map((spec, index) => {
      let rank = 0;
      const steps = spec.ranks.map(([gap, up]) => {
        rank = Math.min(3, rank + up);
        return [gap, FORWARD[rank] ?? 'New'] as const;
      });
      return buildItem(index + 1, 'User Story', spec.start, steps);
    }),
  );

const zone = fc.constantFrom(...ZONES);
const range = fc
  .tuple(fc.integer({ min: -2, max: 30 }), fc.integer({ min: 0, max: 20 }))
  .map(
    ([offset, length]) =>
      [dayIndex('2026-03-01') + offset, dayIndex('2026-03-01') + offset + length] as const,
  );

const RUNS = { numRuns: 150 };

describe('flow metric properties', () => {
  it('CFD bands sum to the number of items that exist at the end of each day', () => {
    fc.assert(
      fc.property(anyItems, zone, range, (items, timeZone, [first, last]) => {
        const flow = prepareFlow(items, workflow, { timeZone });
        const byCategory = cumulativeFlowByCategory(flow, first, last);
        const byState = cumulativeFlowByState(flow, first, last);
        for (let offset = 0; offset <= last - first; offset++) {
          const existing = Array.from(flow.createdDays).filter((created, item) => {
            const firstTransition = flow.states.offsets[item] ?? 0;
            return firstTransition < (flow.states.offsets[item + 1] ?? 0) && created <= first + offset;
          }).length;
          const sum = (bands: { counts: number[] }[]) =>
            bands.reduce((total, band) => total + (band.counts[offset] ?? 0), 0);
          expect(sum(byCategory.bands)).toBe(existing);
          expect(sum(byState.bands)).toBe(existing);
        }
      }),
      RUNS,
    );
  });

  it('throughput summed over a range equals the items completed in it (checked item by item)', () => {
    fc.assert(
      fc.property(anyItems, zone, range, (items, timeZone, [first, last]) => {
        const fromDay = new Date(first * 86_400_000).toISOString().slice(0, 10);
        const toDay = new Date(last * 86_400_000).toISOString().slice(0, 10);
        const asOf = endOfDay(toDay, timeZone);
        const flow = prepareFlow(items, workflow, { timeZone });
        const total = dailyThroughput(snapshotAt(flow, asOf), first, last).reduce((a, b) => a + b, 0);
        const byHand = items.filter((flowItem) => {
          if (isExcludedFromFlow(flowItem, workflow)) return false;
          const { completedAt } = resolveFlow(flowItem, workflow, asOf);
          if (completedAt === undefined) return false;
          const completedDay = dayIndexOf(completedAt, timeZone);
          return completedDay >= first && completedDay <= last;
        }).length;
        const cycle = computeCycleTimes({ items, workflow, fromDay, toDay, timeZone });
        expect(total).toBe(byHand);
        expect(cycle.items.length + cycle.completedWithoutStart.length).toBe(total);
        for (const entry of cycle.items) {
          expect(entry.cycleTimeDays).toBe(
            dayIndex(entry.completedOn) - dayIndexOf(entry.startedAt, timeZone) + 1,
          );
          expect(entry.cycleTimeDays).toBeGreaterThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('WIP(d) = items started by d − those whose category at the end of d is not InProgress/Resolved', () => {
    fc.assert(
      fc.property(anyItems, zone, range, (items, timeZone, [first, last]) => {
        const flow = prepareFlow(items, workflow, { timeZone });
        const wip = dailyWip(flow, first, last);
        const kept = items.filter((flowItem) => !isExcludedFromFlow(flowItem, workflow));
        for (let d = first; d <= last; d++) {
          const asOf = endOfDay(new Date(d * 86_400_000).toISOString().slice(0, 10), timeZone);
          const resolved = kept.map((flowItem) => resolveFlow(flowItem, workflow, asOf));
          const started = resolved.filter((entry) => entry.startedAt !== undefined);
          const leftProgress = started.filter((entry) => !isStartedCode(entry.categoryCode));
          expect(wip[d - first]).toBe(started.length - leftProgress.length);
        }
      }),
      RUNS,
    );
  });

  it('forward-only histories: WIP(d) = Σ arrivals up to d − Σ completions of started items up to d', () => {
    fc.assert(
      fc.property(forwardItems, zone, (items, timeZone) => {
        const first = dayIndex('2026-02-27');
        const last = dayIndex('2026-04-20');
        const flow = prepareFlow(items, workflow, { timeZone });
        const snapshot = snapshotAt(flow, endOfDay('2026-04-20', timeZone));
        const arrivals = dailyArrivals(snapshot, first, last);
        const completedStarted = new Int32Array(last - first + 1);
        snapshot.completedDay.forEach((completed, item) => {
          if (!Number.isNaN(snapshot.startedAt[item]) && completed >= first && completed <= last) {
            completedStarted[completed - first] = (completedStarted[completed - first] ?? 0) + 1;
          }
        });
        const wip = dailyWip(flow, first, last);
        let started = 0;
        let completed = 0;
        for (let offset = 0; offset <= last - first; offset++) {
          started += arrivals[offset] ?? 0;
          completed += completedStarted[offset] ?? 0;
          expect(wip[offset]).toBe(started - completed);
        }
      }),
      RUNS,
    );
  });

  it('forecast lines are monotonic and mean "c% of trials reach or exceed"', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 80 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (history, days, remaining, confidences) => {
          const sorted = [...confidences].sort((a, b) => a - b);
          const howMany = forecastHowMany({ history, days, trials: 500, confidences: sorted });
          const items = howMany.confidences.map((line) => line.items);
          expect(items).toEqual([...items].sort((a, b) => b - a));
          for (const line of howMany.confidences) {
            expect(probabilityOfAtLeast(howMany, line.items)).toBeGreaterThanOrEqual(line.confidence / 100);
          }
          const when = forecastWhenDone({
            history,
            items: remaining,
            startDay: '2026-04-01',
            trials: 500,
            maxDays: 400,
            confidences: sorted,
          });
          const lengths = when.confidences.map((line) => line.days ?? Number.POSITIVE_INFINITY);
          expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('every instant lies within the start and end of its own day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }),
        zone,
        (at, timeZone) => {
          const day = dayOf(at, timeZone);
          expect(startOfDay(day, timeZone)).toBeLessThanOrEqual(at);
          expect(endOfDay(day, timeZone)).toBeGreaterThanOrEqual(at);
          expect(dayOf(startOfDay(day, timeZone) - 1, timeZone) < day).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
