import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEAM_FLOW_CONFIG,
  parseTeamFlowConfig,
} from '../../../../service/src/metrics/flow/config.ts';

describe('team flow config', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_TEAM_FLOW_CONFIG).toEqual({
      timeZone: 'Asia/Tokyo',
      startPoint: { kind: 'category' },
      endPoint: { kind: 'category' },
      waitingStates: [],
      workItemTypes: null,
      lookbackDays: 90,
      percentiles: [50, 70, 85, 95],
      weekStartsOn: 1,
      forecast: { historyDays: 30, trials: 10_000 },
    });
  });

  it('keeps given values and fills the rest', () => {
    const config = parseTeamFlowConfig({
      timeZone: 'UTC',
      startPoint: { kind: 'boardColumn', column: 'Doing' },
      waitingStates: ['Blocked'],
      forecast: { trials: 500 },
    });
    expect(config.timeZone).toBe('UTC');
    expect(config.startPoint).toEqual({ kind: 'boardColumn', column: 'Doing' });
    expect(config.forecast).toEqual({ historyDays: 30, trials: 500 });
    expect(config.lookbackDays).toBe(90);
  });

  it.each([
    { name: 'unknown zone', value: { timeZone: 'Mars/Base' } },
    { name: 'state boundary without states', value: { startPoint: { kind: 'state', states: [] } } },
    { name: 'unknown boundary kind', value: { endPoint: { kind: 'label' } } },
    { name: 'zero lookback', value: { lookbackDays: 0 } },
    { name: 'percentile over 100', value: { percentiles: [50, 101] } },
  ])('rejects $name', ({ value }) => {
    expect(() => parseTeamFlowConfig(value)).toThrow();
  });
});
