import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Language } from '../../i18n/locale.ts';
import type { SprintStrings } from '../../targets/strings/en.ts';
import type { WidgetOptions } from './widgetOptions.ts';
import type { WidgetView } from './widgetView.ts';
import { targetsThatFit } from './widgetView.ts';
import type { WidgetStrings } from './widgetStrings.ts';

interface SprintWidgetProps {
  /** null while the dashboard's load is being answered. */
  view: WidgetView | null;
  /** The widget's name on the dashboard (users may rename it). */
  name: string;
  columnSpan: number;
  options: WidgetOptions;
  strings: WidgetStrings;
  language: Language;
  sprintStrings: SprintStrings;
  formatPercent: (value: number) => string;
  formatNumber: (value: number) => string;
  outcomesUrl: string;
}

/** The dashboard widget: the current sprint's goal and each target's standing and odds, or why not. */
export function SprintWidget(props: SprintWidgetProps) {
  const { view, name, strings } = props;
  return (
    <main className="seika-widget" data-state={view?.kind ?? 'loading'} aria-busy={view === null}>
      <h1 className="seika-widget-title">{name}</h1>
      {view === null ? (
        <p className="seika-widget-status">{strings.loading}</p>
      ) : (
        <WidgetBody {...props} view={view} />
      )}
    </main>
  );
}

function WidgetBody({
  view,
  columnSpan,
  options,
  strings,
  language,
  sprintStrings,
  formatPercent,
  formatNumber,
  outcomesUrl,
}: SprintWidgetProps & { view: WidgetView }) {
  const link = (text: string) => (
    <a className="seika-widget-link" href={outcomesUrl} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  );
  switch (view.kind) {
    case 'noCurrentSprint':
      return <Message heading={strings.noCurrentSprint} hint={strings.noCurrentSprintHint} />;
    case 'notConnected':
      return <Message heading={strings.notConnected} hint={strings.notConnectedHint} />;
    case 'failed':
      return <Message heading={strings.failed} hint={apiErrorText(view.error, language)} alert />;
    case 'noTargets':
      return (
        <>
          <p className="seika-widget-sprint">{view.sprint.name}</p>
          <Goal goal={view.goal} strings={strings} />
          <Message heading={strings.noTargets} hint={strings.noTargetsHint} />
          <footer className="seika-widget-footer">{link(strings.setTargets)}</footer>
        </>
      );
    case 'outcomes': {
      const { outlook } = view;
      const ended = outlook.phase === 'ended';
      const chosen =
        options.show === 'notMet' ? outlook.targets.filter((target) => !target.metNow) : outlook.targets;
      const shown = chosen.slice(0, targetsThatFit(columnSpan));
      const hidden = chosen.length - shown.length;
      const phase =
        outlook.phase === 'running'
          ? strings.daysLeft(outlook.remainingWorkingDays)
          : outlook.phase === 'notStarted'
            ? strings.notStarted
            : strings.ended;
      return (
        <>
          <p className="seika-widget-sprint">
            {view.sprint.name} · {phase}
          </p>
          <Goal goal={view.goal} strings={strings} />
          {chosen.length === 0 ? <Message heading={strings.allMet} hint={strings.allMetHint} /> : null}
          {shown.length > 0 ? (
            <ul className={`seika-widget-targets ${columnSpan >= 4 ? 'seika-widget-targets-wide' : ''}`}>
              {shown.map((target) => (
                <li
                  key={target.targetIndex}
                  className={`seika-widget-target ${target.metNow ? 'seika-widget-target-met' : ''}`}
                  data-target-index={target.targetIndex}
                >
                  <span className="seika-widget-target-name">{sprintStrings.describe(target.target)}</span>
                  <span className="seika-widget-target-standing">
                    <span className="seika-widget-verdict">
                      {ended
                        ? target.metNow
                          ? sprintStrings.met
                          : sprintStrings.missed
                        : target.metNow
                          ? sprintStrings.metNow
                          : sprintStrings.notMetYet}
                    </span>{' '}
                    <span className="seika-widget-current">
                      {sprintStrings.current(target.target, formatNumber(target.current))}
                    </span>
                  </span>
                  {target.probability !== null && !ended ? (
                    <span className="seika-widget-probability" data-probability={target.probability}>
                      {strings.chance} {formatPercent(target.probability)}
                    </span>
                  ) : null}
                  {target.tooFewToJudge ? <span className="seika-widget-note">{strings.tooFew}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <footer className="seika-widget-footer">
            {link(strings.openOutcomes)}
            {hidden > 0 ? <span className="seika-widget-more">{strings.more(hidden)}</span> : null}
          </footer>
        </>
      );
    }
  }
}

function Goal({ goal, strings }: { goal: string; strings: WidgetStrings }) {
  return (
    <p className="seika-widget-goal">
      <span className="seika-widget-label">{strings.goal}</span> {goal === '' ? strings.noGoal : goal}
    </p>
  );
}

function Message({ heading, hint, alert }: { heading: string; hint: string; alert?: boolean }) {
  return (
    <div className="seika-widget-message" role={alert === true ? 'alert' : undefined}>
      <p className="seika-widget-message-heading">{heading}</p>
      <p className="seika-widget-message-hint">{hint}</p>
    </div>
  );
}
