import { describe, expect, it } from 'vitest';
import { en } from '../../../../extension/src/i18n/en.ts';
import { ja } from '../../../../extension/src/i18n/ja.ts';

interface Leaf {
  path: string;
  value: unknown;
}

/** Every string or function in a (nested) string table, by dotted path. */
function leaves(table: unknown, prefix = ''): Leaf[] {
  if (typeof table !== 'object' || table === null) {
    return [{ path: prefix, value: table }];
  }
  return Object.entries(table).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

function byPath(table: unknown): Map<string, unknown> {
  return new Map(leaves(table).map((leaf) => [leaf.path, leaf.value]));
}

const english = byPath(en);
const japanese = byPath(ja);
const paths = [...english.keys()];
const functionPaths = paths.filter((path) => typeof english.get(path) === 'function');

/**
 * An argument that shows up as a unique marker however an entry uses it: interpolated (`${arg}`), or
 * called as a formatter (`format(count)`), so entries can be compared without knowing parameter types.
 */
function sentinel(index: number): (value?: unknown) => string {
  const marker = `⟦${index}⟧`;
  return Object.assign((value?: unknown) => `${marker}(${String(value)})`, {
    [Symbol.toPrimitive]: () => marker,
  });
}

function sentinels(count: number): ((value?: unknown) => string)[] {
  return Array.from({ length: count }, (_, index) => sentinel(index + 1));
}

function render(entry: unknown, args: readonly unknown[]): string {
  if (typeof entry !== 'function') {
    throw new Error('Not a function entry.');
  }
  const result: unknown = Reflect.apply(entry, undefined, args);
  if (typeof result !== 'string') {
    throw new Error('A string-table function must return a string.');
  }
  return result;
}

function markersIn(text: string): string[] {
  return [...new Set(text.match(/⟦\d+⟧/gu) ?? [])].sort();
}

const japaneseScript = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const brokenOutput = /undefined|NaN|\[object|\$\{|⟦/u;
/** Plain values an entry may be called with: singular, zero, and a formatter where one is expected. */
const plainArgumentSets: readonly unknown[][] = [
  [1, 1, String],
  [0, 0, String],
  [2, 3, (value: unknown) => `#${String(value)}`],
];

describe('string tables', () => {
  it('have the same entries in English and Japanese', () => {
    expect([...japanese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has parameterised entries to compare', () => {
    expect(functionPaths.length).toBeGreaterThanOrEqual(8);
  });

  it.each(paths)('%s is the same kind of entry, with the same parameters, in both languages', (path) => {
    const englishValue = english.get(path);
    const japaneseValue = japanese.get(path);
    expect(typeof japaneseValue).toBe(typeof englishValue);
    expect(typeof englishValue === 'string' || typeof englishValue === 'function').toBe(true);
    if (typeof englishValue === 'function' && typeof japaneseValue === 'function') {
      expect(japaneseValue.length).toBe(englishValue.length);
    }
  });

  it.each(functionPaths)('%s uses the same placeholders in both languages', (path) => {
    const englishValue = english.get(path);
    const arity = typeof englishValue === 'function' ? englishValue.length : 0;
    const englishText = render(englishValue, sentinels(arity));
    const japaneseText = render(japanese.get(path), sentinels(arity));
    expect(markersIn(japaneseText)).toEqual(markersIn(englishText));
    // Every parameterised entry shows at least one of its arguments.
    expect(markersIn(englishText).length).toBeGreaterThan(0);
  });

  it.each(
    [
      { language: 'en', table: english },
      { language: 'ja', table: japanese },
    ].flatMap(({ language, table }) =>
      paths.map((path) => ({ label: `${language}.${path}`, language, path, value: table.get(path) })),
    ),
  )('$label reads as finished copy', ({ language, path, value }) => {
    const texts =
      typeof value === 'function' ? plainArgumentSets.map((args) => render(value, args)) : [value];
    const englishCounterparts =
      typeof value === 'function'
        ? plainArgumentSets.map((args) => render(english.get(path), args))
        : [english.get(path)];
    texts.forEach((text, index) => {
      expect(typeof text).toBe('string');
      const copy = String(text);
      expect(copy.trim().length).toBeGreaterThan(0);
      expect(copy).not.toMatch(brokenOutput);
      if (language === 'en') {
        expect(copy).not.toMatch(japaneseScript);
      } else if (copy !== englishCounterparts[index]) {
        // Japanese copy is in Japanese, unless it is language-neutral (a brand, a URL, a dash) and so
        // identical to the English.
        expect(copy).toMatch(japaneseScript);
      }
    });
  });

  it.each([
    { name: 'last N days', text: en.lastDays(30), expected: 'Last 30 days' },
    { name: 'one item', text: en.itemCount(1, '1'), expected: '1 item completed' },
    {
      name: 'many items use the formatted count',
      text: en.itemCount(1234, '1,234'),
      expected: '1,234 items completed',
    },
    {
      name: 'one item without a start',
      text: en.withoutStart(1),
      expected: '1 completed item never entered an in-progress state and is not plotted.',
    },
    {
      name: 'items without a start',
      text: en.withoutStart(3),
      expected: '3 completed items never entered an in-progress state and are not plotted.',
    },
    {
      name: 'a one-day percentile',
      text: en.percentileSentence(50, 1),
      expected: '50% of items finished within 1 day',
    },
    {
      name: 'a percentile in days',
      text: en.percentileSentence(85, 12),
      expected: '85% of items finished within 12 days',
    },
    { name: 'a zero-day cycle time is plural', text: en.tooltipCycleTime(0), expected: 'Cycle time: 0 days' },
    { name: 'a one-day cycle time', text: en.tooltipCycleTime(1), expected: 'Cycle time: 1 day' },
    {
      name: 'Japanese count uses the formatted number',
      text: ja.itemCount(1234, '1,234'),
      expected: '完了したアイテム: 1,234 件',
    },
    { name: 'Japanese percentile label', text: ja.percentileLineLabel(95, 21), expected: '95% · 21日' },
  ])('$name', ({ text, expected }) => {
    expect(text).toBe(expected);
  });
});
