import { describe, expect, it } from 'vitest';
import type { PreviewHub } from '../../../../extension/src/preview-host/previewState.ts';
import { cellsToPixels, chosenWidgetSize } from '../../../../extension/src/preview-host/widgetHost.ts';

const widget: PreviewHub = {
  id: 'sprint-outcomes-widget',
  name: 'Sprint outcomes',
  uri: 'extension/hubs/sprint-widget/sprint-widget.html',
  targets: ['ms.vss-dashboards-web.widget-catalog'],
  widgetSizes: [
    { rowSpan: 2, columnSpan: 2 },
    { rowSpan: 2, columnSpan: 4 },
  ],
};

describe('extension/preview-host/widgetHost', () => {
  // WidgetSizeConverter: 160 px a cell, 10 px a gutter between cells.
  it.each([
    [1, 160],
    [2, 330],
    [3, 500],
    [4, 670],
  ])('%i cells are %i px', (cells, pixels) => {
    expect(cellsToPixels(cells)).toBe(pixels);
  });

  it.each([
    [undefined, { rowSpan: 2, columnSpan: 2 }],
    ['4x2', { rowSpan: 2, columnSpan: 4 }],
    ['2x2', { rowSpan: 2, columnSpan: 2 }],
    ['2x4', { rowSpan: 2, columnSpan: 2 }], // not a supported size: the default
    ['big', { rowSpan: 2, columnSpan: 2 }],
  ])('?size=%s shows the widget at %o', (requested, size) => {
    expect(chosenWidgetSize(widget, requested)).toEqual(size);
  });

  it('shows a hub (no widget sizes) full size', () => {
    expect(chosenWidgetSize({ ...widget, widgetSizes: undefined }, '2x2')).toBeUndefined();
  });
});
