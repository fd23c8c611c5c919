import { useState } from 'react';
import type { Freshness } from '../state/freshnessLine.ts';
import type { FlowStrings } from '../strings/en.ts';

interface FlowHeaderProps {
  strings: FlowStrings;
  teamName: string;
  hostTeamName: string;
  /** Data as of when, and whatever holds the sync back (freshness.ts). */
  freshness: Freshness;
  onSwitchTeam: (team: string) => void;
  /** The project's synchronised teams, offered as the name is typed. */
  teamNames: readonly string[];
}

/** States that need no attention: the line stays quiet. */
function isCalm(state: NonNullable<Freshness['state']>): boolean {
  return state === 'fresh' || state === 'syncing' || state === 'queued';
}

/** The hub's title naming its team, data freshness, and the team switcher. */
export function FlowHeader(props: FlowHeaderProps) {
  const { strings, teamName, hostTeamName, freshness, onSwitchTeam, teamNames } = props;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  return (
    <header className="seika-flow-header">
      <div className="seika-flow-title-row">
        <h1 className="seika-flow-title" data-testid="flow-title" data-team={teamName}>
          {strings.teamHeading(teamName)}
        </h1>
        <span
          className={
            freshness.state === null || isCalm(freshness.state)
              ? 'secondary-text'
              : 'seika-flow-freshness-warn'
          }
          data-testid="freshness"
          data-state={freshness.state ?? undefined}
          role="status"
        >
          {freshness.text}
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
