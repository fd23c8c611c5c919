import { useState } from 'react';
import { formatInstant } from '../../../format/calendar.ts';
import type { FlowStrings } from '../strings/en.ts';

interface FlowHeaderProps {
  strings: FlowStrings;
  locale: string;
  teamName: string;
  hostTeamName: string;
  timeZone: string | null;
  /** undefined while loading; null before the first sync. */
  syncedAt: string | null | undefined;
  onSwitchTeam: (team: string) => void;
  /** The project's synchronised teams, offered as the name is typed. */
  teamNames: readonly string[];
}

/** The hub's title naming its team, data freshness, and the team switcher. */
export function FlowHeader(props: FlowHeaderProps) {
  const { strings, locale, teamName, hostTeamName, timeZone, syncedAt, onSwitchTeam, teamNames } = props;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const freshness =
    syncedAt === undefined
      ? ''
      : syncedAt === null
        ? strings.states.neverSynced
        : strings.states.syncedAt(formatInstant(syncedAt, locale, timeZone ?? 'UTC'));
  return (
    <header className="seika-flow-header">
      <div className="seika-flow-title-row">
        <h1 className="seika-flow-title" data-testid="flow-title" data-team={teamName}>
          {strings.teamHeading(teamName)}
        </h1>
        <span className="secondary-text" data-testid="freshness">
          {freshness}
        </span>
      </div>
      <div className="seika-team-switch">
        {teamName !== hostTeamName && (
          <button type="button" className="seika-button" onClick={() => onSwitchTeam(hostTeamName)}>
            {strings.backToOwnTeam(hostTeamName)}
          </button>
        )}
        <button type="button" className="seika-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {strings.switchTeam}
        </button>
        {open && (
          <form
            className="seika-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (draft.trim().length > 0) {
                onSwitchTeam(draft.trim());
                setOpen(false);
              }
            }}
          >
            <label>
              {strings.teamNameLabel}
              <input
                className="seika-input"
                value={draft}
                list="seika-team-names"
                onChange={(event) => setDraft(event.target.value)}
              />
            </label>
            <datalist id="seika-team-names" data-testid="team-names">
              {teamNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <button type="submit" className="seika-button">
              {strings.openTeam}
            </button>
          </form>
        )}
      </div>
    </header>
  );
}
