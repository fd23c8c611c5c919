import { afterEach, describe, expect, it } from 'vitest';
import type { Connected } from './support.ts';
import { connect, failure, statusOf } from './support.ts';

let c: Connected | undefined;
afterEach(async () => {
  await c?.sim.close();
  c = undefined;
});

const revisions = '_apis/wit/reporting/workitemrevisions?$maxPageSize=50';

async function attempt(connected: Connected, path = revisions): Promise<string> {
  try {
    const response = await fetch(`${connected.sim.organizationUrl}/${path}`, {
      headers: { Authorization: `Bearer ${connected.sim.pat}` },
    });
    const text = await response.text();
    if (response.status !== 200) return `status:${response.status}`;
    JSON.parse(text);
    return 'ok';
  } catch {
    return 'broken';
  }
}

async function control(
  connected: Connected,
  method: string,
  action: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${connected.sim.origin}/_simulator/${action}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('faults and the control endpoint', () => {
  it('replays the same faults for the same seed (set at start)', async () => {
    const faults = { seed: 11, errorRate: 0.2, resetRate: 0.1, truncateRate: 0.1 };
    const run = async (): Promise<string[]> => {
      const connected = await connect({ seed: 1, scale: 'tiny', faults });
      const outcomes: string[] = [];
      for (let n = 0; n < 40; n += 1) outcomes.push(await attempt(connected));
      await connected.sim.close();
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((outcome) => outcome === 'broken').length).toBeGreaterThan(2);
    expect(first.some((outcome) => /^status:50[023]$/.test(outcome))).toBe(true);
    expect(first.filter((outcome) => outcome === 'ok').length).toBeGreaterThan(20);
  });

  it('cuts connections, truncates and slows bodies, and answers 503 and 429 bursts on request', async () => {
    c = await connect({ seed: 1, scale: 'tiny' });
    c.sim.setFaults({
      next: [
        { kind: 'reset' },
        { kind: 'truncate' },
        { kind: 'status', status: 503 },
        { kind: 'throttle', count: 2, retryAfterSeconds: 7 },
      ],
    });
    expect(await attempt(c)).toBe('broken');
    expect(await attempt(c)).toBe('broken');
    const unavailable = await c.get(revisions);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('1');
    const throttled = await c.get(revisions);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect((throttled.body as { message: string }).message).toMatch(/^TF400733/);
    expect((await c.get(revisions)).status).toBe(429);
    expect(await attempt(c)).toBe('ok');
    c.sim.setFaults({ slowBody: { rate: 1, bytesPerSecond: 40_000 }, latency: { fixedMs: 100 } });
    const started = performance.now();
    expect(await attempt(c)).toBe('ok');
    expect(performance.now() - started).toBeGreaterThan(300);
    c.sim.clearFaults();
    const wit = await c.api.getWorkItemTrackingApi();
    c.sim.setFaults({ next: [{ kind: 'status', status: 500, pathPattern: 'workItemRevisions' }] });
    expect(statusOf(await failure(wit.readReportingRevisionsGet(c.sim.project)))).toBe(500);
    expect((await wit.readReportingRevisionsGet(c.sim.project)).values?.length).toBeGreaterThan(0);
  });

  it('configures faults, rate limits and the clock through /_simulator, and reports the state', async () => {
    c = await connect({ seed: 1, scale: 'tiny', now: new Date('2026-06-01T00:00:00Z') });
    const before = await control(c, 'GET', 'state');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      organizationUrl: c.sim.organizationUrl,
      scale: 'tiny',
      clock: '2026-06-01T00:00:00Z',
    });
    expect((await control(c, 'POST', 'faults', { errorRate: 1, pathPattern: 'projects' })).status).toBe(200);
    expect((await c.get('_apis/projects')).status).toBeGreaterThanOrEqual(500);
    expect((await control(c, 'DELETE', 'faults')).status).toBe(200);
    expect((await c.get('_apis/projects')).status).toBe(200);
    expect((await control(c, 'POST', 'faults', { errorRate: 3 })).status).toBe(400);
    await control(c, 'POST', 'rate-limit', { limit: 0.001, warnRatio: 0, blockRatio: 1000, maxDelayMs: 0 });
    expect((await c.get('_apis/projects')).headers.get('x-ratelimit-limit')).toBe('0.001');
    await control(c, 'POST', 'rate-limit', { enabled: false });
    expect((await c.get('_apis/projects')).headers.get('x-ratelimit-limit')).toBeNull();
    const moved = await control(c, 'POST', 'clock', { advanceMs: 2 * 86_400_000 });
    expect(moved.body.clock).toBe('2026-06-03T00:00:00Z');
    const jumped = await control(c, 'POST', 'clock', { to: '2026-06-05T12:00:00Z' });
    expect(jumped.body.clock).toBe('2026-06-05T12:00:00Z');
    expect(c.sim.now().toISOString()).toBe('2026-06-05T12:00:00.000Z');
    const counts = (body: Record<string, unknown>) => body.counts as Record<string, number>;
    expect(counts(jumped.body).builds).toBeGreaterThan(counts(before.body).builds ?? 0);
    const grown = await control(c, 'POST', 'activity', { revisions: 5 });
    expect(counts(grown.body).revisions).toBe((counts(jumped.body).revisions ?? 0) + 5);
    expect((await control(c, 'POST', 'nothing')).status).toBe(404);
  });
});
