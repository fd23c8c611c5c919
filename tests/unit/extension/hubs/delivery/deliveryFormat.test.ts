import { describe, expect, it } from 'vitest';
import { formatHours, formatRate } from '../../../../../extension/src/hubs/delivery/state/deliveryFormat.ts';
import { deliveryEn } from '../../../../../extension/src/hubs/delivery/strings/en.ts';
import { deliveryJa } from '../../../../../extension/src/hubs/delivery/strings/ja.ts';

describe('formatHours', () => {
  it.each([
    [0, '0 min'],
    [0.5, '30 min'],
    [0.999, '60 min'],
    [1, '1 h'],
    [9.25, '9.3 h'],
    [10.4, '10 h'],
    [47.9, '48 h'],
    [48, '2 days'],
    [36 * 24, '36 days'],
  ])('%f hours reads "%s"', (hours, expected) => {
    expect(formatHours(hours, deliveryEn.units, 'en-US')).toBe(expected);
  });

  it('uses the language’s units', () => {
    expect(formatHours(72, deliveryJa.units, 'ja-JP')).toBe('3 日');
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0%'],
    [0.059, '5.9%'],
    [0.38614, '38.6%'],
    [1, '100%'],
  ])('%f reads "%s"', (rate, expected) => {
    expect(formatRate(rate, 'en-US')).toBe(expected);
  });
});
