import { describe, expect, it } from 'vitest';
import type { FirstSyncEstimate } from '../../../service/src/contract/syncStatus.ts';
import type { StreamStatus } from '../../../service/src/storage/tenants.ts';
import { estimateFirstSync } from '../../../service/src/sync/firstSyncEstimate.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const iso = (time: number) => new Date(time).toISOString();

function status(stream: string, overrides: Partial<StreamStatus>): StreamStatus {
  return {
    organization: 'fabrikam',
    stream,
    phase: 'collecting',
    pages: 3,
    items: 300,
    requests: 3,
    progress: 0.5,
    startedAt: NOW - 60_000,
    updatedAt: NOW,
    estimatedSecondsLeft: 60,
    rateLimit: null,
    lastError: null,
    lastSucceededAt: null,
    ...overrides,
  };
}

describe('estimateFirstSync (the organization first sync as a whole)', () => {
  it.each<{ name: string; statuses: StreamStatus[]; expected: FirstSyncEstimate | null }>([
    { name: 'no stream known yet', statuses: [], expected: null },
    {
      name: 'every stream synced once: no first sync',
      statuses: [
        status('a', { phase: 'done', lastSucceededAt: NOW - 1_000 }),
        status('b', { phase: 'collecting', lastSucceededAt: NOW - 300_000, estimatedSecondsLeft: 5 }),
      ],
      expected: null,
    },
    {
      name: 'one stream: its own ETA, progress by time',
      statuses: [status('a', {})],
      expected: {
        streamsLeft: 1,
        streamsWithoutEstimate: 0,
        startedAt: iso(NOW - 60_000),
        progress: 0.5,
        estimatedSecondsLeft: 60,
        estimatedFinishAt: iso(NOW + 60_000),
      },
    },
    {
      name: 'streams run together: the last to finish decides, from the earliest start',
      statuses: [
        status('a', { estimatedSecondsLeft: 30 }),
        status('b', { startedAt: NOW - 20_000, estimatedSecondsLeft: 120 }),
        status('c', { phase: 'done', lastSucceededAt: NOW - 5_000 }),
      ],
      expected: {
        streamsLeft: 2,
        streamsWithoutEstimate: 0,
        startedAt: iso(NOW - 60_000),
        progress: 60 / 180,
        estimatedSecondsLeft: 120,
        estimatedFinishAt: iso(NOW + 120_000),
      },
    },
    {
      name: 'an estimate saved a while ago: the time since counts as spent',
      statuses: [status('a', { updatedAt: NOW - 20_000, estimatedSecondsLeft: 50 })],
      expected: {
        streamsLeft: 1,
        streamsWithoutEstimate: 0,
        startedAt: iso(NOW - 60_000),
        progress: 60 / 90,
        estimatedSecondsLeft: 30,
        estimatedFinishAt: iso(NOW + 30_000),
      },
    },
    {
      name: 'an estimate already overdue: finishing now, not in the past',
      statuses: [status('a', { updatedAt: NOW - 20_000, estimatedSecondsLeft: 5 })],
      expected: {
        streamsLeft: 1,
        streamsWithoutEstimate: 0,
        startedAt: iso(NOW - 60_000),
        progress: 1,
        estimatedSecondsLeft: 0,
        estimatedFinishAt: iso(NOW),
      },
    },
    {
      name: 'a stream queued behind another: unknown, not the others alone',
      statuses: [
        status('a', {}),
        status('b', { phase: 'queued', startedAt: null, estimatedSecondsLeft: null }),
      ],
      expected: {
        streamsLeft: 2,
        streamsWithoutEstimate: 1,
        startedAt: iso(NOW - 60_000),
        progress: null,
        estimatedSecondsLeft: null,
        estimatedFinishAt: null,
      },
    },
    {
      name: 'a stream that cannot be measured yet: unknown',
      statuses: [status('a', {}), status('b', { progress: null, estimatedSecondsLeft: null })],
      expected: {
        streamsLeft: 2,
        streamsWithoutEstimate: 1,
        startedAt: iso(NOW - 60_000),
        progress: null,
        estimatedSecondsLeft: null,
        estimatedFinishAt: null,
      },
    },
    {
      name: 'a failed stream that will retry: unknown',
      statuses: [status('a', {}), status('b', { phase: 'failed', estimatedSecondsLeft: null })],
      expected: {
        streamsLeft: 2,
        streamsWithoutEstimate: 1,
        startedAt: iso(NOW - 60_000),
        progress: null,
        estimatedSecondsLeft: null,
        estimatedFinishAt: null,
      },
    },
    {
      name: 'a stream the PAT has no scope for does not run: left out',
      statuses: [status('a', {}), status('b', { phase: 'needs_scope', estimatedSecondsLeft: null })],
      expected: {
        streamsLeft: 1,
        streamsWithoutEstimate: 0,
        startedAt: iso(NOW - 60_000),
        progress: 0.5,
        estimatedSecondsLeft: 60,
        estimatedFinishAt: iso(NOW + 60_000),
      },
    },
  ])('$name', ({ statuses, expected }) => {
    expect(estimateFirstSync(statuses, NOW)).toEqual(expected);
  });
});
