import { describe, expect, it } from 'vitest';
import type { StreamStatus } from '../../../service/src/storage/tenants.ts';
import { describeSyncHealth, mostPressing, streamState } from '../../../service/src/sync/health.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const INTERVAL = 300_000;

function status(overrides: Partial<StreamStatus>): StreamStatus {
  return {
    organization: 'fabrikam',
    stream: 'wit.reporting.revisions',
    phase: 'done',
    pages: 1,
    items: 10,
    requests: 2,
    progress: 1,
    startedAt: NOW - 60_000,
    updatedAt: NOW - 1_000,
    estimatedSecondsLeft: 0,
    rateLimit: null,
    lastError: null,
    ...overrides,
  };
}

describe('streamState', () => {
  it.each<{ name: string; given: Partial<StreamStatus>; state: string }>([
    { name: 'done just now', given: { lastSucceededAt: NOW - 1_000 }, state: 'fresh' },
    {
      name: 'done exactly twice the interval ago',
      given: { lastSucceededAt: NOW - 2 * INTERVAL },
      state: 'fresh',
    },
    {
      name: 'done longer ago than twice the interval',
      given: { lastSucceededAt: NOW - 2 * INTERVAL - 1 },
      state: 'stale',
    },
    { name: 'collecting, never succeeded', given: { phase: 'collecting' as const }, state: 'first_sync' },
    {
      name: 'collecting after a success',
      given: { phase: 'collecting' as const, lastSucceededAt: NOW - 10_000 },
      state: 'syncing',
    },
    {
      name: 'collecting and waiting for the rate limit',
      given: { phase: 'collecting' as const, resumesAt: NOW + 30_000, lastSucceededAt: NOW - 10_000 },
      state: 'paced',
    },
    {
      name: 'collecting, a wait that already ended',
      given: { phase: 'collecting' as const, resumesAt: NOW - 1 },
      state: 'first_sync',
    },
    { name: 'queued, never succeeded', given: { phase: 'queued' as const }, state: 'first_sync' },
    {
      name: 'queued after a success',
      given: { phase: 'queued' as const, lastSucceededAt: NOW },
      state: 'queued',
    },
    {
      name: 'failed',
      given: { phase: 'failed' as const, problem: { code: 'stream_failed', params: { reason: '500' } } },
      state: 'failed',
    },
    {
      name: 'refused credentials',
      given: { phase: 'failed' as const, problem: { code: 'credentials_refused', params: {} } },
      state: 'needs_credentials',
    },
    { name: 'missing scope', given: { phase: 'needs_scope' as const }, state: 'needs_scope' },
  ])('$name → $state', ({ given, state }) => {
    expect(streamState(status(given), INTERVAL, NOW)).toBe(state);
  });
});

describe('mostPressing', () => {
  it.each([
    { states: [], expected: 'queued' },
    { states: ['fresh', 'stale'], expected: 'stale' },
    { states: ['fresh', 'paced', 'first_sync'], expected: 'paced' },
    { states: ['failed', 'needs_scope'], expected: 'needs_scope' },
    { states: ['needs_scope', 'needs_credentials'], expected: 'needs_credentials' },
  ] as const)('$states → $expected', ({ states, expected }) => {
    expect(mostPressing(states)).toBe(expected);
  });
});

describe('describeSyncHealth', () => {
  const features = new Map([
    ['work.metadata', 'flow' as const],
    ['wit.reporting.revisions', 'flow' as const],
    ['build.builds', 'delivery' as const],
  ]);

  it('keeps the flow state apart from delivery streams that need a scope, and dates the flow data', () => {
    const health = describeSyncHealth({
      organization: 'fabrikam',
      statuses: [
        status({ stream: 'work.metadata', lastSucceededAt: NOW - 5_000 }),
        status({ stream: 'wit.reporting.revisions', lastSucceededAt: NOW - 9_000 }),
        status({
          stream: 'build.builds',
          phase: 'needs_scope',
          problem: {
            code: 'needs_scope',
            params: { scope: 'vso.build', scopeLabel: 'Build (Read)', feature: 'delivery' },
          },
        }),
      ],
      job: undefined,
      features,
      quarantined: new Map([['wit.reporting.revisions', 2]]),
      intervalMs: INTERVAL,
      now: NOW,
    });
    expect(health.state).toBe('needs_scope');
    expect(health.flowState).toBe('fresh');
    expect(health.flowDataAsOf).toBe(new Date(NOW - 9_000).toISOString());
    expect(health.problem?.message).toMatch(/^Delivery metrics need Build \(Read\)/);
    expect(health.streams.find((stream) => stream.stream === 'wit.reporting.revisions')?.quarantined).toBe(2);
  });

  it('reports a first sync with progress and ETA, a paced stream with when it resumes, and the next try', () => {
    const health = describeSyncHealth({
      organization: 'fabrikam',
      statuses: [
        status({ stream: 'work.metadata', phase: 'collecting', progress: 0.25, estimatedSecondsLeft: 90 }),
        status({ stream: 'wit.reporting.revisions', phase: 'collecting', resumesAt: NOW + 40_000 }),
        status({
          stream: 'build.builds',
          phase: 'failed',
          problem: { code: 'stream_failed', params: { reason: 'x' } },
        }),
      ],
      job: {
        dueAt: NOW + 30_000,
        requestedStreams: 'all',
        leaseOwner: 'a',
        leaseExpiresAt: NOW + 60_000,
        attempts: 1,
        lastError: null,
        lastFinishedAt: null,
      },
      features,
      quarantined: new Map(),
      intervalMs: INTERVAL,
      now: NOW,
    });
    const byName = new Map(health.streams.map((stream) => [stream.stream, stream]));
    expect(byName.get('work.metadata')).toMatchObject({
      state: 'first_sync',
      progress: 0.25,
      estimatedSecondsLeft: 90,
    });
    expect(byName.get('wit.reporting.revisions')).toMatchObject({
      state: 'paced',
      resumesAt: new Date(NOW + 40_000).toISOString(),
    });
    expect(byName.get('build.builds')).toMatchObject({
      state: 'failed',
      nextTryAt: new Date(NOW + 30_000).toISOString(),
    });
    expect(health.flowState).toBe('paced');
    expect(health.flowDataAsOf).toBeNull();
    expect(health.resumesAt).toBe(new Date(NOW + 40_000).toISOString());
  });
});
