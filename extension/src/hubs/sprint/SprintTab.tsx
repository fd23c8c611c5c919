import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TeamPath } from '../../../../service/src/contract/index.ts';
import type { SprintPath } from '../../../../service/src/contract/targets/sprintTargets.ts';
import type { SeikaClient } from '../../api/seikaClient.ts';
import { HelpButton, HelpPanel } from '../../help/HelpPanel.tsx';
import { HelpOpenerContext } from '../../help/helpContext.ts';
import { InsightsPanel } from '../../insights/InsightsPanel.tsx';
import type { HelpTopicId } from '../../help/topics.ts';
import { apiErrorText } from '../../i18n/apiErrors.ts';
import type { Language } from '../../i18n/locale.ts';
import { TargetOutlookCard } from './parts/TargetOutlookCard.tsx';
import { TargetsEditor } from './parts/TargetsEditor.tsx';
import { HistorySection } from './parts/HistorySection.tsx';
import { ReviewSection } from './parts/ReviewSection.tsx';
import { ScopeSection } from './parts/ScopeSection.tsx';
import {
  useCapabilities,
  useSprintOutlook,
  useSprintReview,
  useSprintTargets,
  useTargetHistory,
  useTargetSuggestions,
  useTeamSprints,
} from './state/sprintQueries.ts';
import type { SprintStrings } from '../../targets/strings/en.ts';

interface SprintTabProps {
  client: SeikaClient;
  team: TeamPath;
  /** The sprint the Sprints page shows; the team's current sprint when the host names none. */
  iterationId: string | undefined;
  strings: SprintStrings;
  language: Language;
  locale: string;
  /** The organization's web address, for links to work items. */
  organizationUrl: string;
  onFirstResult: () => void;
}

/**
 * Boards › Sprints › Outcomes: the sprint goal and its outcome targets, each with where it stands today and
 * its odds of being met (recomputed daily), the odds' history, the items that would raise them; the
 * team's administrators edit the targets here.
 */
export function SprintTab({
  client,
  team,
  iterationId,
  strings,
  language,
  locale,
  organizationUrl,
  onFirstResult,
}: SprintTabProps) {
  const sprints = useTeamSprints(client, team);
  const [chosen, setChosen] = useState<string | undefined>(iterationId);
  useEffect(() => setChosen(iterationId), [iterationId]);
  const list = sprints.status === 'success' ? sprints.data.sprints : [];
  const selected =
    list.find((sprint) => sprint.id === chosen) ?? list.find((sprint) => sprint.current) ?? list.at(-1);
  const sprintPath = useMemo(
    (): SprintPath | null => (selected === undefined ? null : { ...team, iterationId: selected.id }),
    [team, selected?.id],
  );
  const targets = useSprintTargets(client, sprintPath);
  const outlook = useSprintOutlook(client, sprintPath);
  const capabilities = useCapabilities(client, team);
  const review = useSprintReview(
    client,
    sprintPath,
    outlook.status === 'success' && outlook.data.phase === 'ended',
  );
  const history = useTargetHistory(client, team);
  const [editing, setEditing] = useState(false);
  // Suggestions read the team's flow history: asked for only when the lead opens the editor.
  const suggestions = useTargetSuggestions(client, editing ? sprintPath : null);
  const [help, setHelp] = useState<HelpTopicId | null>(null);
  const helpOpener = useMemo(() => ({ language, open: setHelp }), [language]);

  const settled =
    sprints.status === 'error' ||
    (sprints.status === 'success' && (list.length === 0 || outlook.status !== 'loading'));
  useEffect(() => {
    if (settled) onFirstResult();
  }, [settled, onFirstResult]);

  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }), [locale]);
  const percent = useMemo(
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
    [locale],
  );
  const formatNumber = useCallback((value: number) => number.format(value), [number]);
  const formatPercent = useCallback((value: number) => percent.format(value), [percent]);
  const workItemUrl = useCallback(
    (id: number) =>
      `${organizationUrl.replace(/\/+$/, '')}/${encodeURIComponent(team.project)}/_workitems/edit/${id}`,
    [organizationUrl, team.project],
  );
  const mayEdit =
    capabilities.status === 'success' &&
    (capabilities.data.team?.administrator === true || capabilities.data.project?.administrator === true);

  if (sprints.status === 'loading') return <p className="sprint-status">{strings.loading}</p>;
  if (sprints.status === 'error')
    return (
      <p className="sprint-error" role="alert">
        {apiErrorText(sprints.error, language)}
      </p>
    );
  if (selected === undefined || sprintPath === null)
    return <p className="sprint-status">{strings.noSprints}</p>;

  return (
    <main className="sprint-tab">
      <header className="sprint-header">
        <h1>{strings.heading(selected.name)}</h1>
        <HelpButton language={language} label={strings.targetsHeading} onOpen={() => setHelp('targets')} />
        <p className="sprint-dates">{strings.dates(selected.startDay, selected.finishDay)}</p>
        {list.length > 1 ? (
          <label className="sprint-field sprint-field-inline">
            <span>{strings.chooseSprint}</span>
            <select value={selected.id} onChange={(event) => setChosen(event.target.value)}>
              {list.map((sprint) => (
                <option key={sprint.id} value={sprint.id}>
                  {sprint.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {outlook.status === 'success' ? (
          <p className="sprint-phase">
            {outlook.data.phase === 'running'
              ? strings.phase.running(outlook.data.remainingWorkingDays)
              : strings.phase[outlook.data.phase]}
          </p>
        ) : null}
      </header>

      <section className="sprint-section" aria-labelledby="sprint-goal-heading">
        <h2 id="sprint-goal-heading">{strings.goalHeading}</h2>
        {targets.status === 'success' ? (
          <>
            <p className="sprint-goal">
              {targets.data.targets.goal.text === '' ? strings.noGoal : targets.data.targets.goal.text}
            </p>
            {targets.data.targets.goal.itemIds.length > 0 ? (
              <p className="sprint-note">{strings.goalItems(targets.data.targets.goal.itemIds.length)}</p>
            ) : null}
          </>
        ) : null}
      </section>

      <section className="sprint-section" aria-labelledby="sprint-targets-heading">
        <h2 id="sprint-targets-heading">{strings.targetsHeading}</h2>
        {outlook.status === 'loading' ? <p className="sprint-status">{strings.loading}</p> : null}
        {outlook.status === 'error' ? (
          <p className="sprint-error" role="alert">
            {apiErrorText(outlook.error, language)}
          </p>
        ) : null}
        {outlook.status === 'success' ? (
          outlook.data.targets.length === 0 ? (
            <p className="sprint-status">{strings.noTargets}</p>
          ) : (
            <>
              <HelpOpenerContext.Provider value={helpOpener}>
                <ul className="sprint-targets">
                  {outlook.data.targets.map((target) => (
                    <TargetOutlookCard
                      key={target.targetIndex}
                      outlook={target}
                      phase={outlook.data.phase}
                      history={outlook.data.history}
                      strings={strings}
                      formatNumber={formatNumber}
                      formatPercent={formatPercent}
                      workItemUrl={workItemUrl}
                    />
                  ))}
                </ul>
              </HelpOpenerContext.Provider>
              <details className="sprint-method">
                <summary>{strings.method}</summary>
                <p>{outlook.data.method}</p>
                <button
                  type="button"
                  className="sprint-button sprint-button-secondary"
                  onClick={() => setHelp('probabilities')}
                >
                  {strings.method}…
                </button>
              </details>
            </>
          )
        ) : null}
      </section>

      {outlook.status === 'success' ? (
        <ScopeSection outlook={outlook.data} strings={strings} formatNumber={formatNumber} />
      ) : null}

      {review.status === 'success' && review.data.verdicts.length > 0 ? (
        <ReviewSection
          key={review.data.iterationId}
          client={client}
          sprint={sprintPath}
          review={review.data}
          isLead={mayEdit}
          strings={strings}
          language={language}
          formatPercent={formatPercent}
          onSaved={() => {
            review.refetch();
            history.refetch();
          }}
        />
      ) : outlook.status === 'success' &&
        outlook.data.phase !== 'ended' &&
        outlook.data.targets.length > 0 ? (
        <p className="sprint-note">{strings.review.pending}</p>
      ) : null}

      <section className="sprint-section">
        {editing && targets.status === 'success' ? (
          <TargetsEditor
            client={client}
            sprint={sprintPath}
            current={targets.data}
            suggestions={suggestions.status === 'success' ? suggestions.data.suggestions : []}
            strings={strings}
            language={language}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              targets.refetch();
              outlook.refetch();
              sprints.refetch();
              review.refetch();
              history.refetch();
            }}
          />
        ) : mayEdit ? (
          <button type="button" className="sprint-button" onClick={() => setEditing(true)}>
            {strings.edit}
          </button>
        ) : capabilities.status === 'success' ? (
          <p className="sprint-note">{strings.onlyAdministrators}</p>
        ) : null}
      </section>
      <InsightsPanel client={client} team={team} language={language} />
      {history.status === 'success' ? (
        <HistorySection history={history.data} strings={strings} formatPercent={formatPercent} />
      ) : null}
      {help !== null ? <HelpPanel language={language} topic={help} onClose={() => setHelp(null)} /> : null}
    </main>
  );
}
