import { describe, expect, it } from 'vitest';
import { pacedFloorSeconds } from '../../../bench/firstAnswer/floor.ts';

const repeat = (count: number, cost: number) => Array.from({ length: count }, () => cost);

describe('the paced floor: sequential requests under 200 TSTUs in any five minutes', () => {
  it.each([
    ['nothing to send', [], 0],
    ['within the first window: latency only', repeat(10, 1), 1.5],
    ['exactly the limit: still no wait', repeat(200, 1), 30],
    // The 201st request waits until the first has left the window (sent at 0 s, gone at 300 s).
    ['one over the limit waits for the first to leave', repeat(201, 1), 300.15],
    // 400 requests: the second 200 leave-and-follow the first 200 a window later, 150 ms apart.
    ['two windows', repeat(400, 1), 300 + 200 * 0.15],
    ['a request the window has no room for waits until it has', [150, 100], 300.15],
    ['cheap requests never wait', repeat(1000, 0.1), 150],
  ])('%s', (_label, costs, seconds) => {
    expect(pacedFloorSeconds(costs, { latencyMs: 150 })).toBeCloseTo(seconds, 6);
  });

  it('takes a smaller limit and window', () => {
    // 3 per 10 s: 0, 0.1, 0.2 s; then 10, 10.1, 10.2 s; the last answer at 10.3 s.
    expect(pacedFloorSeconds(repeat(6, 1), { latencyMs: 100, limit: 3, windowMs: 10_000 })).toBeCloseTo(
      10.3,
      6,
    );
  });
});
