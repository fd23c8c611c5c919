import { addDays } from '../../../format/calendar.ts';
import type { FlowUrlState } from './urlState.ts';

export interface DateRange {
  from: string;
  to: string;
}

export interface SprintDates {
  name: string;
  fromDay: string;
  toDay: string;
}

/**
 * The days a view covers, from the URL state and "today" in the team's time zone (never the browser's).
 * A sprint preset resolves through the sprints the service listed; an unknown sprint falls back to 90 days.
 */
export function resolveRange(
  state: FlowUrlState,
  teamToday: string,
  sprints: readonly SprintDates[],
): DateRange {
  if (state.preset === 'custom' && state.from !== null && state.to !== null) {
    return { from: state.from, to: state.to };
  }
  if (state.preset === 'sprint') {
    const sprint = sprints.find((candidate) => candidate.name === state.sprint);
    if (sprint) return { from: sprint.fromDay, to: sprint.toDay };
  }
  const days = state.preset === 'custom' || state.preset === 'sprint' ? 90 : Number(state.preset);
  return { from: addDays(teamToday, -(days - 1)), to: teamToday };
}
