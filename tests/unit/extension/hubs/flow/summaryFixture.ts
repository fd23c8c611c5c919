import type { FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';

/** A small, hand-checkable summary: 30 days with one completion a day, 4 items in progress. */
export function summaryFixture(): FlowSummaryResponse {
  const days = Array.from({ length: 30 }, (_, index) => `2026-11-${String(index + 1).padStart(2, '0')}`);
  const meta = {
    organization: 'o',
    project: 'p',
    team: 't',
    from: '2026-11-01',
    to: '2026-11-30',
    timeZone: 'Asia/Tokyo',
    filters: { workItemTypes: [], tags: [], tagMatch: 'any' as const, areaPath: null },
    itemCount: 40,
    syncedAt: '2026-11-30T12:00:00Z',
  };
  const lines = [
    { percentile: 50, days: 3 },
    { percentile: 85, days: 9 },
  ];
  const lookback = { fromDay: '2026-09-01', toDay: '2026-11-30', completedItems: 30 };
  const items = days.map((day, index) => ({
    id: 100 + index,
    title: `Done ${index}`,
    workItemType: 'Bug',
    url: `https://example/${100 + index}`,
    startedAt: `${day}T00:00:00Z`,
    completedAt: `${day}T01:00:00Z`,
    completedOn: day,
    cycleTimeDays: 1 + (index % 10),
    cycleTimeHours: 1,
  }));
  const aging = (id: number, ageDays: number) => ({
    id,
    title: `Open ${id}`,
    workItemType: 'Bug',
    url: `https://example/${id}`,
    state: 'Active',
    category: 'InProgress',
    startedAt: '2026-11-01T00:00:00Z',
    startedOn: '2026-11-01',
    ageDays,
    pacePassed: null,
    within: 50,
    zone: 'withinLowest' as const,
  });
  return {
    ...meta,
    cycleTime: { items, percentiles: lines, completedWithoutStart: [] },
    leadTime: { items: [], percentiles: lines },
    throughput: {
      daily: days.map((day) => ({ day, count: 1 })),
      weekly: [{ weekStart: '2026-11-02', fromDay: '2026-11-02', toDay: '2026-11-08', days: 7, count: 7 }],
      sprints: [{ name: 'Sprint 3', fromDay: '2026-11-09', toDay: '2026-11-13', days: 5, count: 5 }],
      weekStartsOn: 1,
      total: 30,
      completedWithoutStart: 0,
      runChart: [],
    },
    wip: {
      daily: days.map((day, index) => ({ day, count: index === 29 ? 4 : 2 })),
      average: 2,
      arrivals: { daily: [], total: 0 },
    },
    aging: {
      basis: '2026-11-30',
      lookback,
      percentiles: lines,
      items: [aging(1, 12), aging(2, 9), aging(3, 2), aging(4, 1)],
    },
    serviceLevels: {
      basis: '2026-11-30',
      lookback,
      serviceLevels: [
        { percentile: 50, days: 3, sampleSize: 30, statement: '', shareWithinInRange: 0.5 },
        { percentile: 85, days: 9, sampleSize: 30, statement: '', shareWithinInRange: 0.9 },
      ],
    },
    cumulativeFlow: {
      byCategory: { days: [], bands: [] },
      byState: { days: [], bands: [] },
      byColumn: null,
      board: null,
    },
    flowEfficiency: { efficiency: null, activeHours: 0, waitingHours: 0, waitingStates: [], items: [] },
    cycleTimeHistogram: { bins: [], sampleSize: 0, percentiles: lines },
    cycleTimeTrend: { windowDays: 7, days: [], percentiles: lines },
    dataQuality: {
      asOf: '2026-11-30T14:59:59.999Z',
      counts: { skippedStart: 0, reopened: 0, backwardMove: 0, multipleStarts: 0, stateNotInCategory: 0 },
      flagDescriptions: {
        skippedStart: '',
        reopened: '',
        backwardMove: '',
        multipleStarts: '',
        stateNotInCategory: '',
      },
      items: [],
    },
  };
}
