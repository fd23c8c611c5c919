import uPlot from 'uplot';
import type {
  AgingBoard,
  AgingItem,
  AgingZone,
  PercentileLine,
} from '../../../../../service/src/contract/index.ts';
import { baseOptions, categoryAxis, countAxis } from '../../../charts/axes.ts';
import { chartFontFamily, type ChartTheme } from '../../../charts/chartTheme.ts';
import { drawDots, drawReferenceLines, fillBand } from '../../../charts/draw.ts';
import type { ChartBuildInput, ChartPoint } from '../../../charts/chartTypes.ts';

export interface AgingColumn {
  name: string;
  items: AgingItem[];
  /** The board's WIP limit (board columns with a limit set only). */
  limit?: number;
}

/** More items than the column's WIP limit allows. */
export function isOverLimit(column: AgingColumn): boolean {
  return column.limit !== undefined && column.items.length > column.limit;
}

/**
 * One column per board column, left to right, with its WIP limit when set. In-progress columns are kept
 * even when empty (an empty column is news); incoming and outgoing columns only when they hold an item.
 * Columns the board no longer lists (renamed or removed since the basis day) follow, then the items
 * whose column is unknown under `unknownName`.
 */
export function boardAgingColumns(
  board: AgingBoard,
  items: readonly AgingItem[],
  unknownName: string,
): AgingColumn[] {
  const columnOf = (item: AgingItem): string => item.boardColumn ?? unknownName;
  const onBoard = board.columns
    .map((column): AgingColumn => {
      const held = items.filter((item) => item.boardColumn === column.name);
      return column.itemLimit > 0
        ? { name: column.name, items: held, limit: column.itemLimit }
        : { name: column.name, items: held };
    })
    .filter((column, index) => board.columns[index]?.columnType === 'inProgress' || column.items.length > 0);
  const known = new Set(board.columns.map((column) => column.name));
  const others = agingColumns(
    items.filter((item) => !known.has(columnOf(item))),
    [],
    columnOf,
  ).sort((a, b) => Number(a.name === unknownName) - Number(b.name === unknownName));
  return [...onBoard, ...others];
}

/** Items grouped into columns in the given order; columns with no item are kept (an empty column is news). */
export function agingColumns(
  items: readonly AgingItem[],
  order: readonly string[],
  keyOf: (item: AgingItem) => string,
): AgingColumn[] {
  const names = [...order];
  for (const item of items) if (!names.includes(keyOf(item))) names.push(keyOf(item));
  return names.map((name) => ({ name, items: items.filter((item) => keyOf(item) === name) }));
}

/** A stable spread inside a column (−0.3…0.3) so items of the same age stay apart. */
export function columnOffset(id: number): number {
  const hash = Math.imul(id, 2_654_435_761) >>> 0;
  return ((hash % 1000) / 1000 - 0.5) * 0.6;
}

export interface AgingPlot {
  points: ChartPoint[];
  items: AgingItem[];
}

export function agingPlot(columns: readonly AgingColumn[]): AgingPlot {
  const points: ChartPoint[] = [];
  const items: AgingItem[] = [];
  columns.forEach((column, index) => {
    for (const item of column.items) {
      points.push({ x: index + columnOffset(item.id), y: item.ageDays, radius: 6 });
      items.push(item);
    }
  });
  return { points, items };
}

/** Where an age stands against the zones drawn behind the dots (the 50th and the SLE line). */
export function paceZone(age: number, lowest: number | undefined, highest: number | undefined): AgingZone {
  if (lowest === undefined || highest === undefined) return 'noHistory';
  return age <= lowest ? 'withinLowest' : age <= highest ? 'between' : 'beyondHighest';
}

/** A dot's colour by its pace, so the stand-up sees the late items first (the table and card say it in words). */
export function zoneColor(theme: ChartTheme, zone: AgingZone): string {
  const colors: Record<AgingZone, string> = {
    noHistory: theme.pointFill,
    withinLowest: theme.dotWithin,
    between: theme.dotBetween,
    beyondHighest: theme.dotBeyond,
  };
  return colors[zone];
}

export interface AgingChartInput {
  columns: readonly AgingColumn[];
  plot: AgingPlot;
  percentiles: readonly PercentileLine[];
  /** Percentile of the service level expectation line (85 by default). */
  slePercentile: number;
  labels: {
    axisAge: string;
    column: string;
    line: (percentile: number, days: number) => string;
    sle: (p: number, d: number) => string;
    /** Drawn at the top of a column with a WIP limit, e.g. "6 / 5". */
    limit: (count: number, limit: number) => string;
  };
  locale: string;
}

/**
 * Columns with a WIP limit show "count / limit" above their dots; a column over its limit is outlined in
 * the SLE colour and its label is bold, so the stand-up sees it from the back of the room.
 */
function drawLimits(
  u: uPlot,
  columns: readonly AgingColumn[],
  colors: ChartTheme,
  label: AgingChartInput['labels']['limit'],
): void {
  const { ctx, bbox } = u;
  const ratio = uPlot.pxRatio;
  const half = (u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true)) / 2;
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  columns.forEach((column, index) => {
    if (column.limit === undefined) return;
    const center = u.valToPos(index, 'x', true);
    const over = isOverLimit(column);
    if (over) {
      // An outline, not a fill: a tint over the pace zones would muddy them.
      ctx.strokeStyle = colors.sle;
      ctx.lineWidth = 3 * ratio;
      ctx.setLineDash([]);
      const inset = 2 * ratio;
      ctx.strokeRect(center - half + inset, bbox.top + inset, half * 2 - 2 * inset, bbox.height - 2 * inset);
    }
    ctx.font = `${over ? 'bold ' : ''}${Math.round(15 * ratio)}px ${chartFontFamily}`;
    ctx.fillStyle = over ? colors.sle : colors.percentileLabel;
    ctx.fillText(label(column.items.length, column.limit), center, bbox.top + 6 * ratio);
  });
  ctx.restore();
}

/** Aging WIP: a column per board column (or state, or category), dots at their age, zones and the SLE line. */
export function buildAgingOptions(input: AgingChartInput, build: ChartBuildInput): uPlot.Options {
  const { theme } = build;
  const lines = input.percentiles.flatMap((line) =>
    line.days === null ? [] : [{ percentile: line.percentile, days: line.days }],
  );
  const lowest = lines.find((line) => line.percentile === 50) ?? lines[0];
  const highest = lines.find((line) => line.percentile === input.slePercentile) ?? lines.at(-1);
  let maxAge = 1;
  for (const point of input.plot.points) if (point.y > maxAge) maxAge = point.y;
  for (const line of lines) if (line.days > maxAge) maxAge = line.days;
  const names = input.columns.map((column) => `${column.name} (${column.items.length})`);
  const draw = (u: uPlot): void => {
    const colors: ChartTheme = theme();
    if (lowest && highest) {
      fillBand(u, 0, lowest.days, colors.zoneWithin);
      fillBand(u, lowest.days, highest.days, colors.zoneBetween);
      fillBand(u, highest.days, maxAge * 2, colors.zoneBeyond);
    }
    drawLimits(u, input.columns, colors, input.labels.limit);
    drawReferenceLines(
      u,
      lines.map((line) =>
        line.percentile === input.slePercentile
          ? {
              value: line.days,
              label: input.labels.sle(line.percentile, line.days),
              color: colors.sle,
              dashed: false,
              width: 2,
            }
          : {
              value: line.days,
              label: input.labels.line(line.percentile, line.days),
              color: colors.percentileLine,
            },
      ),
    );
    drawDots(
      u,
      input.plot.points.map((point) => ({
        x: point.x,
        y: point.y,
        radius: 7,
        color: zoneColor(colors, paceZone(point.y, lowest?.days, highest?.days)),
      })),
      colors.background,
    );
  };
  return {
    ...baseOptions(build.width, build.height),
    padding: [12, 96, null, null],
    scales: {
      x: { time: false, range: (): uPlot.Range.MinMax => [-0.5, Math.max(input.columns.length, 1) - 0.5] },
      // Headroom above the oldest dot for the WIP limit labels.
      y: { range: (): uPlot.Range.MinMax => [0, Math.ceil(maxAge * 1.15) + 2] },
    },
    axes: [
      categoryAxis(input.labels.column, names, theme),
      countAxis(input.labels.axisAge, theme, input.locale),
    ],
    series: [{}, { show: false }],
    hooks: { draw: [draw] },
  };
}
