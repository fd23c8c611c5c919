/**
 * A hand-worked example: 22 items of one team in Asia/Tokyo, 2026-03-01 … 2026-03-14, every metric
 * worked out on paper and written out literally. Times are written in JST (+09:00) so the days can be
 * read off directly. Lookback 30 days (2026-02-13 … 2026-03-14); waiting state: Blocked.
 *
 * The items, and what each one tests:
 *  1  New 02-25, Active 03-02, Closed 03-04              cycle 3, lead 8
 *  2  New 02-26, Active 03-02 11:00, Blocked 03-03, Active 03-05, Resolved 03-06, Closed 03-07
 *                                                        cycle 6, lead 10, 71 h active / 48 h blocked
 *  3  Bug Active 03-03 09:00, Closed 17:00                cycle 1 (same day), 8 h
 *  4  New 03-01, Closed 03-05                            skipped start: throughput only
 *  5  New 02-20, Active 02-27, Closed 03-01              started before the range, cycle 3
 *  6  Active 02-10, Closed 02-20                         before the range, inside the lookback: cycle 11
 *  7  New 02-28, Active 03-03, Closed 03-05, Active 03-06, Closed 03-09
 *                                                        reopened: completes once, on 03-09, cycle 7
 *  8  Bug Active 03-10, Closed 03-12                     cycle 3
 *  9  Active 03-12 23:30, Closed 03-14 00:30             day boundary: 3 days in Tokyo (2 in UTC), 25 h
 * 10  Active 03-13, Closed 03-15 00:10                   completes after the range: aging 2 days
 * 11  Active 03-08, Closed 03-11, Active 03-16           reopened after the range: still counts on 03-11
 * 12  Active 03-04, Closed 03-06, Active 03-10           reopened, not re-completed: aging 11 days
 * 13  Active 03-02, Removed 03-08                        removed: in no metric
 * 14  Bug Active 03-02, Closed 03-04, deleted            deleted: in no metric
 * 15  Active 03-02, Closed 03-05 in Fabrikam\Mobile      moved out of the team: in no metric
 * 16  Task Active 03-02, Closed 03-05                    not a backlog type: in no metric
 * 17  Active 02-15                                       aging 28 days
 * 18  New 03-05                                          proposed only
 * 19  New 03-01, Active 03-09, Resolved 03-12            Resolved is in progress: aging 6 days
 * 20  Bug Active 03-06, Triage 03-07, Active 03-08, Closed 03-13
 *                                                        Triage is in no category: cycle 8
 * 21  Active 03-11, Resolved 03-12, Active 03-13         backward move: aging 4 days
 * 22  Active 03-07, Blocked 03-09                        blocked is still in progress: aging 8 days
 */
import { describe, expect, it } from 'vitest';
import { dayIndex } from '../../../../service/src/metrics/calendar.ts';
import { parseTeamFlowConfig } from '../../../../service/src/metrics/flow/config.ts';
import { computeFlowMetrics } from '../../../../service/src/metrics/flow/flowMetrics.ts';
import { forecastHowMany } from '../../../../service/src/metrics/forecast/howMany.ts';
import { throughputHistory } from '../../../../service/src/metrics/forecast/history.ts';
import { forecastWhenDone } from '../../../../service/src/metrics/forecast/whenDone.ts';
import { prepareTeamFlow } from '../../../../service/src/metrics/flow/flowMetrics.ts';
import { snapshotAtEndOf } from '../../../../service/src/metrics/flow/snapshot.ts';
import type { ItemSpec } from './fixtures.ts';
import { flowItem, webTeam, workflow } from './fixtures.ts';

const at = (date: string, time = '10:00') => `2026-${date}T${time}+09:00`;

const specs: ItemSpec[] = [
  {
    id: 1,
    history: [
      [at('02-25'), 'New'],
      [at('03-02'), 'Active'],
      [at('03-04'), 'Closed'],
    ],
  },
  {
    id: 2,
    history: [
      [at('02-26'), 'New'],
      [at('03-02', '11:00'), 'Active'],
      [at('03-03'), 'Blocked'],
      [at('03-05'), 'Active'],
      [at('03-06'), 'Resolved'],
      [at('03-07'), 'Closed'],
    ],
  },
  {
    id: 3,
    type: 'Bug',
    history: [
      [at('03-03', '09:00'), 'Active'],
      [at('03-03', '17:00'), 'Closed'],
    ],
  },
  {
    id: 4,
    history: [
      [at('03-01'), 'New'],
      [at('03-05'), 'Closed'],
    ],
  },
  {
    id: 5,
    history: [
      [at('02-20'), 'New'],
      [at('02-27'), 'Active'],
      [at('03-01'), 'Closed'],
    ],
  },
  {
    id: 6,
    history: [
      [at('02-10'), 'Active'],
      [at('02-20'), 'Closed'],
    ],
  },
  {
    id: 7,
    history: [
      [at('02-28'), 'New'],
      [at('03-03'), 'Active'],
      [at('03-05'), 'Closed'],
      [at('03-06'), 'Active'],
      [at('03-09'), 'Closed'],
    ],
  },
  {
    id: 8,
    type: 'Bug',
    history: [
      [at('03-10'), 'Active'],
      [at('03-12'), 'Closed'],
    ],
  },
  {
    id: 9,
    history: [
      [at('03-12', '23:30'), 'Active'],
      [at('03-14', '00:30'), 'Closed'],
    ],
  },
  {
    id: 10,
    history: [
      [at('03-13'), 'Active'],
      [at('03-15', '00:10'), 'Closed'],
    ],
  },
  {
    id: 11,
    history: [
      [at('03-08'), 'Active'],
      [at('03-11'), 'Closed'],
      [at('03-16'), 'Active'],
    ],
  },
  {
    id: 12,
    history: [
      [at('03-04'), 'Active'],
      [at('03-06'), 'Closed'],
      [at('03-10'), 'Active'],
    ],
  },
  {
    id: 13,
    history: [
      [at('03-02'), 'Active'],
      [at('03-08'), 'Removed'],
    ],
  },
  {
    id: 14,
    type: 'Bug',
    isDeleted: true,
    history: [
      [at('03-02'), 'Active'],
      [at('03-04'), 'Closed'],
    ],
  },
  {
    id: 15,
    areaPath: 'Fabrikam\\Mobile',
    history: [
      [at('03-02'), 'Active'],
      [at('03-05'), 'Closed'],
    ],
  },
  {
    id: 16,
    type: 'Task',
    history: [
      [at('03-02'), 'Active'],
      [at('03-05'), 'Closed'],
    ],
  },
  { id: 17, history: [[at('02-15'), 'Active']] },
  { id: 18, history: [[at('03-05'), 'New']] },
  {
    id: 19,
    history: [
      [at('03-01'), 'New'],
      [at('03-09'), 'Active'],
      [at('03-12'), 'Resolved'],
    ],
  },
  {
    id: 20,
    type: 'Bug',
    history: [
      [at('03-06'), 'Active'],
      [at('03-07'), 'Triage'],
      [at('03-08'), 'Active'],
      [at('03-13'), 'Closed'],
    ],
  },
  {
    id: 21,
    history: [
      [at('03-11'), 'Active'],
      [at('03-12'), 'Resolved'],
      [at('03-13'), 'Active'],
    ],
  },
  {
    id: 22,
    history: [
      [at('03-07'), 'Active'],
      [at('03-09'), 'Blocked'],
    ],
  },
];

const HOUR = 3_600_000;
const days = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-03-${String(from + i).padStart(2, '0')}`);
const MARCH_1_TO_14 = days(1, 14);

const input = {
  items: specs.map(flowItem),
  workflow,
  scope: webTeam,
  config: parseTeamFlowConfig({ timeZone: 'Asia/Tokyo', waitingStates: ['Blocked'], lookbackDays: 30 }),
  fromDay: '2026-03-01',
  toDay: '2026-03-14',
  sprints: [
    { name: 'Sprint A', startDay: '2026-03-02', finishDay: '2026-03-13' },
    { name: 'Sprint B', startDay: '2026-03-14', finishDay: '2026-03-27' },
  ],
};
const metrics = computeFlowMetrics(input);
const series = (values: number[]) => values.map((count, i) => ({ day: MARCH_1_TO_14[i], count }));

describe('hand-worked example (Asia/Tokyo, 2026-03-01 … 2026-03-14)', () => {
  it('keeps the 18 team items (13 removed, 14 deleted, 15 moved out, 16 a Task)', () => {
    expect(metrics.itemCount).toBe(18);
  });

  it('cycle time', () => {
    expect(
      metrics.cycleTime.items.map((entry) => [
        entry.id,
        entry.completedOn,
        entry.cycleTimeDays,
        entry.cycleTimeHours,
      ]),
    ).toEqual([
      [5, '2026-03-01', 3, 48],
      [3, '2026-03-03', 1, 8],
      [1, '2026-03-04', 3, 48],
      [2, '2026-03-07', 6, 119],
      [7, '2026-03-09', 7, 144],
      [11, '2026-03-11', 4, 72],
      [8, '2026-03-12', 3, 48],
      [20, '2026-03-13', 8, 168],
      [9, '2026-03-14', 3, 25],
    ]);
    expect(metrics.cycleTime.completedWithoutStart).toEqual([4]);
    // Sorted: 1 3 3 3 3 4 6 7 8 → ranks 5, 7, 8, 9.
    expect(metrics.cycleTime.percentiles).toEqual([
      { percentile: 50, days: 3 },
      { percentile: 70, days: 6 },
      { percentile: 85, days: 7 },
      { percentile: 95, days: 8 },
    ]);
    expect(metrics.cycleTimeHistogram).toEqual([
      { days: 1, count: 1 },
      { days: 2, count: 0 },
      { days: 3, count: 4 },
      { days: 4, count: 1 },
      { days: 5, count: 0 },
      { days: 6, count: 1 },
      { days: 7, count: 1 },
      { days: 8, count: 1 },
    ]);
  });

  it('lead time', () => {
    expect(
      metrics.leadTime.items.map((entry) => [entry.id, entry.leadTimeDays, entry.leadTimeHours]),
    ).toEqual([
      [5, 10, 216],
      [3, 1, 8],
      [1, 8, 168],
      [4, 5, 96],
      [2, 10, 216],
      [7, 10, 216],
      [11, 4, 72],
      [8, 3, 48],
      [20, 8, 168],
      [9, 3, 25],
    ]);
    // Sorted: 1 3 3 4 5 8 8 10 10 10 → ranks 5, 7, 9, 10.
    expect(metrics.leadTime.percentiles.map((line) => line.days)).toEqual([5, 8, 10, 10]);
  });

  it('throughput per day, week and sprint', () => {
    expect(metrics.throughput.daily).toEqual(series([1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1]));
    expect(metrics.throughput.total).toBe(10);
    expect(metrics.throughput.weekly).toEqual([
      { weekStart: '2026-02-23', fromDay: '2026-03-01', toDay: '2026-03-01', days: 1, count: 1 },
      { weekStart: '2026-03-02', fromDay: '2026-03-02', toDay: '2026-03-08', days: 7, count: 4 },
      { weekStart: '2026-03-09', fromDay: '2026-03-09', toDay: '2026-03-14', days: 6, count: 5 },
    ]);
    expect(metrics.throughput.sprints).toEqual([
      { name: 'Sprint A', fromDay: '2026-03-02', toDay: '2026-03-13', days: 12, count: 8 },
      { name: 'Sprint B', fromDay: '2026-03-14', toDay: '2026-03-14', days: 1, count: 1 },
    ]);
  });

  it('WIP and arrival rate', () => {
    expect(metrics.wip.daily).toEqual(series([1, 3, 4, 4, 3, 4, 3, 5, 5, 7, 7, 7, 7, 6]));
    expect(metrics.wip.average).toBeCloseTo(66 / 14, 12);
    expect(metrics.arrivals.daily).toEqual(series([0, 2, 2, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0]));
    expect(metrics.arrivals.total).toBe(13);
  });

  it('aging against the 30-day lookback (cycle times 1 3 3 3 3 4 6 7 8 11)', () => {
    expect(metrics.aging.lookback).toEqual({
      fromDay: '2026-02-13',
      toDay: '2026-03-14',
      completedItems: 10,
    });
    expect(metrics.aging.percentiles).toEqual([
      { percentile: 50, days: 3 },
      { percentile: 70, days: 6 },
      { percentile: 85, days: 8 },
      { percentile: 95, days: 11 },
    ]);
    expect(
      metrics.aging.items.map((entry) => [
        entry.id,
        entry.state,
        entry.startedOn,
        entry.ageDays,
        entry.pacePassed,
        entry.within,
      ]),
    ).toEqual([
      [17, 'Active', '2026-02-15', 28, 95, null],
      [12, 'Active', '2026-03-04', 11, 85, 95],
      [22, 'Blocked', '2026-03-07', 8, 70, 85],
      [19, 'Resolved', '2026-03-09', 6, 50, 70],
      [21, 'Active', '2026-03-11', 4, 50, 70],
      [10, 'Active', '2026-03-13', 2, null, 50],
    ]);
  });

  it('service level expectations', () => {
    expect(metrics.serviceLevels).toEqual([
      { percentile: 50, days: 3, sampleSize: 10 },
      { percentile: 70, days: 6, sampleSize: 10 },
      { percentile: 85, days: 8, sampleSize: 10 },
      { percentile: 95, days: 11, sampleSize: 10 },
    ]);
  });

  it('cumulative flow by category', () => {
    expect(metrics.cumulativeFlow.byCategory).toEqual({
      days: MARCH_1_TO_14,
      bands: [
        { name: 'Proposed', counts: [5, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1] },
        { name: 'InProgress', counts: [1, 3, 4, 4, 3, 3, 3, 5, 5, 7, 7, 5, 6, 5] },
        { name: 'Resolved', counts: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 1, 1] },
        { name: 'Completed', counts: [2, 2, 3, 4, 6, 6, 7, 7, 8, 7, 8, 9, 10, 11] },
        { name: 'Removed', counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        { name: '(no category)', counts: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0] },
      ],
    });
  });

  it('cumulative flow by state', () => {
    expect(metrics.cumulativeFlow.byState.bands).toEqual([
      { name: 'New', counts: [5, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1] },
      { name: 'Active', counts: [1, 3, 3, 3, 3, 3, 3, 5, 4, 6, 6, 4, 5, 4] },
      { name: 'Blocked', counts: [0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1] },
      { name: 'Resolved', counts: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 1, 1] },
      { name: 'Closed', counts: [2, 2, 3, 4, 6, 6, 7, 7, 8, 7, 8, 9, 10, 11] },
      { name: 'Triage', counts: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0] },
    ]);
  });

  it('flow efficiency: 584 h active, 48 h blocked', () => {
    expect(
      metrics.flowEfficiency.items.map((entry) => [entry.id, entry.activeMs / HOUR, entry.waitingMs / HOUR]),
    ).toEqual([
      [5, 48, 0],
      [3, 8, 0],
      [1, 48, 0],
      [2, 71, 48],
      [7, 120, 0],
      [11, 72, 0],
      [8, 48, 0],
      [20, 144, 0],
      [9, 25, 0],
    ]);
    expect(metrics.flowEfficiency.activeMs).toBe(584 * HOUR);
    expect(metrics.flowEfficiency.waitingMs).toBe(48 * HOUR);
    expect(metrics.flowEfficiency.efficiency).toBeCloseTo(73 / 79, 12);
  });

  it('data-quality flags', () => {
    expect(metrics.dataQuality).toEqual({
      items: [
        { id: 4, title: 'Item 4', flags: ['skippedStart'], unknownStates: [] },
        { id: 7, title: 'Item 7', flags: ['reopened', 'backwardMove', 'multipleStarts'], unknownStates: [] },
        {
          id: 12,
          title: 'Item 12',
          flags: ['reopened', 'backwardMove', 'multipleStarts'],
          unknownStates: [],
        },
        {
          id: 20,
          title: 'Item 20',
          flags: ['multipleStarts', 'stateNotInCategory'],
          unknownStates: ['Triage'],
        },
        { id: 21, title: 'Item 21', flags: ['backwardMove'], unknownStates: [] },
      ],
      counts: { skippedStart: 1, reopened: 2, backwardMove: 3, multipleStarts: 3, stateNotInCategory: 1 },
    });
  });

  it('cycle-time trend: 14 days shown → window of the day and 1 day before', () => {
    expect(
      metrics.cycleTimeTrend.map((day) => [day.day.slice(5), day.points, day.average, day.standardDeviation]),
    ).toEqual([
      ['03-01', 1, 3, 0],
      ['03-02', 1, 3, 0],
      ['03-03', 1, 1, 0],
      ['03-04', 2, 2, 1],
      ['03-05', 1, 3, 0],
      ['03-06', 0, null, null],
      ['03-07', 1, 6, 0],
      ['03-08', 1, 6, 0],
      ['03-09', 1, 7, 0],
      ['03-10', 1, 7, 0],
      ['03-11', 1, 4, 0],
      ['03-12', 2, 3.5, 0.5],
      ['03-13', 2, 5.5, 2.5],
      ['03-14', 2, 5.5, 2.5],
    ]);
  });

  it('throughput run chart band', () => {
    expect(
      metrics.throughput.runChart.map((day) => [day.points, day.average, day.standardDeviation]),
    ).toEqual([
      [1, 1, 0],
      [2, 0.5, 0.5],
      [2, 0.5, 0.5],
      [2, 1, 0],
      [2, 1, 0],
      [2, 0.5, 0.5],
      [2, 0.5, 0.5],
      [2, 0.5, 0.5],
      [2, 0.5, 0.5],
      [2, 0.5, 0.5],
      [2, 0.5, 0.5],
      [2, 1, 0],
      [2, 1, 0],
      [2, 1, 0],
    ]);
  });

  it('forecasts from the 14-day history (10 of 14 days finished one item)', () => {
    const flow = prepareTeamFlow(input, input.config);
    const history = throughputHistory(snapshotAtEndOf(flow, '2026-03-14'), dayIndex('2026-03-14'), 14);
    expect(Array.from(history)).toEqual([1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1]);
    // One day: P(≥ 1) = 10/14 ≈ 0.714, so 1 item at 50% and 70%, 0 at 85% and 95%.
    expect(forecastHowMany({ history, days: 1 }).confidences.map((line) => line.items)).toEqual([1, 1, 0, 0]);
    // One item: P(done in 1 day) = 0.714, in 2 days 0.918, in 3 days 0.977.
    expect(
      forecastWhenDone({ history, items: 1, startDay: '2026-03-15' }).confidences.map((line) => line.date),
    ).toEqual(['2026-03-15', '2026-03-15', '2026-03-16', '2026-03-17']);
  });
});
