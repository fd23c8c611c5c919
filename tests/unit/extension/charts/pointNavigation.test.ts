import { describe, expect, it } from 'vitest';
import { nearestPointIndex, nextPointIndex } from '../../../../extension/src/charts/pointNavigation.ts';

describe('nextPointIndex', () => {
  it.each([
    ['ArrowRight', -1, 5, 0],
    ['ArrowRight', 4, 5, 4],
    ['ArrowLeft', -1, 5, 0],
    ['ArrowLeft', 3, 5, 2],
    ['ArrowLeft', 0, 5, 0],
    ['Home', 3, 5, 0],
    ['End', 0, 5, 4],
    ['PageDown', 2, 30, 12],
    ['PageDown', 25, 30, 29],
    ['PageUp', 5, 30, 0],
    ['a', 2, 5, undefined],
    ['ArrowRight', -1, 0, undefined],
  ] as const)('%s from %i of %i points → %s', (key, current, count, expected) => {
    expect(nextPointIndex(key, current, count)).toBe(expected);
  });
});

describe('nearestPointIndex', () => {
  const xs = [10, 20, 30];
  const ys = [10, 10, 40];
  it('finds the nearest point within the radius', () => {
    expect(nearestPointIndex(xs, ys, 19, 11, 8)).toBe(1);
    expect(nearestPointIndex(xs, ys, 30, 35, 8)).toBe(2);
  });
  it('answers -1 when nothing is within the radius, or there are no points', () => {
    expect(nearestPointIndex(xs, ys, 100, 100, 8)).toBe(-1);
    expect(nearestPointIndex([], [], 0, 0, 8)).toBe(-1);
  });
});
