import { RANGE_PRESETS } from '../state/urlState.ts';
import type { DeliveryStrings } from '../strings/en.ts';

const wholeProject = '';

interface DeliveryHeaderProps {
  strings: DeliveryStrings;
  scopeName: string;
  teamNames: readonly string[];
  team: string | undefined;
  onTeam: (team: string | undefined) => void;
  days: number;
  onDays: (days: number) => void;
  timeZone: string | null;
  freshness: string;
}

/** Title naming the scope, the project-or-team choice, the dates, the time zone and data freshness. */
export function DeliveryHeader(props: DeliveryHeaderProps) {
  const { strings, scopeName, teamNames, team, onTeam, days, onDays, timeZone, freshness } = props;
  return (
    <header className="delivery-header">
      <div className="delivery-title-row">
        <h1 className="delivery-title" data-testid="delivery-title">
          {strings.heading(scopeName)}
        </h1>
        <span className="secondary-text" data-testid="freshness">
          {freshness}
        </span>
        {timeZone !== null && <span className="secondary-text">{strings.timeZone(timeZone)}</span>}
      </div>
      <div className="delivery-controls">
        <label>
          <span>{strings.scopeLabel}</span>
          <select
            data-testid="scope"
            value={team ?? wholeProject}
            onChange={(event) => onTeam(event.target.value === wholeProject ? undefined : event.target.value)}
          >
            <option value={wholeProject}>{strings.wholeProject}</option>
            {teamNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{strings.rangeDays}</span>
          <select data-testid="range" value={days} onChange={(event) => onDays(Number(event.target.value))}>
            {RANGE_PRESETS.map((count) => (
              <option key={count} value={count}>
                {strings.preset(count)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
