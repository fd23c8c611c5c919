import { useId } from 'react';
import type { WidgetOptions } from './widgetOptions.ts';
import type { WidgetStrings } from './widgetStrings.ts';

interface WidgetConfigurationProps {
  options: WidgetOptions;
  strings: WidgetStrings;
  onChange: (options: WidgetOptions) => void;
}

/** The widget's configuration panel: which targets it shows. Each change previews at once on the dashboard. */
export function WidgetConfiguration({ options, strings, onChange }: WidgetConfigurationProps) {
  const name = useId();
  const choices: readonly [WidgetOptions['show'], string][] = [
    ['all', strings.configAll],
    ['notMet', strings.configNotMet],
  ];
  return (
    <main className="seika-widget-config">
      <fieldset>
        <legend>{strings.configShow}</legend>
        {choices.map(([value, label]) => (
          <label key={value} className="seika-widget-config-choice">
            <input
              type="radio"
              name={name}
              value={value}
              checked={options.show === value}
              onChange={() => onChange({ ...options, show: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </main>
  );
}
