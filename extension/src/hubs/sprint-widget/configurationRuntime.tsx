import type { ReactElement } from 'react';
import {
  CONFIGURATION_CHANGE,
  widgetSuccess,
  type DashboardWidgetConfiguration,
  type WidgetConfigurationContext,
} from '../../sdk/widgetContext.ts';
import { createFrameState } from './frameState.ts';
import { WidgetConfiguration } from './WidgetConfiguration.tsx';
import { DEFAULT_OPTIONS, readOptions, writeOptions, type WidgetOptions } from './widgetOptions.ts';
import type { WidgetStrings } from './widgetStrings.ts';

/**
 * The configuration frame: load receives the widget's settings and the dashboard's context; every change is
 * notified as ConfigurationChange (the live preview reloads the widget, and Save lights up); onSave hands
 * the dashboard the settings to store. Every choice is valid, so Save is never refused.
 */
export function createConfigurationRuntime(strings: WidgetStrings): {
  configuration: DashboardWidgetConfiguration;
  root: ReactElement;
} {
  const options = createFrameState<WidgetOptions | null>(null);
  let context: WidgetConfigurationContext | undefined;

  function change(next: WidgetOptions): void {
    options.set(next);
    void context?.notify(CONFIGURATION_CHANGE, { data: writeOptions(next) }).catch(() => undefined);
  }

  function Root() {
    const current = options.use();
    return current === null ? null : (
      <WidgetConfiguration options={current} strings={strings} onChange={change} />
    );
  }

  return {
    configuration: {
      load(settings, configurationContext) {
        context = configurationContext;
        options.set(readOptions(settings.customSettings));
        return widgetSuccess();
      },
      onSave: () =>
        Promise.resolve({ customSettings: writeOptions(options.get() ?? DEFAULT_OPTIONS), isValid: true }),
    },
    root: <Root />,
  };
}
