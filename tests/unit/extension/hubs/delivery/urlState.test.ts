import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  parseUrlState,
  serializeUrlState,
} from '../../../../../extension/src/hubs/delivery/state/urlState.ts';

describe('delivery URL state', () => {
  it.each([
    ['', DEFAULT_URL_STATE],
    ['?team=Web%20Team&days=30&tile=reworkRate', { team: 'Web Team', days: 30, tile: 'reworkRate' }],
    ['?team=%20&days=45&tile=ranking', DEFAULT_URL_STATE],
    ['?days=180', { ...DEFAULT_URL_STATE, days: 180 }],
  ])('parses %s', (search, expected) => {
    expect(parseUrlState(search)).toEqual(expected);
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
    const state = { team: 'Web Team', days: 180, tile: 'recoveryTime' } as const;
    expect(serializeUrlState(state)).toBe('team=Web+Team&days=180&tile=recoveryTime');
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });
});
