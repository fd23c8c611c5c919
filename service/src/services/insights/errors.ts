/** Failures of an insights request the caller can fix, found against the team's calendar. */
import type { WeekStartProblem } from '../../metrics/insights/weeks.ts';

const PROBLEM_TEXT: Record<WeekStartProblem, (weekStart: string, thisWeek: string) => string> = {
  notADate: (weekStart) => `"${weekStart}" is not a calendar date; send the week's Monday as YYYY-MM-DD.`,
  notAWeekStart: (weekStart, thisWeek) =>
    `${weekStart} does not start a week: the team's insight weeks start on Monday (this week: ${thisWeek}).`,
  inTheFuture: (weekStart, thisWeek) =>
    `${weekStart} is a week still to come in the team's time zone; act on this week (${thisWeek}) or an earlier one.`,
};

/** A `weekStart` that is not a week of the team's insights (answered 400 `invalid_week_start`). */
export class InsightWeekError extends Error {
  readonly code = 'invalid_week_start';
  readonly parameter = 'weekStart';

  constructor(
    readonly problem: WeekStartProblem,
    weekStart: string,
    thisWeek: string,
  ) {
    super(`Body field "weekStart": ${PROBLEM_TEXT[problem](weekStart, thisWeek)}`);
    this.name = 'InsightWeekError';
  }
}
