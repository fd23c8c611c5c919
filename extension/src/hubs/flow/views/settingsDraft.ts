import type { FlowBoundarySetting, TeamFlowSettings } from '../../../../../service/src/contract/index.ts';
import type { HolidayCalendarId } from '../../../../../service/src/contract/calendar/workingCalendar.ts';

/** The settings form as text fields, so half-typed numbers stay editable. */
export interface SettingsDraft {
  startPoint: FlowBoundarySetting;
  endPoint: FlowBoundarySetting;
  waitingStates: string[];
  workItemTypes: string[];
  percentiles: string;
  lookbackDays: string;
  timeZone: string;
  weekStartsOn: number;
  historyDays: string;
  /** '': by the time zone in effect. */
  holidayCalendar: HolidayCalendarId | '';
}

export function draftOf(settings: TeamFlowSettings): SettingsDraft {
  return {
    startPoint: settings.startPoint,
    endPoint: settings.endPoint,
    waitingStates: settings.waitingStates,
    workItemTypes: settings.workItemTypes ?? [],
    percentiles: settings.percentiles.join(', '),
    lookbackDays: String(settings.lookbackDays),
    timeZone: settings.timeZone ?? '',
    weekStartsOn: settings.weekStartsOn,
    historyDays: String(settings.forecast.historyDays),
    holidayCalendar: settings.holidayCalendar ?? '',
  };
}

/** Percentiles typed as "50, 85,95": null when any entry is not a number in (0, 100]. */
export function parsePercentiles(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const numbers = parts.map(Number);
  return numbers.length > 0 &&
    numbers.length <= 10 &&
    numbers.every((n) => Number.isFinite(n) && n > 0 && n <= 100)
    ? numbers
    : null;
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** The settings to PUT, or the names of the fields that are not valid yet. */
export function settingsFromDraft(
  draft: SettingsDraft,
  current: TeamFlowSettings,
): { settings: TeamFlowSettings } | { invalid: string[] } {
  const percentiles = parsePercentiles(draft.percentiles);
  const lookbackDays = wholeNumber(draft.lookbackDays, 1, 3650);
  const historyDays = wholeNumber(draft.historyDays, 1, 3650);
  const invalid = [
    ...(percentiles === null ? ['percentiles'] : []),
    ...(lookbackDays === null ? ['lookbackDays'] : []),
    ...(historyDays === null ? ['historyDays'] : []),
  ];
  if (percentiles === null || lookbackDays === null || historyDays === null) return { invalid };
  return {
    settings: {
      timeZone: draft.timeZone.trim().length > 0 ? draft.timeZone.trim() : null,
      startPoint: draft.startPoint,
      endPoint: draft.endPoint,
      waitingStates: draft.waitingStates,
      workItemTypes: draft.workItemTypes.length > 0 ? draft.workItemTypes : null,
      lookbackDays,
      percentiles,
      weekStartsOn: draft.weekStartsOn,
      holidayCalendar: draft.holidayCalendar === '' ? null : draft.holidayCalendar,
      forecast: { historyDays, trials: current.forecast.trials },
    },
  };
}
