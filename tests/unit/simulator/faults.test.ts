import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../../service/src/simulator/faults/injector.ts';
import type { FaultOptions } from '../../../service/src/simulator/faults/options.ts';

function decisions(options: FaultOptions, count: number, path = '/org/_apis/x'): string[] {
  const injector = new FaultInjector(options);
  return Array.from({ length: count }, () => {
    const { decision } = injector.decide(path);
    return decision.kind === 'status' ? `status:${decision.status}` : decision.kind;
  });
}

describe('fault injector', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const options = { seed: 7, errorRate: 0.2, resetRate: 0.1, truncateRate: 0.1 };
    expect(decisions(options, 200)).toEqual(decisions(options, 200));
    expect(decisions({ ...options, seed: 8 }, 200)).not.toEqual(decisions(options, 200));
  });

  it('meets the configured rates and 5xx statuses', () => {
    const kinds = decisions({ seed: 1, errorRate: 0.2, errorStatuses: [502, 503] }, 5000);
    const errors = kinds.filter((kind) => kind.startsWith('status:'));
    expect(errors.length / kinds.length).toBeGreaterThan(0.17);
    expect(errors.length / kinds.length).toBeLessThan(0.23);
    expect(new Set(errors)).toEqual(new Set(['status:502', 'status:503']));
  });

  it('throws 429 bursts of the configured length', () => {
    const kinds = decisions({ seed: 3, throttle: { rate: 0.05, burst: 4 } }, 2000);
    const runs = kinds
      .join(',')
      .split(/none,?/)
      .filter((run) => run !== '');
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) expect(run.split(',').filter((kind) => kind !== '').length % 4).toBe(0);
  });

  it('adds fixed latency plus seeded jitter', () => {
    const injector = new FaultInjector({ seed: 2, latency: { fixedMs: 100, jitterMs: 50 } });
    const latencies = Array.from({ length: 100 }, () => injector.decide('/x').latencyMs);
    expect(Math.min(...latencies)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...latencies)).toBeLessThan(150);
    expect(new Set(latencies).size).toBeGreaterThan(50);
  });

  it('plays scripted faults first, in order and only on matching paths', () => {
    const injector = new FaultInjector({
      next: [{ kind: 'status', status: 503, count: 2, pathPattern: 'builds' }, { kind: 'reset' }],
    });
    const kind = (path: string) => injector.decide(path).decision.kind;
    expect(kind('/o/p/_apis/wit/x')).toBe('reset');
    expect(kind('/o/p/_apis/build/builds')).toBe('status');
    expect(kind('/o/p/_apis/build/builds')).toBe('status');
    expect(kind('/o/p/_apis/build/builds')).toBe('none');
    expect(injector.stats.faulted).toEqual({ reset: 1, status: 2 });
  });

  it('leaves paths outside pathPattern alone', () => {
    expect(decisions({ seed: 1, errorRate: 1, pathPattern: 'reporting' }, 10, '/o/_apis/projects')).toEqual(
      Array(10).fill('none'),
    );
    expect(
      decisions(
        { seed: 1, errorRate: 1, pathPattern: 'reporting' },
        3,
        '/o/_apis/wit/reporting/workitemrevisions',
      ).every((kind) => kind.startsWith('status')),
    ).toBe(true);
  });
});
