import { Button } from 'azure-devops-ui/Button';
import { ButtonGroup } from 'azure-devops-ui/ButtonGroup';
import type { Strings } from '../../i18n/en.ts';
import { rangeChoices, type RangeDays } from './dateRange.ts';

interface RangePickerProps {
  value: RangeDays;
  onChange: (days: RangeDays) => void;
  strings: Strings;
}

/** Segmented choice of the completion window: last 30 / 90 / 180 days. */
export function RangePicker({ value, onChange, strings }: RangePickerProps) {
  return (
    <div className="flex-row flex-center seika-range-picker" role="group" aria-label={strings.dateRangeLabel}>
      <span className="secondary-text seika-range-label">{strings.dateRangeLabel}</span>
      <ButtonGroup>
        {rangeChoices.map((days) => (
          <Button
            key={days}
            text={strings.lastDays(days)}
            primary={days === value}
            subtle={days !== value}
            ariaPressed={days === value}
            onClick={() => onChange(days)}
          />
        ))}
      </ButtonGroup>
    </div>
  );
}
