import type { WidgetSettings } from '../../sdk/widgetContext.ts';

/** What a team may choose for its widget (the configuration panel), stored in the widget's custom settings. */
export interface WidgetOptions {
  /** Every target, or only those not met today (what needs the team's attention). */
  show: 'all' | 'notMet';
}

export const DEFAULT_OPTIONS: WidgetOptions = { show: 'all' };
const VERSION = { major: 1, minor: 0, patch: 0 };

/**
 * Reads the stored options. The dashboard keeps them as a string, so anything unreadable (a new widget's
 * empty string, an older or damaged value) falls back to the defaults instead of failing the widget.
 */
export function readOptions(customSettings: WidgetSettings['customSettings'] | undefined): WidgetOptions {
  try {
    const parsed: unknown = JSON.parse(customSettings?.data ?? '');
    const show = typeof parsed === 'object' && parsed !== null && 'show' in parsed ? parsed.show : undefined;
    return { show: show === 'notMet' ? 'notMet' : 'all' };
  } catch {
    return DEFAULT_OPTIONS;
  }
}

export function writeOptions(options: WidgetOptions): WidgetSettings['customSettings'] {
  return { data: JSON.stringify(options), version: VERSION };
}
