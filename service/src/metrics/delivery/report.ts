import { dayIndex } from '../calendar.ts';
import { DrillDownRows, keepRows, type DeploymentDrillDown } from './drillDownRows.ts';
import type { DayRange } from './model.ts';
import { prepareDeliveryUsing, type DeliveryInput, type PreparedDelivery } from './prepare.ts';
import { Arena } from './scratch.ts';
import { summarisePeriod, type PeriodFigures } from './summary.ts';
import { sprintTrend, weeklyTrend, type SprintDates, type SprintFigures } from './trend.ts';

export type { DeploymentDrillDown } from './drillDownRows.ts';

export interface DeliveryRequest {
  /** Inclusive calendar days (YYYY-MM-DD) in the input's time zone. */
  from: string;
  to: string;
  sprints?: readonly SprintDates[];
  /** Whether to compute the window's weeks (default true); only the trend shows them. */
  weekly?: boolean;
  /** Whether to build the drill-down rows of the window's attempts (default true); figures never need them. */
  drillDown?: boolean;
}

export interface DeliveryReport {
  timeZone: string;
  window: PeriodFigures;
  weekly: readonly PeriodFigures[];
  sprints: readonly SprintFigures[];
  /** Production attempts that finished in the window, in finish order. */
  deployments: readonly DeploymentDrillDown[];
}

/** The request's window as day indices; a window that ends before it starts is refused. */
function windowOf(request: DeliveryRequest): DayRange {
  const window = { fromDay: dayIndex(request.from), toDay: dayIndex(request.to) };
  if (window.toDay < window.fromDay) throw new RangeError('"from" must not be after "to"');
  return window;
}

/**
 * The report of a prepared scope. Its drill-down rows are made when read (all of them through
 * `deployments`, a page through deploymentRowsBetween) unless `rowsNow`: then at once, for a preparation
 * in reused memory.
 */
function reportOf(prepared: PreparedDelivery, request: DeliveryRequest, rowsNow: boolean): DeliveryReport {
  const window = windowOf(request);
  const rows = request.drillDown === false ? undefined : new DrillDownRows(prepared, window);
  let all = rowsNow && rows !== undefined ? rows.slice(0, rows.length) : undefined;
  const report: DeliveryReport = {
    timeZone: prepared.timeZone,
    window: summarisePeriod(prepared, window),
    weekly: request.weekly === false ? [] : weeklyTrend(prepared, window),
    sprints: sprintTrend(prepared, request.sprints ?? []),
    get deployments() {
      all ??= rows === undefined ? [] : rows.slice(0, rows.length);
      return all;
    },
  };
  if (rows !== undefined && !rowsNow) keepRows(report, rows);
  return report;
}

/**
 * A view's report from a prepared scope: the preparation does not depend on the range, so every view of
 * one scope and zone (summary, trend, drill-down, another range) can share one (prepareDelivery, whose
 * arrays are its own: the drill-down rows read them when asked for).
 */
export function reportFromPrepared(prepared: PreparedDelivery, request: DeliveryRequest): DeliveryReport {
  return reportOf(prepared, request, false);
}

/** The typed arrays of computeDeliveryMetrics' preparation, reused from call to call (see scratch.ts). */
const ARENA = new Arena();

/** Every delivery metric of a scope over a window, with weekly and per-sprint trends and drill-down. */
export function computeDeliveryMetrics(input: DeliveryInput, request: DeliveryRequest): DeliveryReport {
  windowOf(request);
  // The preparation's typed arrays are reused memory: the rows are made before the next call reuses it.
  ARENA.reset();
  return reportOf(prepareDeliveryUsing(input, ARENA), request, true);
}
