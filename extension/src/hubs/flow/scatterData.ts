import type { CompletedItem } from '../../../../service/src/contract/index.ts';

const secondsPerDay = 86_400;

/** Chart-ready columns, sorted by x as uPlot requires; items[i] is the item drawn at (xs[i], ys[i]). */
export interface ScatterColumns {
  xs: number[];
  ys: number[];
  items: CompletedItem[];
}

/**
 * Where inside its completion day (as a fraction 0.15–0.85) an item is drawn. Items finishing on the same
 * day with the same whole-day cycle time would otherwise cover each other exactly; spreading them by a
 * hash of the id keeps every point visible and stable across reloads without moving it off its day.
 */
export function dayOffsetFraction(id: number): number {
  const hash = Math.imul(id, 2_654_435_761) >>> 0;
  return 0.15 + 0.7 * ((hash % 1000) / 1000);
}

/** x = seconds since epoch inside the item's (team-calendar) completion day, y = cycle time in days. */
export function toScatterColumns(items: readonly CompletedItem[]): ScatterColumns {
  const placed = items
    .map((item) => ({
      item,
      x: Date.parse(`${item.completedOn}T00:00:00Z`) / 1000 + secondsPerDay * dayOffsetFraction(item.id),
    }))
    .sort((a, b) => a.x - b.x || a.item.id - b.item.id);
  return {
    xs: placed.map((point) => point.x),
    ys: placed.map((point) => point.item.cycleTimeDays),
    items: placed.map((point) => point.item),
  };
}

/** Seconds-since-epoch bounds covering the whole inclusive [from, to] day range. */
export function dayRangeBounds(from: string, to: string): { min: number; max: number } {
  return {
    min: Date.parse(`${from}T00:00:00Z`) / 1000,
    max: Date.parse(`${to}T00:00:00Z`) / 1000 + secondsPerDay,
  };
}

/**
 * Index of the point nearest to (x, y) within `radius` pixels, or -1. A linear scan: 10k points cost
 * well under a millisecond, far less than keeping a spatial index in sync with zoom and resize.
 */
export function nearestPointIndex(
  pointsX: ArrayLike<number>,
  pointsY: ArrayLike<number>,
  x: number,
  y: number,
  radius: number,
): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let index = 0; index < pointsX.length; index++) {
    const dx = (pointsX[index] ?? Number.NaN) - x;
    const dy = (pointsY[index] ?? Number.NaN) - y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}
