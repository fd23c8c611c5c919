import { describe, expect, it } from 'vitest';
import { resolveRange } from '../../../../../extension/src/hubs/flow/state/dateRange.ts';
import { defaultUrlState } from '../../../../../extension/src/hubs/flow/state/urlState.ts';

const sprints = [{ name: 'Sprint 9', fromDay: '2026-11-16', toDay: '2026-11-29' }];

describe('resolveRange', () => {
  it.each([
    ['30', '2026-12-07', { from: '2026-11-08', to: '2026-12-07' }],
    ['90', '2026-03-01', { from: '2025-12-02', to: '2026-03-01' }],
    ['365', '2024-12-31', { from: '2024-01-02', to: '2024-12-31' }],
  ] as const)('last %s days ending on the team day %s', (preset, today, expected) => {
    expect(resolveRange({ ...defaultUrlState, preset }, today, sprints)).toEqual(expected);
  });

  it('uses the custom days as given', () => {
    const state = { ...defaultUrlState, preset: 'custom' as const, from: '2026-01-01', to: '2026-01-31' };
    expect(resolveRange(state, '2026-12-07', sprints)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });

  it('uses a known sprint’s days and falls back to 90 days for an unknown one', () => {
    expect(
      resolveRange({ ...defaultUrlState, preset: 'sprint', sprint: 'Sprint 9' }, '2026-12-07', sprints),
    ).toEqual({ from: '2026-11-16', to: '2026-11-29' });
    expect(
      resolveRange({ ...defaultUrlState, preset: 'sprint', sprint: 'Sprint 1' }, '2026-12-07', sprints),
    ).toEqual({ from: '2026-09-09', to: '2026-12-07' });
  });
});
