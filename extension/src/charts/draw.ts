import uPlot from 'uplot';
import { chartFontFamily } from './chartTheme.ts';

/** Canvas helpers for what uPlot leaves to hooks: reference lines, zones and dots. */

export interface ReferenceLine {
  value: number;
  label: string;
  color: string;
  dashed?: boolean;
  width?: number;
  /** A wider stroke under the line (the background colour) so it stays visible over dense dots. */
  halo?: string;
}

/** Horizontal lines across the plot at y values, labelled in the right gutter (never over the data). */
export function drawReferenceLines(u: uPlot, lines: readonly ReferenceLine[], scale = 'y'): void {
  const { ctx, bbox } = u;
  const ratio = uPlot.pxRatio;
  ctx.save();
  ctx.font = `${Math.round(11 * ratio)}px ${chartFontFamily}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let lastLabelY = Number.POSITIVE_INFINITY;
  const sorted = [...lines].sort((a, b) => a.value - b.value);
  for (const line of sorted) {
    const y = Math.round(u.valToPos(line.value, scale, true)) + 0.5;
    if (y < bbox.top || y > bbox.top + bbox.height) continue;
    if (line.halo) {
      ctx.setLineDash([]);
      ctx.strokeStyle = line.halo;
      ctx.lineWidth = ((line.width ?? 1) + 3) * ratio;
      ctx.beginPath();
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
    }
    ctx.strokeStyle = line.color;
    ctx.lineWidth = (line.width ?? 1) * ratio;
    ctx.setLineDash(line.dashed === false ? [] : [6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
    // Close lines' labels are nudged apart upwards so each stays readable.
    const labelY = Math.min(y, lastLabelY - 13 * ratio);
    lastLabelY = labelY;
    ctx.fillStyle = line.color;
    ctx.fillText(line.label, bbox.left + bbox.width + 6 * ratio, labelY);
  }
  ctx.restore();
}

export interface Dot {
  x: number;
  y: number;
  /** Radius in CSS pixels. */
  radius: number;
  color: string;
}

/** Filled dots with a thin outline in the background colour, grouped by colour for speed at 10k dots. */
export function drawDots(u: uPlot, dots: readonly Dot[], outline: string, xScale = 'x', yScale = 'y'): void {
  const { ctx } = u;
  const ratio = uPlot.pxRatio;
  const byColor = new Map<string, Dot[]>();
  for (const dot of dots) {
    const list = byColor.get(dot.color);
    if (list) list.push(dot);
    else byColor.set(dot.color, [dot]);
  }
  ctx.save();
  ctx.lineWidth = ratio;
  ctx.strokeStyle = outline;
  for (const [color, list] of byColor) {
    ctx.fillStyle = color;
    ctx.beginPath();
    for (const dot of list) {
      const x = u.valToPos(dot.x, xScale, true);
      const y = u.valToPos(dot.y, yScale, true);
      ctx.moveTo(x + dot.radius * ratio, y);
      ctx.arc(x, y, dot.radius * ratio, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/** A horizontal band between two y values across the plot (aging percentile zones). */
export function fillBand(u: uPlot, from: number, to: number, color: string, scale = 'y'): void {
  const { ctx, bbox } = u;
  const top = Math.max(bbox.top, u.valToPos(to, scale, true));
  const bottom = Math.min(bbox.top + bbox.height, u.valToPos(from, scale, true));
  if (bottom <= top) return;
  ctx.save();
  ctx.fillStyle = color;
  ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
  ctx.restore();
}
