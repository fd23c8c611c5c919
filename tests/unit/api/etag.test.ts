import { describe, expect, it } from 'vitest';
import { entityTag, ifNoneMatchMatches } from '../../../service/src/api/etag.ts';
import { canonicalJson } from '../../../service/src/services/requestKey.ts';

describe('entityTag', () => {
  it('is a quoted digest that changes with any part and with where parts split', () => {
    const tag = entityTag(['cycle-time', 'json', '{"from":"2026-05-01"}', 'v1']);
    expect(tag).toMatch(/^"[\w-]{32}"$/);
    expect(entityTag(['cycle-time', 'json', '{"from":"2026-05-01"}', 'v1'])).toBe(tag);
    expect(entityTag(['cycle-time', 'csv', '{"from":"2026-05-01"}', 'v1'])).not.toBe(tag);
    expect(entityTag(['ab', 'c'])).not.toBe(entityTag(['a', 'bc']));
  });
});

describe('ifNoneMatchMatches (weak comparison)', () => {
  const tag = '"abc"';
  it.each([
    [undefined, false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"xyz", W/"abc"', true],
    ['"xyz"', false],
    ['"ab"', false],
    ['*', true],
    ['', false],
  ])('%s → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, tag)).toBe(expected);
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe(
      canonicalJson({ a: { d: [2, 1] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
