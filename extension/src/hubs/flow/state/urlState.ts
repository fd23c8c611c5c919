/**
 * Everything that makes a view reproducible lives in the page URL: view, dates, filters and chart options.
 * Parsing is forgiving (an unknown value falls back to its default), so an old or hand-edited link still
 * opens; serialising leaves defaults out, so links stay short.
 */
import { isIsoDay } from '../../../format/calendar.ts';

export const FLOW_VIEWS = [
  'overview',
  'aging',
  'cycleTime',
  'throughput',
  'cumulativeFlow',
  'forecast',
  'quality',
  'settings',
] as const;
export type FlowView = (typeof FLOW_VIEWS)[number];

export const RANGE_PRESETS = ['30', '90', '180', '365', 'custom', 'sprint'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface FlowUrlState {
  view: FlowView;
  /** Another team of the project than the host's, when switched. */
  team: string | null;
  preset: RangePreset;
  /** Custom range (preset "custom"). */
  from: string | null;
  to: string | null;
  /** Sprint name (preset "sprint"). */
  sprint: string | null;
  types: string[];
  tags: string[];
  tagMatch: 'any' | 'all';
  area: string | null;
  /** Aging replayed as of this day. */
  basis: string | null;
  agingBy: 'column' | 'state' | 'category';
  leadTime: boolean;
  trend: boolean;
  /** Work-item types hidden from the scatterplot by its legend. */
  hiddenTypes: string[];
  period: 'day' | 'week' | 'sprint';
  cfdBy: 'category' | 'state' | 'column';
  history: number | null;
  forecastBy: string | null;
  forecastItems: number | null;
}

export const defaultUrlState: FlowUrlState = {
  view: 'overview',
  team: null,
  preset: '90',
  from: null,
  to: null,
  sprint: null,
  types: [],
  tags: [],
  tagMatch: 'any',
  area: null,
  basis: null,
  agingBy: 'column',
  leadTime: false,
  trend: false,
  hiddenTypes: [],
  period: 'week',
  cfdBy: 'category',
  history: null,
  forecastBy: null,
  forecastItems: null,
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function list(value: string | null): string[] {
  return value === null
    ? []
    : value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
}

function day(value: string | null): string | null {
  return value !== null && isIsoDay(value) ? value : null;
}

function positiveInteger(value: string | null, max: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

function text(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

export function parseUrlState(search: string): FlowUrlState {
  const query = new URLSearchParams(search);
  const get = (name: string): string | null => query.get(name);
  const preset = oneOf(get('range'), RANGE_PRESETS, defaultUrlState.preset);
  const from = day(get('from'));
  const to = day(get('to'));
  const sprint = text(get('sprint'));
  const customValid = from !== null && to !== null && from <= to;
  return {
    view: oneOf(get('view'), FLOW_VIEWS, defaultUrlState.view),
    team: text(get('team')),
    // A custom range without valid days (or a sprint preset without a sprint) falls back to the default.
    preset: (preset === 'custom' && !customValid) || (preset === 'sprint' && sprint === null) ? '90' : preset,
    from: customValid ? from : null,
    to: customValid ? to : null,
    sprint,
    types: list(get('types')),
    tags: list(get('tags')),
    tagMatch: get('tagMatch') === 'all' ? 'all' : 'any',
    area: text(get('area')),
    basis: day(get('basis')),
    agingBy: oneOf(get('agingBy'), ['column', 'state', 'category'] as const, defaultUrlState.agingBy),
    leadTime: get('lead') === '1',
    trend: get('trend') === '1',
    hiddenTypes: list(get('hide')),
    period: oneOf(get('period'), ['day', 'week', 'sprint'] as const, defaultUrlState.period),
    cfdBy: oneOf(get('cfd'), ['category', 'state', 'column'] as const, defaultUrlState.cfdBy),
    history: positiveInteger(get('history'), 3650),
    forecastBy: day(get('by')),
    forecastItems: positiveInteger(get('items'), 10_000),
  };
}

/** Query-string text of a state; defaults are left out. */
export function serializeUrlState(state: FlowUrlState): string {
  const query = new URLSearchParams();
  const put = (name: string, value: string | null, fallback: string | null = null): void => {
    if (value !== null && value !== fallback && value !== '') query.set(name, value);
  };
  put('view', state.view, defaultUrlState.view);
  put('team', state.team);
  put('range', state.preset, defaultUrlState.preset);
  if (state.preset === 'custom') {
    put('from', state.from);
    put('to', state.to);
  }
  if (state.preset === 'sprint') put('sprint', state.sprint);
  put('types', state.types.join(','));
  put('tags', state.tags.join(','));
  put('tagMatch', state.tagMatch, 'any');
  put('area', state.area);
  put('basis', state.basis);
  put('agingBy', state.agingBy, defaultUrlState.agingBy);
  put('lead', state.leadTime ? '1' : null);
  put('trend', state.trend ? '1' : null);
  put('hide', state.hiddenTypes.join(','));
  put('period', state.period, defaultUrlState.period);
  put('cfd', state.cfdBy, defaultUrlState.cfdBy);
  put('history', state.history === null ? null : String(state.history));
  put('by', state.forecastBy);
  put('items', state.forecastItems === null ? null : String(state.forecastItems));
  return query.toString();
}
