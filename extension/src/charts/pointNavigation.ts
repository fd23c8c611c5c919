/** Keyboard movement between a chart's points (in reading order): arrows step, Home/End jump, PageUp/Down skip 10. */
export function nextPointIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  const start = current < 0 ? -1 : current;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, start + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, start < 0 ? 0 : start - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, start + 10);
    case 'PageUp':
      return Math.max(0, start - 10);
    default:
      return undefined;
  }
}

/**
 * Index of the point nearest to (x, y) within `radius` pixels, or -1. A linear scan: 10k points cost well
 * under a millisecond, far less than keeping a spatial index in sync with resizes.
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
