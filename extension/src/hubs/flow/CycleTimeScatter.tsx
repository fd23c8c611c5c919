import 'uplot/dist/uPlot.min.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import type { CycleTimeResponse } from '../../../../service/src/contract/index.ts';
import type { Localization } from '../../i18n/locale.ts';
import { onThemeApplied } from '../../sdk/hostContext.ts';
import { readChartTheme } from '../../charts/chartTheme.ts';
import { ScatterTooltip } from './ScatterTooltip.tsx';
import { buildScatterOptions, yAxisMax } from './scatterOptions.ts';
import { dayRangeBounds, nearestPointIndex, toScatterColumns } from './scatterData.ts';

const chartHeight = 380;
const hoverRadiusPx = 8;

/** A point under the pointer (or pinned by a click), positioned relative to the chart wrapper. */
interface PointFocus {
  index: number;
  left: number;
  top: number;
  pinned: boolean;
}

interface CycleTimeScatterProps {
  response: CycleTimeResponse;
  localization: Localization;
}

export function CycleTimeScatter({ response, localization }: CycleTimeScatterProps) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<PointFocus | null>(null);
  const columns = useMemo(() => toScatterColumns(response.items), [response.items]);

  useEffect(() => {
    const wrapper = wrapperRef.current;
    const container = chartRef.current;
    if (!wrapper || !container) {
      return;
    }
    let theme = readChartTheme();
    const plot = new uPlot(
      buildScatterOptions({
        width: Math.max(container.clientWidth, 320),
        height: chartHeight,
        locale: localization.locale,
        strings: localization.strings,
        xBounds: dayRangeBounds(response.from, response.to),
        yMax: yAxisMax(columns.ys, response.percentiles),
        pointCount: columns.xs.length,
        percentiles: response.percentiles,
        theme: () => theme,
      }),
      [columns.xs, columns.ys],
      container,
    );

    let pinned: PointFocus | null = null;
    let hovered = -1;
    const focusAt = (index: number, isPinned: boolean): PointFocus => {
      const overBox = plot.over.getBoundingClientRect();
      const wrapperBox = wrapper.getBoundingClientRect();
      return {
        index,
        left: overBox.left - wrapperBox.left + plot.valToPos(columns.xs[index] ?? 0, 'x'),
        top: overBox.top - wrapperBox.top + plot.valToPos(columns.ys[index] ?? 0, 'y'),
        pinned: isPinned,
      };
    };
    // Point positions in CSS pixels, recomputed only when the plotting area moves or resizes.
    let pixelCache: { key: string; xs: Float64Array; ys: Float64Array } | undefined;
    const pointPixels = (): { xs: Float64Array; ys: Float64Array } => {
      const { left, top, width, height } = plot.bbox;
      const key = `${left},${top},${width},${height}`;
      if (pixelCache?.key !== key) {
        pixelCache = {
          key,
          xs: Float64Array.from(columns.xs, (x) => plot.valToPos(x, 'x')),
          ys: Float64Array.from(columns.ys, (y) => plot.valToPos(y, 'y')),
        };
      }
      return pixelCache;
    };
    const indexUnder = (event: MouseEvent): number => {
      const overBox = plot.over.getBoundingClientRect();
      const pixels = pointPixels();
      return nearestPointIndex(
        pixels.xs,
        pixels.ys,
        event.clientX - overBox.left,
        event.clientY - overBox.top,
        hoverRadiusPx,
      );
    };
    const onMove = (event: MouseEvent): void => {
      const index = indexUnder(event);
      plot.over.style.cursor = index >= 0 ? 'pointer' : 'default';
      if (pinned || index === hovered) {
        return;
      }
      hovered = index;
      setFocus(index >= 0 ? focusAt(index, false) : null);
    };
    const onLeave = (): void => {
      hovered = -1;
      if (!pinned) {
        setFocus(null);
      }
    };
    const onClick = (event: MouseEvent): void => {
      const index = indexUnder(event);
      pinned = index >= 0 ? focusAt(index, true) : null;
      hovered = index;
      setFocus(pinned ?? (index >= 0 ? focusAt(index, false) : null));
    };
    plot.over.addEventListener('mousemove', onMove);
    plot.over.addEventListener('mouseleave', onLeave);
    plot.over.addEventListener('click', onClick);

    const stopThemeListener = onThemeApplied(() => {
      theme = readChartTheme();
      plot.redraw(false, true);
    });
    const resizeObserver = new ResizeObserver(() => {
      const width = Math.max(container.clientWidth, 320);
      if (width !== plot.width) {
        pinned = null;
        hovered = -1;
        setFocus(null);
        plot.setSize({ width, height: chartHeight });
      }
    });
    resizeObserver.observe(container);

    return () => {
      resizeObserver.disconnect();
      stopThemeListener();
      plot.destroy();
      setFocus(null);
    };
  }, [columns, response, localization]);

  const focusedItem = focus ? columns.items[focus.index] : undefined;
  return (
    <div ref={wrapperRef} className="seika-scatter" data-testid="cycle-time-scatter">
      <div
        ref={chartRef}
        className="seika-scatter-canvas"
        role="img"
        aria-label={localization.strings.chartLabel}
        data-point-count={columns.items.length}
      />
      {focus && focusedItem && (
        <ScatterTooltip
          item={focusedItem}
          left={focus.left}
          top={focus.top}
          pinned={focus.pinned}
          containerWidth={wrapperRef.current?.clientWidth ?? 0}
          containerHeight={wrapperRef.current?.clientHeight ?? 0}
          strings={localization.strings}
        />
      )}
    </div>
  );
}
