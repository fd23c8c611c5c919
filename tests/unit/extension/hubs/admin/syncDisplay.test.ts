import { describe, expect, it } from 'vitest';
import {
  defaultOrganizationUrl,
  fieldOfParameter,
} from '../../../../../extension/src/hubs/admin/connectForm.ts';
import {
  activePollMs,
  durationParts,
  idlePollMs,
  nextPollDelayMs,
  progressPercent,
  rateLimitState,
} from '../../../../../extension/src/hubs/admin/syncDisplay.ts';
import type { StreamStatusResponse, SyncStatusResponse } from '../../../../../service/src/contract/index.ts';

const NOW = Date.parse('2026-11-24T00:00:00Z');
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

function stream(phase: StreamStatusResponse['phase']): StreamStatusResponse {
  return {
    stream: 'wit.reporting.revisions',
    phase,
    pages: 1,
    items: 10,
    requests: 2,
    progress: null,
    startedAt: null,
    updatedAt: iso(0),
    estimatedSecondsLeft: null,
    rateLimit: null,
    lastError: null,
  };
}

function status(options: {
  running?: boolean;
  nextRunInMs?: number;
  phase?: StreamStatusResponse['phase'];
}): SyncStatusResponse {
  return {
    organization: 'fabrikam',
    job:
      options.nextRunInMs === undefined && options.running === undefined
        ? null
        : {
            nextRunAt: iso(options.nextRunInMs ?? 600_000),
            running: options.running ?? false,
            lastFinishedAt: null,
            lastError: null,
          },
    streams: [stream(options.phase ?? 'done')],
  };
}

describe('nextPollDelayMs', () => {
  it.each([
    ['no status yet', undefined, idlePollMs],
    ['a stream collecting', status({ phase: 'collecting' }), activePollMs],
    ['the job running', status({ running: true }), activePollMs],
    ['idle, next run far away', status({ nextRunInMs: 10 * 60_000 }), idlePollMs],
    ['idle, next run in 10 s: wake shortly after it starts', status({ nextRunInMs: 10_000 }), 13_000],
    ['idle, next run overdue: poll soon', status({ nextRunInMs: -60_000 }), activePollMs],
    ['idle without a job', status({}), idlePollMs],
  ])('%s', (_case, current, expected) => {
    expect(nextPollDelayMs(current, NOW)).toBe(expected);
  });
});

describe('progressPercent', () => {
  it.each([
    [null, null],
    [Number.NaN, null],
    [0, 0],
    [0.424, 42],
    [0.995, 100],
    [1.7, 100],
    [-0.2, 0],
  ])('%s → %s', (progress, expected) => {
    expect(progressPercent(progress)).toBe(expected);
  });
});

describe('rateLimitState', () => {
  it.each([
    ['nothing reported', null, { kind: 'unknown' }],
    [
      'waiting out a throttle',
      { remaining: 0, limit: 200, blockedUntil: iso(30_000), throttledResponses: 2, pacedSeconds: 12 },
      { kind: 'paused', until: new Date(NOW + 30_000), throttled: 2, paced: 12 },
    ],
    [
      'a pause already over shows the budget',
      { remaining: 50, limit: 200, blockedUntil: iso(-1_000), throttledResponses: 1, pacedSeconds: 0 },
      { kind: 'budget', remaining: 50, limit: 200, throttled: 1, paced: 0 },
    ],
    [
      'no numbers means not limited',
      { remaining: null, limit: null, blockedUntil: null, throttledResponses: 0, pacedSeconds: 300 },
      { kind: 'unlimited', throttled: 0, paced: 300 },
    ],
  ])('%s', (_case, rateLimit, expected) => {
    expect(rateLimitState(rateLimit, NOW)).toEqual(expected);
  });
});

describe('durationParts', () => {
  it.each([
    [0, { kind: 'lessThanMinute' }],
    [59, { kind: 'lessThanMinute' }],
    [60, { kind: 'minutes', minutes: 1 }],
    [89, { kind: 'minutes', minutes: 1 }],
    [90, { kind: 'minutes', minutes: 2 }],
    [3_599, { kind: 'hours', hours: 1, minutes: 0 }],
    [3_661, { kind: 'hours', hours: 1, minutes: 1 }],
    [-5, { kind: 'lessThanMinute' }],
  ])('%i s', (seconds, expected) => {
    expect(durationParts(seconds)).toEqual(expected);
  });
});

describe('connect form', () => {
  it.each([
    ['organizationUrl', 'organizationUrl'],
    ['personalAccessToken', 'personalAccessToken'],
    ['timeZone', 'timeZone'],
    ['subscribeToEvents', undefined],
    [undefined, undefined],
  ])('the error parameter %s lands on %s', (parameter, field) => {
    expect(fieldOfParameter(parameter)).toBe(field);
  });

  it.each([
    ['fabrikam', 'https://dev.azure.com/fabrikam'],
    ['株式会社', 'https://dev.azure.com/%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE'],
    [undefined, ''],
    ['', ''],
  ])('organization %j → %j', (organization, url) => {
    expect(defaultOrganizationUrl(organization)).toBe(url);
  });
});
