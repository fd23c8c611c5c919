import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import type { PercentileLine } from '../../../../../service/src/contract/index.ts';
import type { ChartTheme } from '../../../../../extension/src/charts/chartTheme.ts';
import {
  buildScatterOptions,
  pointSize,
  spreadLabels,
  yAxisMax,
} from '../../../../../extension/src/hubs/flow/scatterOptions.ts';
import { en } from '../../../../../extension/src/i18n/en.ts';
import { ja } from '../../../../../extension/src/i18n/ja.ts';

function lines(...days: (number | null)[]): PercentileLine[] {
  return days.map((value, index) => ({ percentile: [50, 70, 85, 95][index] ?? 99, days: value }));
}

describe('spreadLabels', () => {
  // Canvas y grows downwards; input is the lowest line first, so labels are nudged upwards (smaller y).
  it.each([
    { name: 'no lines', ys: [], gap: 14, expected: [] },
    { name: 'one line stays put', ys: [200.5], gap: 14, expected: [200.5] },
    { name: 'lines already apart stay put', ys: [300, 200, 100], gap: 14, expected: [300, 200, 100] },
    { name: 'lines exactly one gap apart stay put', ys: [300, 286, 272], gap: 14, expected: [300, 286, 272] },
    { name: 'a close pair is pushed apart', ys: [300, 295], gap: 14, expected: [300, 286] },
    { name: 'identical lines stack upwards', ys: [100, 100, 100, 100], gap: 14, expected: [100, 86, 72, 58] },
    { name: 'a push cascades to the next label', ys: [300, 295, 280], gap: 14, expected: [300, 286, 272] },
    {
      name: 'the cascade stops at a distant line',
      ys: [300, 290, 285, 200],
      gap: 14,
      expected: [300, 286, 272, 200],
    },
    { name: 'the gap scales with the pixel ratio', ys: [600.5, 590.5], gap: 28, expected: [600.5, 572.5] },
  ])('$name', ({ ys, gap, expected }) => {
    expect(spreadLabels(ys, gap)).toEqual(expected);
  });

  it.each([
    {
      name: 'labels pushed above the plot come back down',
      ys: [100, 100, 100, 100],
      top: 80,
      expected: [122, 108, 94, 80],
    },
    {
      name: 'labels already below the top do not move',
      ys: [300, 200, 100],
      top: 80,
      expected: [300, 200, 100],
    },
    { name: 'a single line above the top is clamped', ys: [50], top: 80, expected: [80] },
  ])('clamped to the plot: $name', ({ ys, top, expected }) => {
    expect(spreadLabels(ys, 14, top)).toEqual(expected);
  });

  // Deterministic pseudo-random inputs (a small LCG) checked against the invariants the chart relies on.
  const cases = Array.from({ length: 50 }, (_, caseIndex) => {
    let seed = caseIndex + 1;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const count = 1 + Math.floor(next() * 6);
    const ys = Array.from({ length: count }, () => Math.round(next() * 400) + 0.5).sort((a, b) => b - a);
    return { caseIndex, ys, gap: 10 + Math.floor(next() * 20) };
  });

  it.each(cases)(
    'case $caseIndex: labels never overlap, keep their order and only move up',
    ({ ys, gap }) => {
      const placed = spreadLabels(ys, gap);
      expect(placed).toHaveLength(ys.length);
      expect(placed[0]).toBe(ys[0]);
      placed.forEach((label, index) => {
        const line = ys[index] ?? Number.NaN;
        expect(label).toBeLessThanOrEqual(line);
        const above = placed[index - 1];
        if (above !== undefined) {
          expect(above - label).toBeGreaterThanOrEqual(gap);
          // A label already clear of the one below it is not moved.
          if (line <= above - gap) {
            expect(label).toBe(line);
          }
        }
      });
    },
  );

  it('does not modify its input', () => {
    const ys = [100, 100, 100];
    spreadLabels(ys, 14);
    expect(ys).toEqual([100, 100, 100]);
  });
});

describe('yAxisMax', () => {
  it.each([
    { name: 'nothing to show', cycleTimes: [], percentiles: [], expected: 5 },
    {
      name: 'percentiles without values',
      cycleTimes: [],
      percentiles: lines(null, null, null, null),
      expected: 5,
    },
    { name: 'zero-day items', cycleTimes: [0, 0], percentiles: lines(0, 0), expected: 5 },
    {
      name: 'short cycle times keep a 5-day floor',
      cycleTimes: [1, 3, 2],
      percentiles: lines(2, 3),
      expected: 5,
    },
    { name: '4 days: 4.4 rounds up to the floor', cycleTimes: [4], percentiles: [], expected: 5 },
    { name: '5 days: 5.5 rounds up to 6', cycleTimes: [5], percentiles: [], expected: 6 },
    { name: '10 days gets 11', cycleTimes: [3, 10, 7], percentiles: lines(7, 10), expected: 11 },
    { name: '13 days gets 15 (14.3 up)', cycleTimes: [13, 2], percentiles: [], expected: 15 },
    { name: '30 days gets 33', cycleTimes: [30], percentiles: lines(12, 30), expected: 33 },
    { name: 'a percentile above every item wins', cycleTimes: [8], percentiles: lines(8, 20), expected: 22 },
    { name: 'null percentiles are ignored', cycleTimes: [18], percentiles: lines(null, 9), expected: 20 },
    { name: 'a year-long item', cycleTimes: [365, 4], percentiles: [], expected: 402 },
  ])('$name → $expected', ({ cycleTimes, percentiles, expected }) => {
    expect(yAxisMax(cycleTimes, percentiles)).toBe(expected);
  });

  it('leaves between 10% and 10% + 1 day of headroom for every whole-day maximum up to 400', () => {
    for (let highest = 5; highest <= 400; highest++) {
      const top = yAxisMax([1, highest], lines(highest));
      expect(Number.isInteger(top)).toBe(true);
      expect(top).toBeGreaterThan(highest);
      expect(top).toBeGreaterThanOrEqual(highest * 1.1 - 1e-9);
      expect(top).toBeLessThan(highest * 1.1 + 1);
    }
  });

  it('copes with 20,000 items: 249 days gets 274 (the largest range the hub is measured with)', () => {
    const cycleTimes = Array.from({ length: 20_000 }, (_, index) => index % 250);
    expect(yAxisMax(cycleTimes, lines(100, 160, 210, 240))).toBe(274);
  });
});

describe('pointSize', () => {
  it.each([
    { count: 0, expected: 7 },
    { count: 500, expected: 7 },
    { count: 501, expected: 5 },
    { count: 2000, expected: 5 },
    { count: 2001, expected: 4 },
    { count: 20_000, expected: 4 },
  ])('$count points are drawn $expected px wide', ({ count, expected }) => {
    expect(pointSize(count)).toBe(expected);
  });
});

describe('buildScatterOptions', () => {
  const lightTheme: ChartTheme = {
    pointFill: 'rgba(0, 120, 212, 0.55)',
    pointStroke: 'rgb(0, 120, 212)',
    axisText: 'rgba(0, 0, 0, 0.55)',
    grid: 'rgb(234, 234, 234)',
    percentileLine: 'rgba(0, 0, 0, 0.55)',
    percentileLabel: 'rgba(0, 0, 0, 0.9)',
  };
  const darkTheme: ChartTheme = {
    ...lightTheme,
    pointStroke: 'rgb(40, 153, 245)',
    axisText: 'rgb(200, 200, 200)',
  };
  // Draw-time callbacks ignore the plot instance; a bare object stands in for it.
  const plot = {} as uPlot;

  function options(locale: string, theme: () => ChartTheme = () => lightTheme): uPlot.Options {
    return buildScatterOptions({
      width: 800,
      height: 400,
      locale,
      strings: locale.startsWith('ja') ? ja : en,
      xBounds: { min: Date.UTC(2024, 1, 1) / 1000, max: Date.UTC(2024, 2, 2) / 1000 },
      yMax: 33,
      pointCount: 1200,
      percentiles: lines(5, 9, 14, 30),
      theme,
    });
  }

  function dateLabels(opts: uPlot.Options, splits: number[]): unknown[] {
    const values = opts.axes?.[0]?.values;
    if (typeof values !== 'function') {
      throw new Error('The x axis has no value formatter.');
    }
    return values(plot, splits, 0, 72, 86_400);
  }

  it('fixes the scales to the requested days and the y maximum', () => {
    const opts = options('en-US');
    const xRange = opts.scales?.x?.range;
    const yRange = opts.scales?.y?.range;
    if (typeof xRange !== 'function' || typeof yRange !== 'function') {
      throw new Error('Both scales need range functions.');
    }
    expect(xRange(plot, 0, 1, 'x')).toEqual([Date.UTC(2024, 1, 1) / 1000, Date.UTC(2024, 2, 2) / 1000]);
    expect(yRange(plot, 0, 1, 'y')).toEqual([0, 33]);
  });

  it.each([
    { locale: 'en-US', expected: ['Feb 29', 'Feb 29', 'Mar 1'] },
    { locale: 'ja-JP', expected: ['2月29日', '2月29日', '3月1日'] },
  ])('labels days in $locale on the UTC calendar', ({ locale, expected }) => {
    const splits = [Date.UTC(2024, 1, 29), Date.UTC(2024, 1, 29, 23, 59), Date.UTC(2024, 2, 1)].map(
      (ms) => ms / 1000,
    );
    expect(dateLabels(options(locale), splits)).toEqual(expected);
  });

  it.each([
    { locale: 'en-US', strings: en },
    { locale: 'ja-JP', strings: ja },
  ])('titles the axes in $locale', ({ locale, strings }) => {
    const opts = options(locale);
    expect(opts.axes?.map((axis) => axis.label)).toEqual([strings.axisCompleted, strings.axisCycleTime]);
  });

  it('reads theme colours at draw time, so a theme switch needs only a redraw', () => {
    let current = lightTheme;
    let reads = 0;
    const opts = options('en-US', () => {
      reads++;
      return current;
    });
    expect(reads).toBe(0);
    const axisStroke = opts.axes?.[0]?.stroke;
    const pointStroke = opts.series[1]?.points?.stroke;
    if (typeof axisStroke !== 'function' || typeof pointStroke !== 'function') {
      throw new Error('Axis and point strokes must be functions.');
    }
    expect([axisStroke(plot, 0), pointStroke(plot, 1)]).toEqual([
      lightTheme.axisText,
      lightTheme.pointStroke,
    ]);
    current = darkTheme;
    expect([axisStroke(plot, 0), pointStroke(plot, 1)]).toEqual([darkTheme.axisText, darkTheme.pointStroke]);
    expect(reads).toBe(4);
  });

  it('draws points only, sized for the point count', () => {
    const series = options('en-US').series[1];
    expect(series?.points?.size).toBe(pointSize(1200));
    const paths = series?.paths;
    expect(typeof paths === 'function' ? paths(plot, 1, 0, 0) : 'no path builder').toBeNull();
  });
});
