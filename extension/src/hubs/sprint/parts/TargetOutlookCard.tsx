import type {
  SprintOutlookResponse,
  TargetOutlookAnswer,
} from '../../../../../service/src/contract/targets/sprintTargets.ts';
import type { SprintStrings } from '../../../targets/strings/en.ts';
import { ChartHelp } from '../../../help/ChartHelp.tsx';
import { OddsLine } from './OddsLine.tsx';

interface TargetOutlookCardProps {
  outlook: TargetOutlookAnswer;
  phase: SprintOutlookResponse['phase'];
  history: SprintOutlookResponse['history'];
  strings: SprintStrings;
  formatNumber: (value: number, fractionDigits?: number) => string;
  formatPercent: (value: number) => string;
  workItemUrl: (id: number) => string;
}

/** One target: what it asks, where it stands, its odds (or why there are none), and what would raise them. */
export function TargetOutlookCard({
  outlook,
  phase,
  history,
  strings,
  formatNumber,
  formatPercent,
  workItemUrl,
}: TargetOutlookCardProps) {
  const { target } = outlook;
  const ended = phase === 'ended';
  const verdict = ended
    ? outlook.metNow
      ? strings.met
      : strings.missed
    : outlook.metNow
      ? strings.metNow
      : strings.notMetYet;
  const points = history.filter((point) => point.targetIndex === outlook.targetIndex);
  return (
    <li
      className={`sprint-target ${outlook.metNow ? 'sprint-target-met' : ''}`}
      data-target-index={outlook.targetIndex}
    >
      <div className="sprint-target-head">
        <h3 className="sprint-target-title">{strings.describe(target)}</h3>
        <ChartHelp chart="targetOdds" title={strings.historyLabel(strings.kind[target.kind])} />
        <span className="sprint-target-verdict">{verdict}</span>
      </div>
      <p className="sprint-target-current">{strings.current(target, formatNumber(outlook.current, 1))}</p>
      {outlook.probability !== null && !ended ? (
        <p className="sprint-target-probability" data-probability={outlook.probability}>
          {strings.probability(formatPercent(outlook.probability))}
        </p>
      ) : null}
      {outlook.unavailable !== null ? (
        <p className="sprint-target-note">{strings.unavailable[outlook.unavailable]}</p>
      ) : null}
      {outlook.tooFewToJudge ? <p className="sprint-target-note">{strings.tooFew}</p> : null}
      <OddsLine
        label={strings.historyLabel(strings.kind[target.kind])}
        points={points}
        formatPercent={formatPercent}
      />
      {outlook.levers.length > 0 && !ended ? (
        <div className="sprint-target-levers">
          <p>{strings.levers}</p>
          <ul>
            {outlook.levers.map((lever) => (
              <li key={lever.itemId}>
                <a href={workItemUrl(lever.itemId)} target="_blank" rel="noreferrer">
                  {strings.lever(lever.itemId, formatPercent(lever.chanceInTime))}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
