import type { ChartTheme } from './chartTheme.ts';

/** A point the pointer and the keyboard can visit, in values of the chart's x and y scales. */
export interface ChartPoint {
  x: number;
  y: number;
  /** Drawn radius in CSS pixels, when the chart draws dots. */
  radius?: number;
}

export interface ChartBuildInput {
  width: number;
  height: number;
  /** Current theme: read at draw time, so a theme switch only needs a redraw. */
  theme: () => ChartTheme;
}
