import type { TeamIterationRecord } from '../../domain/records.ts';
import type { TeamDayOffRecord } from '../../domain/teamCalendar.ts';
import { daysBetween } from '../calendar.ts';

/**
 * Calendar days of team days off recorded for the sprint holding `today` (days off of other sprints do
 * not count); undefined when no dated sprint holds today.
 */
export function currentSprintDaysOff(
  iterations: readonly TeamIterationRecord[],
  daysOff: readonly TeamDayOffRecord[],
  today: string,
): number | undefined {
  const current = iterations.find(
    (iteration) =>
      iteration.startDay !== null &&
      iteration.finishDay !== null &&
      iteration.startDay <= today &&
      today <= iteration.finishDay,
  );
  if (current === undefined) return undefined;
  const id = current.id.toLowerCase();
  return daysOff
    .filter((range) => range.iterationId.toLowerCase() === id)
    .reduce((sum, range) => sum + daysBetween(range.start, range.end) + 1, 0);
}
