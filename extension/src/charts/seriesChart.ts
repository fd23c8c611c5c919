import uPlot from 'uplot';
import { baseOptions } from './axes.ts';
import type { ChartTheme } from './chartTheme.ts';
import type { ChartBuildInput } from './chartTypes.ts';

/** One drawn series of a day-based chart: bars, a line, or a filled area (stacked charts pre-sum). */
export interface SeriesSpec {
  label: string;
  kind: 'bars' | 'line' | 'area';
  color: (theme: ChartTheme) => string;
  /** Dashed lines for secondary series (moving averages). */
  dashed?: boolean;
}

export interface SeriesChartSpec {
  xAxis: (theme: () => ChartTheme) => uPlot.Axis;
  yAxis: (theme: () => ChartTheme) => uPlot.Axis;
  series: readonly SeriesSpec[];
  /** Whether x is time (seconds) or plain numbers (category indexes, histogram days). */
  timeX: boolean;
  xRange?: [number, number];
  yMax?: number;
  /** Extra drawing after the series (reference lines). */
  draw?: (u: uPlot, theme: ChartTheme) => void;
  padding?: uPlot.Padding;
}

const bars = uPlot.paths.bars?.({ size: [0.8, 48] });

function toSeries(spec: SeriesSpec, theme: () => ChartTheme): uPlot.Series {
  const stroke = (): string => spec.color(theme());
  switch (spec.kind) {
    case 'bars':
      return { label: spec.label, stroke, fill: stroke, width: 0, paths: bars, points: { show: false } };
    case 'line':
      return {
        label: spec.label,
        stroke,
        width: 2,
        dash: spec.dashed ? [6, 4] : undefined,
        points: { show: false },
        spanGaps: false,
      };
    case 'area':
      return { label: spec.label, stroke, fill: stroke, width: 1, points: { show: false } };
  }
}

/** uPlot options of a series chart: the kit's axes and theme, bars/lines/areas, optional extra drawing. */
export function buildSeriesOptions(spec: SeriesChartSpec, input: ChartBuildInput): uPlot.Options {
  const { theme } = input;
  return {
    ...baseOptions(input.width, input.height),
    padding: spec.padding ?? [12, 16, null, null],
    scales: {
      x: {
        time: spec.timeX,
        ...(spec.xRange ? { range: (): uPlot.Range.MinMax => spec.xRange ?? [0, 1] } : {}),
      },
      y: { range: (_u, _min, max): uPlot.Range.MinMax => [0, Math.max(spec.yMax ?? 0, max, 1) * 1.08] },
    },
    axes: [spec.xAxis(theme), spec.yAxis(theme)],
    series: [{}, ...spec.series.map((series) => toSeries(series, theme))],
    hooks: spec.draw ? { draw: [(u) => spec.draw?.(u, theme())] } : {},
  };
}
