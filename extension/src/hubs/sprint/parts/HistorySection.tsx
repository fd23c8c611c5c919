import type { TargetHistoryResponse } from '../../../../../service/src/contract/targets/review.ts';
import { TARGET_KINDS } from '../state/targetDrafts.ts';
import type { SprintStrings } from '../../../targets/strings/en.ts';

interface HistorySectionProps {
  history: TargetHistoryResponse;
  strings: SprintStrings;
  formatPercent: (value: number) => string;
}

/** Targets and their results across the team's sprints, and how well Seika's day-one odds held up. */
export function HistorySection({ history, strings, formatPercent }: HistorySectionProps) {
  const kindName = (kind: string) => {
    const known = TARGET_KINDS.find((candidate) => candidate === kind);
    return known === undefined ? kind : strings.kind[known];
  };
  const judged = history.sprints.filter((sprint) =>
    sprint.targets.some((target) => target.verdict !== 'pending'),
  );
  return (
    <section className="sprint-section" aria-labelledby="sprint-history-heading">
      <h2 id="sprint-history-heading">{strings.history.heading}</h2>
      {judged.length === 0 ? (
        <p className="sprint-status">{strings.history.none}</p>
      ) : (
        <table className="sprint-history">
          <thead>
            <tr>
              <th scope="col">{strings.history.columns.sprint}</th>
              <th scope="col">{strings.history.columns.target}</th>
              <th scope="col">{strings.history.columns.verdict}</th>
              <th scope="col">{strings.history.columns.odds}</th>
            </tr>
          </thead>
          <tbody>
            {judged.flatMap((sprint) =>
              sprint.targets.map((target) => (
                <tr key={`${sprint.iterationId}-${target.targetIndex}`}>
                  <th scope="row">{sprint.name}</th>
                  <td>{kindName(target.kind)}</td>
                  <td>{strings.review.verdict[target.verdict]}</td>
                  <td>
                    {target.firstDayProbability === null ? '—' : formatPercent(target.firstDayProbability)}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {history.calibration
        .filter((band) => band.fromPercent >= 80)
        .map((band) => (
          <p key={band.fromPercent} className="sprint-note">
            {strings.history.calibration(
              Math.round(band.shareMet * band.predictions),
              band.predictions,
              band.fromPercent,
            )}
          </p>
        ))}
    </section>
  );
}
