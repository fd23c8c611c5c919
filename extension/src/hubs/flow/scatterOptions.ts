import uPlot from 'uplot';
import type { PercentileLine } from '../../../../service/src/contract/index.ts';
import type { Strings } from '../../i18n/en.ts';
import { chartFontFamily, type ChartTheme } from '../../charts/chartTheme.ts';

export interface ScatterOptionsInput {
  width: number;
  height: number;
  locale: string;
  strings: Strings;
  /** x range in seconds since epoch: the whole requested date range, even if few items fall in it. */
  xBounds: { min: number; max: number };
  yMax: number;
  pointCount: number;
  percentiles: readonly PercentileLine[];
  /** Called at draw time so a theme switch only needs a redraw. */
  theme: () => ChartTheme;
}

/** Smaller points as the count grows, so dense periods stay readable. */
export function pointSize(count: number): number {
  return count > 2000 ? 4 : count > 500 ? 5 : 7;
}

/** Top of the y axis: room above the slowest item and the highest percentile line. */
export function yAxisMax(cycleTimes: readonly number[], percentiles: readonly PercentileLine[]): number {
  // A loop, not Math.max(...values): spreading 100,000+ values overflows the call stack.
  let highest = 0;
  for (const days of cycleTimes) if (days > highest) highest = days;
  for (const line of percentiles) if ((line.days ?? 0) > highest) highest = line.days ?? 0;
  // 10% headroom in integer arithmetic: highest * 1.1 rounds 50 up to 56.
  return Math.max(5, Math.ceil((highest * 11) / 10));
}

/** Room right of the plot for percentile labels, so they never cover points. */
const labelGutterPx = 72;
const labelLineHeightPx = 14;

/**
 * Label positions (canvas y) for percentile lines, nudged apart so close percentiles stay readable.
 * Input is sorted by y descending (lowest line first); each label keeps at least `minGap` above the last.
 */
export function spreadLabels(
  ys: readonly number[],
  minGap: number,
  top = Number.NEGATIVE_INFINITY,
): number[] {
  const placed: number[] = [];
  for (const y of ys) {
    const previous = placed.at(-1);
    placed.push(previous === undefined ? y : Math.min(y, previous - minGap));
  }
  // Labels pushed above the plot come back down, keeping their gaps, so none leaves the canvas.
  for (let index = placed.length - 1; index >= 0; index--) {
    const floor = index === placed.length - 1 ? top : (placed[index + 1] ?? top) + minGap;
    placed[index] = Math.max(placed[index] ?? floor, floor);
  }
  return placed;
}

function drawPercentileLines(u: uPlot, input: ScatterOptionsInput): void {
  const theme = input.theme();
  const { ctx, bbox } = u;
  const ratio = uPlot.pxRatio;
  const lines = input.percentiles
    .flatMap((line) => (line.days === null ? [] : [{ percentile: line.percentile, days: line.days }]))
    .sort((a, b) => a.days - b.days || a.percentile - b.percentile);
  const lineYs = lines.map((line) => Math.round(u.valToPos(line.days, 'y', true)) + 0.5);
  const labelYs = spreadLabels(lineYs, labelLineHeightPx * ratio, bbox.top + (labelLineHeightPx * ratio) / 2);
  ctx.save();
  ctx.font = `${Math.round(11 * ratio)}px ${chartFontFamily}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = ratio;
  lines.forEach((line, index) => {
    const y = lineYs[index] ?? 0;
    ctx.strokeStyle = theme.percentileLine;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
    ctx.fillStyle = theme.percentileLabel;
    ctx.fillText(
      input.strings.percentileLineLabel(line.percentile, line.days),
      bbox.left + bbox.width + 6 * ratio,
      labelYs[index] ?? y,
    );
  });
  ctx.restore();
}

export function buildScatterOptions(input: ScatterOptionsInput): uPlot.Options {
  const font = `12px ${chartFontFamily}`;
  const dayFormat = new Intl.DateTimeFormat(input.locale, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const axisStroke = (): string => input.theme().axisText;
  const gridStroke = (): string => input.theme().grid;
  return {
    width: input.width,
    height: input.height,
    legend: { show: false },
    padding: [12, labelGutterPx, null, null],
    // Completion days are team-calendar days encoded at UTC midnight: keep tick alignment in UTC.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    cursor: { x: false, y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
    scales: {
      x: { time: true, range: () => [input.xBounds.min, input.xBounds.max] },
      y: { range: () => [0, input.yMax] },
    },
    axes: [
      {
        label: input.strings.axisCompleted,
        labelFont: font,
        font,
        // Minimum pixels between date ticks: room for the widest label ("11月25日", "Sep 30").
        space: 72,
        stroke: axisStroke,
        grid: { stroke: gridStroke, width: 1 },
        ticks: { stroke: gridStroke, width: 1 },
        values: (_u, splits) => splits.map((split) => dayFormat.format(new Date(split * 1000))),
      },
      {
        label: input.strings.axisCycleTime,
        labelFont: font,
        font,
        stroke: axisStroke,
        grid: { stroke: gridStroke, width: 1 },
        ticks: { stroke: gridStroke, width: 1 },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        values: (_u, splits) => splits.map((split) => String(split)),
      },
    ],
    series: [
      {},
      {
        label: input.strings.axisCycleTime,
        stroke: () => input.theme().pointStroke,
        // Scatter: points only, no connecting path.
        paths: () => null,
        points: {
          show: true,
          size: pointSize(input.pointCount),
          width: 1,
          stroke: () => input.theme().pointStroke,
          fill: () => input.theme().pointFill,
        },
      },
    ],
    hooks: { draw: [(u) => drawPercentileLines(u, input)] },
  };
}
