import type { TeamPath } from '../../../service/src/contract/index.ts';
import type { SeikaClient } from '../api/seikaClient.ts';
import { queryKey, useQuery } from '../data/useQuery.ts';
import type { Language } from '../i18n/locale.ts';
import { sprintStrings } from './strings/sprintStrings.ts';

interface OutcomesPanelProps {
  client: SeikaClient;
  team: TeamPath;
  language: Language;
  locale: string;
}

/** The current sprint's outcome targets and their odds, for the Flow hub's overview. */
export function OutcomesPanel({ client, team, language, locale }: OutcomesPanelProps) {
  const strings = sprintStrings(language);
  const sprints = useQuery(queryKey('sprints', team), (signal) => client.getTeamSprints(team, signal));
  const current =
    sprints.status === 'success' ? sprints.data.sprints.find((sprint) => sprint.current) : undefined;
  const path = current === undefined ? null : { ...team, iterationId: current.id };
  const outlook = useQuery(path === null ? null : queryKey('sprintOutlook', path), (signal) =>
    path === null ? Promise.reject(new Error('no sprint')) : client.getSprintOutlook(path, signal),
  );
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  if (current === undefined || outlook.status !== 'success') return null;
  return (
    <section
      className="seika-card seika-outcomes"
      data-testid="outcomes"
      aria-labelledby="seika-outcomes-heading"
    >
      <h2 id="seika-outcomes-heading" className="seika-card-title">
        {strings.heading(current.name)}
      </h2>
      {outlook.data.targets.length === 0 ? (
        <p>{strings.noTargets}</p>
      ) : (
        <ul className="seika-outcomes-list">
          {outlook.data.targets.map((target) => (
            <li key={target.targetIndex} data-target-index={target.targetIndex}>
              <span>{strings.describe(target.target)}</span>{' '}
              <strong>
                {target.probability === null
                  ? target.metNow
                    ? strings.metNow
                    : strings.notMetYet
                  : strings.probability(percent.format(target.probability))}
              </strong>
              {target.tooFewToJudge ? <span className="seika-outcomes-note"> · {strings.tooFew}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
