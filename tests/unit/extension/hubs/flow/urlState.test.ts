import { describe, expect, it } from 'vitest';
import {
  defaultUrlState,
  parseUrlState,
  serializeUrlState,
  type FlowUrlState,
} from '../../../../../extension/src/hubs/flow/state/urlState.ts';

describe('Flow URL state', () => {
  it('leaves defaults out, so the default view has an empty query', () => {
    expect(serializeUrlState(defaultUrlState)).toBe('');
    expect(parseUrlState('')).toEqual(defaultUrlState);
  });

  const roundTrips: [string, Partial<FlowUrlState>][] = [
    [
      'a custom range with filters',
      {
        view: 'cycleTime',
        preset: 'custom',
        from: '2026-01-01',
        to: '2026-03-31',
        types: ['Bug', 'User Story'],
        tags: ['a b', 'c'],
        tagMatch: 'all',
        area: 'Web\\Checkout',
      },
    ],
    [
      'a sprint and chart options',
      {
        view: 'throughput',
        preset: 'sprint',
        sprint: 'Sprint 12',
        period: 'sprint',
        leadTime: true,
        trend: true,
        hiddenTypes: ['Bug'],
      },
    ],
    [
      'aging replay and forecasts',
      {
        view: 'forecast',
        basis: '2026-11-30',
        agingBy: 'category',
        history: 60,
        forecastBy: '2027-01-15',
        forecastItems: 40,
        team: 'Ops Team',
        cfdBy: 'column',
      },
    ],
  ];
  it.each(roundTrips)('round-trips %s', (_name, patch) => {
    const state = { ...defaultUrlState, ...patch };
    expect(parseUrlState(`?${serializeUrlState(state)}`)).toEqual(state);
  });

  const forgiving: [string, Partial<FlowUrlState>][] = [
    ['view=nope&range=7', {}],
    ['range=custom&from=2026-02-30&to=2026-03-01', {}],
    ['range=custom&from=2026-03-05&to=2026-03-01', {}],
    ['range=sprint', {}],
    ['history=0&items=-3&by=tomorrow', {}],
    ['types=,Bug,,&tagMatch=some', { types: ['Bug'] }],
  ];
  it.each(forgiving)('falls back to defaults for invalid values: %s', (search, expected) => {
    expect(parseUrlState(search)).toEqual({ ...defaultUrlState, ...expected });
  });
});
