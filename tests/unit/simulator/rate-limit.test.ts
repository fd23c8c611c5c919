import { describe, expect, it } from 'vitest';
import { TstuLimiter } from '../../../service/src/simulator/rateLimit/limiter.ts';
import { DEFAULT_COSTS } from '../../../service/src/simulator/rateLimit/costs.ts';
import { LOCATIONS, UNLISTED_LOCATIONS } from '../../../service/src/simulator/locations.ts';

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const limiter = new TstuLimiter(
    { limit: 10, windowMs: 60_000, warnRatio: 0.5, blockRatio: 2, maxDelayMs: 1000 },
    () => clock.now,
  );
  return { clock, limiter };
}

describe('TSTU rate limiter', () => {
  it('sends nothing below the warning share, then the X-RateLimit headers before any delay', () => {
    const { limiter } = limiterAt();
    expect(limiter.charge('me', 4)).toEqual({ headers: {}, delayMs: 0 });
    const warned = limiter.charge('me', 2);
    expect(warned.delayMs).toBe(0);
    expect(warned.headers).toMatchObject({
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Remaining': '4',
      'X-RateLimit-Resource': 'TSTU:Global',
    });
    expect(warned.headers['X-RateLimit-Delay']).toBeUndefined();
    expect(Number(warned.headers['X-RateLimit-Reset'])).toBe(Math.ceil((1_000_000 + 60_000) / 1000));
  });

  it.each([
    [10, 0, undefined],
    [12, 200, '0.200'],
    [15, 500, '0.500'],
    [20, 1000, '1.000'],
  ])('at %d TSTU delays %d ms', (usage, delay, header) => {
    const { limiter } = limiterAt();
    const charge = limiter.charge('me', usage);
    expect(charge.delayMs).toBe(delay);
    expect(charge.headers['X-RateLimit-Delay']).toBe(header);
    if (usage > 10) expect(charge.headers['X-RateLimit-Remaining']).toBe('0');
  });

  it('blocks past the block share until usage falls back under the limit, per identity', () => {
    const { clock, limiter } = limiterAt();
    limiter.charge('me', 8);
    clock.now += 20_000;
    limiter.charge('me', 13);
    // Usage 21 > 2 × 10: Retry-After is when both entries have left the window (usage back under 10).
    expect(limiter.blocked('me')).toBe(60);
    expect(limiter.blocked('someone else')).toBeUndefined();
    clock.now += 40_000;
    expect(limiter.current('me')).toBe(13);
    // Under the block share again: served, though delayed.
    expect(limiter.blocked('me')).toBeUndefined();
    expect(limiter.charge('me', 0).delayMs).toBe(300);
    clock.now += 20_001;
    expect(limiter.current('me')).toBe(0);
  });

  it('can be switched off, and prices every resource it serves', () => {
    const off = new TstuLimiter({ enabled: false, limit: 1 });
    expect(off.charge('me', 100)).toEqual({ headers: {}, delayMs: 0 });
    expect(off.blocked('me')).toBeUndefined();
    const keys = [...Object.keys(LOCATIONS), ...Object.keys(UNLISTED_LOCATIONS)].sort();
    expect(Object.keys(DEFAULT_COSTS).sort()).toEqual(keys);
    const limiter = new TstuLimiter({ costs: { wiql: 5 } });
    expect(limiter.cost('wiql', 0)).toBe(5);
    expect(limiter.cost('reportingRevisions', 200)).toBeCloseTo(0.4);
    expect(limiter.cost('workItems', 1)).toBeGreaterThan(limiter.cost('reportingRevisions', 200) / 2);
  });
});
