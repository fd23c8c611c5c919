import { describe, expect, it } from 'vitest';
import { sparklineSegments } from '../../../../../extension/src/hubs/delivery/state/sparkline.ts';

describe('sparklineSegments', () => {
  it.each([
    [[], []],
    [[null, null], []],
    [[0, 2, 4], ['0,20 5,10 10,0']],
    [[0, 0], ['0,20 10,20']],
    [[3], ['0,0 0,0']],
    [
      [4, null, 2, 4],
      ['0,0 0,0', '6.7,10 10,0'],
    ],
  ])('%j → %j', (values, expected) => {
    expect(sparklineSegments(values, 10, 20)).toEqual(expected);
  });
});
