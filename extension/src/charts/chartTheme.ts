import { paletteColor, semanticColor } from './themeColors.ts';

/** Canvas colours for the scatterplot, read from the host theme each time the chart draws. */
export interface ChartTheme {
  pointFill: string;
  pointStroke: string;
  axisText: string;
  grid: string;
  percentileLine: string;
  percentileLabel: string;
}

export function readChartTheme(): ChartTheme {
  return {
    pointFill: paletteColor('palette-primary', 0.55, '0, 120, 212'),
    pointStroke: paletteColor('palette-primary', 0.95, '0, 120, 212'),
    axisText: semanticColor('text-secondary-color', 'rgba(0, 0, 0, .55)'),
    grid: paletteColor('palette-neutral-8', 1, '234, 234, 234'),
    percentileLine: semanticColor('text-secondary-color', 'rgba(0, 0, 0, .55)'),
    percentileLabel: semanticColor('text-primary-color', 'rgba(0, 0, 0, .9)'),
  };
}

export const chartFontFamily =
  '"Segoe UI", "-apple-system", BlinkMacSystemFont, Roboto, "Helvetica Neue", Helvetica, Ubuntu, Arial, sans-serif';
