/**
 * A tile's small trend line: SVG polyline segments of the weekly values scaled into a box, broken where
 * a week has no value (a gap is not a zero). Zero sits on the bottom edge, the largest value on the top.
 * A lone week is drawn as a zero-length line, which a round line cap shows as a dot.
 */
export function sparklineSegments(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string[] {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return [];
  const max = Math.max(...known, 0);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (value: number) => (max === 0 ? height : height - (value / max) * height);
  const round = (value: number) => Math.round(value * 10) / 10;
  const segments: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const [only] = current;
    if (current.length === 1 && only !== undefined) segments.push(`${only} ${only}`);
    else if (current.length > 1) segments.push(current.join(' '));
    current = [];
  };
  values.forEach((value, index) => {
    if (value === null) {
      flush();
      return;
    }
    current.push(`${round(index * step)},${round(y(value))}`);
  });
  flush();
  return segments;
}
