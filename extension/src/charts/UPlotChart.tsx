import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import uPlot from 'uplot';
import { onThemeApplied } from '../sdk/hostContext.ts';
import { readChartTheme } from './chartTheme.ts';
import type { ChartBuildInput, ChartPoint } from './chartTypes.ts';
import { nearestPointIndex, nextPointIndex } from './pointNavigation.ts';

export type { ChartBuildInput, ChartPoint } from './chartTypes.ts';

export interface UPlotChartProps {
  /** Accessible name: what the chart shows. */
  label: string;
  height: number;
  data: uPlot.AlignedData;
  build: (input: ChartBuildInput) => uPlot.Options;
  points: readonly ChartPoint[];
  /** The hover/keyboard card for a point; also read out to screen readers. */
  describe: (index: number) => { text: string; card: ReactNode };
  /** Enter on a focused point or a click on it (drill-down). */
  onActivate?: (index: number) => void;
  testId?: string;
  /** Keyboard instructions, announced when the chart gets focus. */
  keyboardHint: string;
}

interface Focus {
  index: number;
  left: number;
  top: number;
}

const hoverRadiusPx = 8;

/**
 * The kit's one uPlot wrapper: owns the instance, redraws on theme switches and resizes, hit-tests hover
 * and clicks against cached pixel positions, moves a focus through the points with the keyboard, and
 * records how long the first draw took (data-render-ms) for the benchmarks.
 */
export function UPlotChart(props: UPlotChartProps) {
  const { label, height, data, build, points, describe, onActivate, testId, keyboardHint } = props;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [renderMs, setRenderMs] = useState<number | null>(null);
  const activateRef = useRef(onActivate);
  activateRef.current = onActivate;

  useEffect(() => {
    const container = chartRef.current;
    const wrapper = wrapperRef.current;
    if (!container || !wrapper) return;
    let theme = readChartTheme();
    const started = performance.now();
    const width = (): number => Math.max(container.clientWidth, 320);
    const options = build({ width: width(), height, theme: () => theme });
    let drawn = false;
    // Timed to the end of the first draw (uPlot may draw after the constructor returns).
    const recordFirstDraw = (): void => {
      if (drawn) return;
      drawn = true;
      setRenderMs(Math.round((performance.now() - started) * 10) / 10);
    };
    options.hooks = { ...options.hooks, draw: [...(options.hooks?.draw ?? []), recordFirstDraw] };
    const plot = new uPlot(options, data, container);
    plotRef.current = plot;

    let cache: { key: string; xs: Float64Array; ys: Float64Array } | undefined;
    const pixels = (): { xs: Float64Array; ys: Float64Array } => {
      const { left, top, width: w, height: h } = plot.bbox;
      const key = `${left},${top},${w},${h}`;
      if (cache?.key !== key) {
        cache = {
          key,
          xs: Float64Array.from(points, (point) => plot.valToPos(point.x, 'x')),
          ys: Float64Array.from(points, (point) => plot.valToPos(point.y, 'y')),
        };
      }
      return cache;
    };
    const indexUnder = (event: MouseEvent): number => {
      const box = plot.over.getBoundingClientRect();
      const { xs, ys } = pixels();
      return nearestPointIndex(xs, ys, event.clientX - box.left, event.clientY - box.top, hoverRadiusPx);
    };
    let hovered = -1;
    const onMove = (event: MouseEvent): void => {
      const index = indexUnder(event);
      plot.over.style.cursor = index >= 0 ? 'pointer' : 'default';
      if (index === hovered) return;
      hovered = index;
      setFocus(index >= 0 ? focusAt(plot, wrapper, points, index) : null);
    };
    const onLeave = (): void => {
      hovered = -1;
      setFocus(null);
    };
    const onClick = (event: MouseEvent): void => {
      const index = indexUnder(event);
      if (index >= 0) activateRef.current?.(index);
    };
    plot.over.addEventListener('mousemove', onMove);
    plot.over.addEventListener('mouseleave', onLeave);
    plot.over.addEventListener('click', onClick);
    const stopTheme = onThemeApplied(() => {
      theme = readChartTheme();
      plot.redraw(false, true);
    });
    const resizeObserver = new ResizeObserver(() => {
      if (width() !== plot.width) {
        setFocus(null);
        plot.setSize({ width: width(), height });
      }
    });
    resizeObserver.observe(container);
    return () => {
      resizeObserver.disconnect();
      stopTheme();
      plot.destroy();
      plotRef.current = null;
      setFocus(null);
    };
  }, [build, data, height, points]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const plot = plotRef.current;
    const wrapper = wrapperRef.current;
    if (!plot || !wrapper) return;
    if (event.key === 'Escape') {
      setFocus(null);
      return;
    }
    if (event.key === 'Enter' && focus) {
      event.preventDefault();
      onActivate?.(focus.index);
      return;
    }
    const next = nextPointIndex(event.key, focus?.index ?? -1, points.length);
    if (next === undefined) return;
    event.preventDefault();
    setFocus(focusAt(plot, wrapper, points, next));
  };

  const description = focus ? describe(focus.index) : undefined;
  return (
    <div
      ref={wrapperRef}
      className="seika-chart"
      data-testid={testId}
      data-point-count={points.length}
      data-render-ms={renderMs ?? undefined}
    >
      <div
        ref={chartRef}
        className="seika-chart-canvas"
        role="application"
        aria-roledescription="chart"
        aria-label={label}
        aria-describedby={testId ? `${testId}-hint` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => setFocus(null)}
        style={{ minHeight: height }}
      />
      <span id={testId ? `${testId}-hint` : undefined} className="seika-visually-hidden">
        {keyboardHint}
      </span>
      <div className="seika-visually-hidden" aria-live="polite">
        {description?.text ?? ''}
      </div>
      {focus && description && (
        <div
          className="seika-chart-card"
          data-testid="chart-card"
          data-index={focus.index}
          style={cardPosition(focus, wrapperRef.current)}
        >
          {description.card}
        </div>
      )}
    </div>
  );
}

function focusAt(plot: uPlot, wrapper: HTMLElement, points: readonly ChartPoint[], index: number): Focus {
  const point = points[index] ?? { x: 0, y: 0 };
  const over = plot.over.getBoundingClientRect();
  const box = wrapper.getBoundingClientRect();
  return {
    index,
    left: over.left - box.left + plot.valToPos(point.x, 'x'),
    top: over.top - box.top + plot.valToPos(point.y, 'y'),
  };
}

/** Keeps the card inside the chart: to the left of the point on the right half, below it near the top. */
function cardPosition(
  focus: Focus,
  wrapper: HTMLElement | null,
): { left: number; top: number; transform: string } {
  const width = wrapper?.clientWidth ?? 0;
  const flipX = focus.left > width / 2;
  const flipY = focus.top < 120;
  return {
    left: focus.left + (flipX ? -12 : 12),
    top: focus.top + (flipY ? 12 : -12),
    transform: `translate(${flipX ? '-100%' : '0'}, ${flipY ? '0' : '-100%'})`,
  };
}
