import { describe, expect, it } from 'vitest';
import { budgetFloorSeconds } from '../../../bench/firstAnswer/index.ts';

describe('the TSTU budget’s floor (200 TSTUs in any five minutes)', () => {
  it.each([
    [0, 0],
    [150, 0],
    [200, 0],
    [300, 150],
    [400, 300],
    [1000, 1200],
  ])('%d TSTUs take at least %d s', (charged, seconds) => {
    expect(budgetFloorSeconds(charged)).toBe(seconds);
  });
});
