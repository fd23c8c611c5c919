import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../extension/src/i18n/en.ts';
import { ja } from '../../../../extension/src/i18n/ja.ts';
import { languageOf, localize } from '../../../../extension/src/i18n/locale.ts';

describe('languageOf', () => {
  it.each([
    { culture: 'ja-JP', expected: 'ja' },
    { culture: 'ja', expected: 'ja' },
    { culture: 'JA-jp', expected: 'ja' },
    { culture: 'ja-Jpan-JP', expected: 'ja' },
    { culture: 'en-US', expected: 'en' },
    { culture: 'en-GB', expected: 'en' },
    { culture: 'en', expected: 'en' },
    { culture: 'de-DE', expected: 'en' },
    { culture: 'zh-Hans-CN', expected: 'en' },
    { culture: 'fr', expected: 'en' },
    { culture: '', expected: 'en' },
    { culture: undefined, expected: 'en' },
  ])('$culture → $expected', ({ culture, expected }) => {
    expect(languageOf(culture)).toBe(expected);
  });
});

describe('localize', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    { host: 'ja-JP', browser: 'en-US', language: 'ja', locale: 'ja-JP', strings: ja },
    { host: 'en-GB', browser: 'ja-JP', language: 'en', locale: 'en-GB', strings: en },
    { host: 'de-DE', browser: 'ja-JP', language: 'en', locale: 'de-DE', strings: en },
    { host: undefined, browser: 'ja-JP', language: 'ja', locale: 'ja-JP', strings: ja },
    { host: '', browser: 'ja', language: 'ja', locale: 'ja', strings: ja },
    { host: undefined, browser: 'fr-FR', language: 'en', locale: 'fr-FR', strings: en },
  ])(
    'host $host, browser $browser → $language strings, $locale formats',
    ({ host, browser, ...expected }) => {
      vi.stubGlobal('navigator', { language: browser });
      expect(localize(host)).toEqual(expected);
    },
  );
});
