import type { FlowSummaryResponse } from '../../../../../service/src/contract/index.ts';

export interface ThroughputBar {
  /** First day of the period (the day itself for daily bars). */
  fromDay: string;
  toDay: string;
  label: string;
  count: number;
}

/** Throughput bars of the chosen period, straight from the service's daily, weekly and sprint totals. */
export function throughputBars(
  data: FlowSummaryResponse,
  period: 'day' | 'week' | 'sprint',
): ThroughputBar[] {
  const { throughput } = data;
  switch (period) {
    case 'day':
      return throughput.daily.map((day) => ({
        fromDay: day.day,
        toDay: day.day,
        label: day.day,
        count: day.count,
      }));
    case 'week':
      return throughput.weekly.map((week) => ({
        fromDay: week.fromDay,
        toDay: week.toDay,
        label: week.weekStart,
        count: week.count,
      }));
    case 'sprint':
      return throughput.sprints.map((sprint) => ({
        fromDay: sprint.fromDay,
        toDay: sprint.toDay,
        label: sprint.name,
        count: sprint.count,
      }));
  }
}
