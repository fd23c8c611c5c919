import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  readOptions,
  writeOptions,
} from '../../../../../extension/src/hubs/sprint-widget/widgetOptions.ts';

describe('extension/hubs/sprint-widget/widgetOptions', () => {
  it('reads back what it wrote, with a version for later migrations', () => {
    const written = writeOptions({ show: 'notMet' });
    expect(written.version).toEqual({ major: 1, minor: 0, patch: 0 });
    expect(readOptions(written)).toEqual({ show: 'notMet' });
    expect(readOptions(writeOptions({ show: 'all' }))).toEqual({ show: 'all' });
  });

  it.each([
    ['a new widget’s empty settings', { data: '' }],
    ['no settings at all', undefined],
    ['text that is not JSON', { data: 'show=notMet' }],
    ['JSON that is not an object', { data: '"notMet"' }],
    ['null', { data: 'null' }],
    ['an unknown choice', { data: '{"show":"atRisk"}' }],
  ])('falls back to every target for %s', (_case, settings) => {
    expect(readOptions(settings)).toEqual(DEFAULT_OPTIONS);
  });
});
