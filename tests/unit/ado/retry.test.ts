import { describe, expect, it } from 'vitest';
import {
  AdoHttpError,
  backoffDelay,
  classifyFailure,
  withRetries,
} from '../../../service/src/ado/http/retry.ts';
import { FakeClock } from '../../support/fakeClock.ts';

function libraryError(statusCode: number): Error {
  return Object.assign(new Error(`status ${statusCode}`), { statusCode });
}

function networkError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

describe('classifyFailure', () => {
  it.each([
    ['429 from the library', libraryError(429), 'throttled'],
    ['503 from the library', libraryError(503), 'transient'],
    ['500 from direct REST', new AdoHttpError(500, 'u', 'boom'), 'transient'],
    ['404', libraryError(404), 'permanent'],
    ['400', new AdoHttpError(400, 'u', 'bad'), 'permanent'],
    ['a connection reset under fetch', networkError('ECONNRESET'), 'transient'],
    ['a socket error under fetch', networkError('UND_ERR_SOCKET'), 'transient'],
    ['a truncated JSON body', new SyntaxError('Unexpected end of JSON input'), 'transient'],
    ['a typed-rest-client timeout', new Error('Request timeout: /_apis/x'), 'transient'],
    ['a schema error', new Error('Expected string, received number'), 'permanent'],
  ])('%s is %s', (_case, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 1, 500],
    [2, 1, 1_000],
    [5, 1, 8_000],
    [10, 1, 30_000],
    [3, 0.5, 1_000],
    [3, 0, 0],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, { baseDelayMs: 500, maxDelayMs: 30_000, random: () => random })).toBe(
      expected,
    );
  });
});

describe('withRetries', () => {
  it('retries transient failures with growing delays, then succeeds', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls += 1;
        if (calls < 3) throw libraryError(503);
        return 'ok';
      },
      { clock, random: () => 1 },
    );
    expect(result).toBe('ok');
    expect(clock.sleeps).toEqual([500, 1_000]);
  });

  it('waits exactly Retry-After on 429', async () => {
    const clock = new FakeClock();
    let calls = 0;
    await withRetries(
      async () => {
        calls += 1;
        if (calls === 1) throw new AdoHttpError(429, 'u', 'TF400733', { retryAfter: 7 });
        return 'ok';
      },
      {
        clock,
        retryAfterOf: (error) => (error instanceof AdoHttpError ? error.rateLimit?.retryAfter : undefined),
      },
    );
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('never retries a permanent failure', async () => {
    const clock = new FakeClock();
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw libraryError(403);
        },
        { clock },
      ),
    ).rejects.toThrow('status 403');
    expect(calls).toBe(1);
  });

  it('gives up after the attempt limit with the last error', async () => {
    const clock = new FakeClock();
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw networkError('ECONNRESET');
        },
        { clock, maxAttempts: 4, random: () => 0.5 },
      ),
    ).rejects.toThrow('fetch failed');
    expect(calls).toBe(4);
    expect(clock.sleeps).toEqual([250, 500, 1_000]);
  });
});
