import uPlot from 'uplot';
import { chartFontFamily, type ChartTheme } from './chartTheme.ts';

/** Shared axis and option pieces, so every chart reads the same way and follows the theme. */

const font = `12px ${chartFontFamily}`;

function themed(
  theme: () => ChartTheme,
): Pick<uPlot.Axis, 'stroke' | 'grid' | 'ticks' | 'font' | 'labelFont'> {
  return {
    font,
    labelFont: font,
    stroke: () => theme().axisText,
    grid: { stroke: () => theme().grid, width: 1 },
    ticks: { stroke: () => theme().grid, width: 1 },
  };
}

/** x axis of team days (seconds at UTC midnight), labelled in the reader's language. */
export function dayAxis(label: string, locale: string, theme: () => ChartTheme): uPlot.Axis {
  const dayFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return {
    ...themed(theme),
    label,
    space: 72,
    values: (_u, splits) => splits.map((split) => dayFormat.format(new Date(split * 1000))),
  };
}

/** y axis of counts or days: whole numbers only. */
export function countAxis(label: string, theme: () => ChartTheme, locale: string): uPlot.Axis {
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    ...themed(theme),
    label,
    incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000],
    values: (_u, splits) => splits.map((split) => numberFormat.format(split)),
  };
}

/** x axis of named categories at 0…n−1 (aging columns, histogram days). */
export function categoryAxis(label: string, names: readonly string[], theme: () => ChartTheme): uPlot.Axis {
  return {
    ...themed(theme),
    label,
    incrs: [1],
    grid: { show: false },
    values: (_u, splits) => splits.map((split) => (Number.isInteger(split) ? (names[split] ?? '') : '')),
  };
}

/** What every chart shares: no built-in legend (ours is accessible HTML), team-day ticks in UTC. */
export function baseOptions(
  width: number,
  height: number,
): Pick<uPlot.Options, 'width' | 'height' | 'legend' | 'tzDate' | 'cursor'> {
  return {
    width,
    height,
    legend: { show: false },
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    cursor: { x: false, y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
  };
}

export { font as chartFont };
