/**
 * A target's daily odds during the sprint as a small line (SVG), with its values as a table for screen
 * readers and keyboard users (the chart kit's rule: every chart has a readable alternative).
 */
interface OddsLineProps {
  label: string;
  points: readonly { day: string; probability: number | null }[];
  formatPercent: (value: number) => string;
}

const WIDTH = 160;
const HEIGHT = 36;

export function OddsLine({ label, points, formatPercent }: OddsLineProps) {
  const known = points.filter(
    (point): point is { day: string; probability: number } => point.probability !== null,
  );
  if (known.length < 2) return null;
  const step = WIDTH / Math.max(1, known.length - 1);
  const path = known
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${(index * step).toFixed(1)},${(HEIGHT - point.probability * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  return (
    <figure className="sprint-odds-line">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <line x1={0} x2={WIDTH} y1={HEIGHT * 0.15} y2={HEIGHT * 0.15} className="sprint-odds-guide" />
        <path d={path} className="sprint-odds-path" />
      </svg>
      <table className="sprint-visually-hidden">
        <caption>{label}</caption>
        <tbody>
          {known.map((point) => (
            <tr key={point.day}>
              <th scope="row">{point.day}</th>
              <td>{formatPercent(point.probability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
