import { paletteColor, resolveCssColor, semanticColor } from './themeColors.ts';

/** Canvas colours for every chart, read from the host theme each time a chart draws. */
export interface ChartTheme {
  dark: boolean;
  pointFill: string;
  pointStroke: string;
  axisText: string;
  grid: string;
  percentileLine: string;
  percentileLabel: string;
  background: string;
  /** Categorical colours (work-item types, CFD bands), colour-blind safe, tuned per light/dark. */
  categorical: readonly string[];
  /** Aging zones, from safe to late. */
  zoneWithin: string;
  zoneBetween: string;
  zoneBeyond: string;
  /** Dots of items by pace: within the lowest line, between lines, past the highest. */
  dotWithin: string;
  dotBetween: string;
  dotBeyond: string;
  /** The service level expectation line. */
  sle: string;
  /** Moving average and its deviation band. */
  trendLine: string;
  trendBand: string;
}

// Okabe–Ito based; the dark variants are lighter so they keep contrast on a dark background.
const categoricalLight = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#7A6300',
  '#56B4E9',
  '#8C4A9E',
  '#000000',
];
const categoricalDark = [
  '#56B4E9',
  '#F0A35E',
  '#3DD6A3',
  '#E69FC8',
  '#F0E442',
  '#9FD3F5',
  '#C9A0DC',
  '#E0E0E0',
];

/** True when a computed rgb()/rgba() colour is dark (relative luminance below one half). */
export function isDarkColor(rgb: string): boolean {
  const [red = 255, green = 255, blue = 255] = rgb.match(/[\d.]+/g)?.map(Number) ?? [];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128;
}

export function readChartTheme(): ChartTheme {
  const background = semanticColor('background-color', 'rgb(255, 255, 255)');
  const dark = isDarkColor(background);
  return {
    dark,
    background,
    pointFill: paletteColor('palette-primary', 0.55, '0, 120, 212'),
    pointStroke: paletteColor('palette-primary', 0.95, '0, 120, 212'),
    axisText: semanticColor('text-secondary-color', 'rgba(0, 0, 0, .55)'),
    grid: paletteColor('palette-neutral-8', 1, '234, 234, 234'),
    percentileLine: semanticColor('text-secondary-color', 'rgba(0, 0, 0, .55)'),
    percentileLabel: semanticColor('text-primary-color', 'rgba(0, 0, 0, .9)'),
    categorical: (dark ? categoricalDark : categoricalLight).map(resolveCssColor),
    zoneWithin: dark ? 'rgba(84, 176, 84, 0.16)' : 'rgba(16, 124, 16, 0.08)',
    zoneBetween: dark ? 'rgba(252, 225, 0, 0.12)' : 'rgba(255, 185, 0, 0.12)',
    zoneBeyond: dark ? 'rgba(241, 112, 123, 0.16)' : 'rgba(205, 74, 69, 0.10)',
    dotWithin: semanticColor('status-success-foreground', 'rgb(16, 124, 16)'),
    dotBetween: dark ? 'rgb(252, 225, 0)' : 'rgb(196, 130, 0)',
    dotBeyond: semanticColor('status-error-foreground', 'rgb(205, 74, 69)'),
    sle: semanticColor('status-error-foreground', 'rgb(205, 74, 69)'),
    trendLine: semanticColor('communication-foreground', 'rgb(0, 90, 158)'),
    trendBand: paletteColor('palette-primary', 0.12, '0, 120, 212'),
  };
}

/** The categorical colour of the n-th category (wrapping around). */
export function categoryColor(theme: ChartTheme, index: number): string {
  return theme.categorical[index % theme.categorical.length] ?? theme.pointStroke;
}

export const chartFontFamily =
  '"Segoe UI", "-apple-system", BlinkMacSystemFont, Roboto, "Helvetica Neue", Helvetica, Ubuntu, Arial, sans-serif';
