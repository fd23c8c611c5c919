/**
 * A number column is stored in the fewest bytes its values allow and reads back as written: one-byte codes
 * for up to 255 distinct values, four-byte integers, eight-byte numbers for anything else (times,
 * fractions, -0, infinities, the int32 that stands for null), and null as NaN.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeNumbers,
  encodeNumbers,
  numberOrNull,
} from '../../../service/src/storage/sql/delivery/numberColumns.ts';

const range = (count: number, make: (n: number) => number | null) =>
  Array.from({ length: count }, (_, n) => make(n));

const CASES: { name: string; values: (number | null)[]; kind: 'd' | 'i' | 'f' }[] = [
  { name: 'no values', values: [], kind: 'd' },
  {
    name: 'every value null (a release id of YAML deployments)',
    values: range(1_000, () => null),
    kind: 'd',
  },
  { name: 'a few attempts and a null', values: [1, 2, 1, null, 3, 1], kind: 'd' },
  { name: 'a few fractional values', values: [0.5, 1.25, 0.5, -7.75], kind: 'd' },
  { name: '255 distinct values and nulls', values: [...range(255, (n) => n * 3), null], kind: 'd' },
  { name: '256 distinct integers', values: range(256, (n) => n * 1_000), kind: 'i' },
  {
    name: 'integers at the int32 limits, and nulls',
    values: [...range(300, (n) => n), 2_147_483_647, -2_147_483_647, null],
    kind: 'i',
  },
  { name: 'an integer past int32', values: [...range(300, (n) => n), 2_147_483_648], kind: 'f' },
  {
    name: 'the int32 that stands for null, as a value',
    values: [...range(300, (n) => n), -2_147_483_648],
    kind: 'f',
  },
  { name: 'times in milliseconds', values: range(400, (n) => 1_767_225_600_000 + n * 61_000), kind: 'f' },
  { name: 'many fractional values', values: range(400, (n) => n / 7), kind: 'f' },
  { name: 'minus zero', values: [-0, 0, 1], kind: 'f' },
  { name: 'infinities', values: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1], kind: 'f' },
];

describe('storage/sql/delivery/numberColumns', () => {
  it.each(CASES)('$name: stored as $kind and read back as written', ({ values, kind }) => {
    const text = encodeNumbers(values);
    expect(text.charAt(0)).toBe(kind);
    const read = Array.from(decodeNumbers(text, values.length), (value) => numberOrNull(value));
    expect(read).toEqual(values);
    // -0 is not 0: toEqual tells them apart, and so must the column.
    read.forEach((value, n) => expect(Object.is(value, values[n])).toBe(true));
  });

  it('is far smaller than eight bytes a value where the values allow', () => {
    const attempts = range(100_000, (n) => 1 + (n % 3));
    const buildIds = range(100_000, (n) => 1_000_000 + n);
    expect(encodeNumbers(attempts).length).toBeLessThan(100_000 * 1.4);
    expect(encodeNumbers(buildIds).length).toBeLessThan(100_000 * 4 * 1.4);
  });

  it.each([
    ['a column of another length', () => decodeNumbers(encodeNumbers([1, 2, 3]), 4), /wrong length/],
    [
      'an integer column of another length',
      () => decodeNumbers(encodeNumbers(range(300, (n) => n)), 299),
      /wrong length/,
    ],
    [
      'a time column of another length',
      () => decodeNumbers(encodeNumbers(range(300, (n) => n / 3)), 3),
      /wrong length/,
    ],
    ['a column of no known kind', () => decodeNumbers('x', 0), /no known kind/],
    ['codes naming no listed value', () => decodeNumbers('d[1]\nAQ==', 1), /does not list/],
    ['a list that is not of numbers', () => decodeNumbers('d["a"]\nAA==', 1), /other than numbers/],
  ])('refuses %s', (_name, read, message) => {
    expect(read).toThrow(message);
  });
});
