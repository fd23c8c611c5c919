import { describe, expect, it } from 'vitest';
import type { StreamStatusResponse } from '../../../service/src/contract/index.ts';
import { en } from '../../../extension/src/i18n/en.ts';
import { ja } from '../../../extension/src/i18n/ja.ts';
import {
  isNoteworthy,
  problemText,
  streamDisplayState,
} from '../../../extension/src/hubs/admin/syncDisplay.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const INTERVAL = 300_000;
const iso = (time: number) => new Date(time).toISOString();

function stream(overrides: Partial<StreamStatusResponse>): StreamStatusResponse {
  return {
    stream: 'wit.reporting.revisions',
    phase: 'done',
    pages: 1,
    items: 1,
    requests: 1,
    progress: 1,
    startedAt: iso(NOW - 60_000),
    updatedAt: iso(NOW - 1_000),
    estimatedSecondsLeft: 0,
    rateLimit: null,
    lastError: null,
    ...overrides,
  };
}

const waiting = (until: number): StreamStatusResponse['rateLimit'] => ({
  remaining: 0,
  limit: 200,
  blockedUntil: null,
  throttledResponses: 0,
  pacedSeconds: 12,
  resumesAt: iso(until),
});

describe('the admin table tells the sync state', () => {
  it.each<{ name: string; given: Partial<StreamStatusResponse>; state: string; noteworthy: boolean }>([
    { name: 'done, no success time reported', given: {}, state: 'fresh', noteworthy: false },
    {
      name: 'done recently',
      given: { lastSucceededAt: iso(NOW - 60_000) },
      state: 'fresh',
      noteworthy: false,
    },
    {
      name: 'done long ago',
      given: { lastSucceededAt: iso(NOW - 3 * INTERVAL) },
      state: 'stale',
      noteworthy: true,
    },
    {
      name: 'collecting for the first time',
      given: { phase: 'collecting', lastSucceededAt: null },
      state: 'first_sync',
      noteworthy: true,
    },
    { name: 'collecting again', given: { phase: 'collecting' }, state: 'syncing', noteworthy: false },
    {
      name: 'collecting, waiting for the rate limit',
      given: { phase: 'collecting', rateLimit: waiting(NOW + 30_000) },
      state: 'paced',
      noteworthy: true,
    },
    { name: 'needs a scope', given: { phase: 'needs_scope' }, state: 'needs_scope', noteworthy: false },
    {
      name: 'token refused',
      given: { phase: 'failed', problem: { code: 'credentials_refused', params: {}, message: 'refused' } },
      state: 'needs_credentials',
      noteworthy: true,
    },
  ])('$name → $state', ({ given, state, noteworthy }) => {
    const shown = streamDisplayState(stream(given), NOW, INTERVAL);
    expect(shown).toBe(state);
    expect(isNoteworthy(shown)).toBe(noteworthy);
  });

  it('renders a problem in the user language from its code and parameters', () => {
    const problem = {
      code: 'needs_scope' as const,
      params: { scope: 'vso.build', scopeLabel: 'Build (Read)', feature: 'delivery' },
      message: 'Delivery metrics need Build (Read): …',
    };
    expect(problemText(problem, en.admin.problems)).toMatch(/^Delivery metrics need Build \(Read\)/);
    expect(problemText(problem, ja.admin.problems)).toMatch(/^デリバリー指標には Build \(Read\) が必要です/);
    expect(problemText({ ...problem, code: 'stream_failed', params: {} }, ja.admin.problems)).toMatch(
      /^同期に失敗しました/,
    );
    expect(problemText(null, en.admin.problems)).toBeNull();
  });
});
