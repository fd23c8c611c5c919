import uPlot from 'uplot';
import type { BandDay, PercentileLine } from '../../../../../service/src/contract/index.ts';
import { baseOptions, countAxis, dayAxis } from '../../../charts/axes.ts';
import { categoryColor, type ChartTheme } from '../../../charts/chartTheme.ts';
import { drawDots, drawReferenceLines } from '../../../charts/draw.ts';
import type { ChartBuildInput, ChartPoint } from '../../../charts/chartTypes.ts';
import { daySeconds } from '../../../format/calendar.ts';

/** A completed item as the scatterplot needs it, for cycle time and lead time alike. */
export interface ScatterItem {
  id: number;
  title: string;
  workItemType: string;
  url: string;
  completedOn: string;
  days: number;
}

/** Items finishing on the same day with the same days taken: one dot, listed on click. */
export interface ScatterGroup {
  completedOn: string;
  days: number;
  items: ScatterItem[];
  /** Index of the first item's type in the legend (the dot's colour). */
  typeIndex: number;
}

/** Groups coincident items; sorted by day, then days, so keyboard order reads left to right. */
export function groupCoincident(items: readonly ScatterItem[], types: readonly string[]): ScatterGroup[] {
  const groups = new Map<string, ScatterGroup>();
  for (const item of items) {
    const key = `${item.completedOn}|${item.days}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else {
      groups.set(key, {
        completedOn: item.completedOn,
        days: item.days,
        items: [item],
        typeIndex: Math.max(0, types.indexOf(item.workItemType)),
      });
    }
  }
  return [...groups.values()].sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.days - b.days);
}

/** Dot radius: bigger for groups, so coincident items show as weight rather than hiding. */
export function groupRadius(count: number, total: number): number {
  const base = total > 2000 ? 2.5 : total > 500 ? 3.5 : 4.5;
  return base + Math.min(5, Math.log2(count) * 1.5);
}

const halfDay = 43_200;

export function groupPoints(groups: readonly ScatterGroup[], total: number): ChartPoint[] {
  return groups.map((group) => ({
    x: daySeconds(group.completedOn) + halfDay,
    y: group.days,
    radius: groupRadius(group.items.length, total),
  }));
}

export interface ScatterChartInput {
  groups: readonly ScatterGroup[];
  points: readonly ChartPoint[];
  from: string;
  to: string;
  percentiles: readonly PercentileLine[];
  trend: readonly BandDay[] | null;
  locale: string;
  labels: { axisCompleted: string; axisDays: string; line: (percentile: number, days: number) => string };
}

function drawTrend(u: uPlot, trend: readonly BandDay[], theme: ChartTheme): void {
  const days = trend.filter((day) => day.average !== null);
  if (days.length < 2) return;
  const { ctx } = u;
  const x = (day: BandDay): number => u.valToPos(daySeconds(day.day) + halfDay, 'x', true);
  const y = (value: number): number => u.valToPos(value, 'y', true);
  ctx.save();
  ctx.fillStyle = theme.trendBand;
  ctx.beginPath();
  days.forEach((day, index) => {
    const upper = (day.average ?? 0) + (day.standardDeviation ?? 0);
    if (index === 0) ctx.moveTo(x(day), y(upper));
    else ctx.lineTo(x(day), y(upper));
  });
  for (const day of [...days].reverse())
    ctx.lineTo(x(day), y(Math.max(0, (day.average ?? 0) - (day.standardDeviation ?? 0))));
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = theme.trendLine;
  ctx.lineWidth = 2 * uPlot.pxRatio;
  ctx.beginPath();
  days.forEach((day, index) =>
    index === 0 ? ctx.moveTo(x(day), y(day.average ?? 0)) : ctx.lineTo(x(day), y(day.average ?? 0)),
  );
  ctx.stroke();
  ctx.restore();
}

/** The scatterplot: dots coloured by type, grouped when coincident; percentile lines drawn last, over the dots. */
export function buildScatterChartOptions(input: ScatterChartInput, build: ChartBuildInput): uPlot.Options {
  const { theme } = build;
  let maxDays = 5;
  for (const group of input.groups) if (group.days > maxDays) maxDays = group.days;
  for (const line of input.percentiles) if ((line.days ?? 0) > maxDays) maxDays = line.days ?? 0;
  const draw = (u: uPlot): void => {
    const colors = theme();
    if (input.trend) drawTrend(u, input.trend, colors);
    drawDots(
      u,
      input.groups.map((group, index) => ({
        x: input.points[index]?.x ?? 0,
        y: group.days,
        radius: input.points[index]?.radius ?? 4,
        color: categoryColor(colors, group.typeIndex),
      })),
      colors.background,
    );
    drawReferenceLines(
      u,
      input.percentiles.flatMap((line) =>
        line.days === null
          ? []
          : [
              {
                value: line.days,
                label: input.labels.line(line.percentile, line.days),
                color: colors.percentileLabel,
                halo: colors.background,
              },
            ],
      ),
    );
  };
  return {
    ...baseOptions(build.width, build.height),
    padding: [12, 80, null, null],
    scales: {
      x: {
        time: true,
        range: (): uPlot.Range.MinMax => [daySeconds(input.from), daySeconds(input.to) + 2 * halfDay],
      },
      y: { range: (): uPlot.Range.MinMax => [0, Math.ceil(maxDays * 1.1)] },
    },
    axes: [
      dayAxis(input.labels.axisCompleted, input.locale, theme),
      countAxis(input.labels.axisDays, theme, input.locale),
    ],
    series: [{}, { show: false }],
    hooks: { draw: [draw] },
  };
}
