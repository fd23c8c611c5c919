import { describe, expect, it } from 'vitest';
import { attachedRateLimit, readRateLimitHeaders } from '../../../service/src/ado/http/rateLimit.ts';

const NOW = Date.parse('2026-11-24T00:00:00Z');

describe('readRateLimitHeaders', () => {
  it.each([
    ['no rate-limit headers', {}, undefined],
    [
      'the headers sent before delays start',
      {
        'X-RateLimit-Resource': 'Core',
        'X-RateLimit-Limit': '200',
        'X-RateLimit-Remaining': '37',
        'X-RateLimit-Reset': '1795000000',
      },
      { resource: 'Core', limit: 200, remaining: 37, reset: 1795000000 },
    ],
    ['a delay with decimals', { 'X-RateLimit-Delay': '0.375' }, { delay: 0.375 }],
    ['Retry-After in seconds', { 'Retry-After': '12' }, { retryAfter: 12 }],
    ['Retry-After as an HTTP date', { 'Retry-After': 'Tue, 24 Nov 2026 00:00:30 GMT' }, { retryAfter: 30 }],
    ['garbage numbers are ignored', { 'X-RateLimit-Remaining': 'lots' }, undefined],
  ])('%s', (_case, headers, expected) => {
    expect(readRateLimitHeaders(new Headers(headers), NOW)).toEqual(expected);
  });

  it('reads plain header records (lower-case keys, as node gives them)', () => {
    expect(readRateLimitHeaders({ 'retry-after': ['3'], 'x-ratelimit-limit': '200' }, NOW)).toEqual({
      retryAfter: 3,
      limit: 200,
    });
  });
});

describe('attachedRateLimit', () => {
  it.each([
    [null, undefined],
    [{}, undefined],
    [
      { rateLimit: { remaining: 5, limit: 200, retryAfter: 2, resource: 'Core', extra: true } },
      { remaining: 5, limit: 200, retryAfter: 2, resource: 'Core' },
    ],
    [{ rateLimit: { remaining: 'x' } }, {}],
  ])('%j → %j', (value, expected) => {
    expect(attachedRateLimit(value)).toEqual(expected);
  });
});
