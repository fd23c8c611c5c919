import type { TeamPath } from '../../../service/src/contract/index.ts';
import type { SeikaClient } from '../api/seikaClient.ts';
import { queryKey, useQuery, useQueryClient } from '../data/useQuery.ts';
import type { Language } from '../i18n/locale.ts';
import { DigestSettings } from './DigestSettings.tsx';
import { ExperimentsList } from './ExperimentsList.tsx';
import { InsightActions, type ActionRequest } from './InsightActions.tsx';
import { insightTexts } from './strings.ts';

interface InsightsPanelProps {
  client: SeikaClient;
  team: TeamPath;
  language: Language;
}

/**
 * The week's improvement insights for the team (at most three), each with its evidence and experiment.
 * Team and project administrators act on them (acknowledge, dismiss with a reason, make an experiment);
 * members see them read-only. Below: the team's experiments, judged with control-chart signals.
 */
export function InsightsPanel({ client, team, language }: InsightsPanelProps) {
  const queries = useQueryClient();
  const insights = useQuery(queryKey('insights', team), (signal) => client.getInsights(team, signal));
  const experiments = useQuery(queryKey('insight-experiments', team), (signal) =>
    client.getInsightExperiments(team, signal),
  );
  const access = useQuery(queryKey('access', team), (signal) =>
    client.getAccessCapabilities(team.organization, { project: team.project, team: team.team }, signal),
  );
  const canAct =
    access.status === 'success' &&
    (access.data.team?.administrator === true || access.data.project?.administrator === true);
  const sprints = useQuery(canAct ? queryKey('sprints', team) : null, (signal) =>
    client.getTeamSprints(team, signal),
  );
  const { rules, labels } = insightTexts(language);
  if (insights.status !== 'success') return null;
  const catalogue = new Map(insights.data.rules.map((rule) => [rule.id, rule]));
  const current =
    sprints.status === 'success' ? sprints.data.sprints.find((sprint) => sprint.current) : undefined;
  const weekStart = insights.data.weekStart;

  const act = async (ruleId: (typeof insights.data.findings)[number]['ruleId'], request: ActionRequest) => {
    await client.actOnInsight(team, { ruleId, weekStart, ...request });
    // Counted per team and week only; a failure to count must not undo what the team did.
    client
      .recordUsage(team.organization, { kind: 'insightActed', project: team.project, team: team.team })
      .catch(() => undefined);
    queries.invalidate(queryKey('insights', team));
    queries.invalidate(queryKey('insight-experiments', team));
  };

  return (
    <section
      className="seika-card seika-insights"
      data-testid="insights"
      aria-labelledby="seika-insights-heading"
    >
      <h2 id="seika-insights-heading" className="seika-card-title">
        {labels.heading}
      </h2>
      <p className="seika-insights-note">{labels.note}</p>
      {insights.data.findings.length === 0 ? (
        <p>{labels.none}</p>
      ) : (
        <ul className="seika-insights-list">
          {insights.data.findings.map((finding) => {
            const text = rules[finding.ruleId];
            const rule = catalogue.get(finding.ruleId);
            return (
              <li key={finding.ruleId} data-rule={finding.ruleId}>
                <h3>{text.title}</h3>
                <p>{text.finding(finding.figures)}</p>
                <p>
                  <strong>{labels.experiment}:</strong> {text.experiment}
                </p>
                <p>
                  <strong>{labels.howWeWillKnow}:</strong> {text.howWeWillKnow}
                </p>
                {rule !== undefined ? (
                  <p className="seika-insights-evidence">
                    {labels.evidence}:{' '}
                    {rule.evidence.url === undefined ? (
                      rule.evidence.source
                    ) : (
                      <a href={rule.evidence.url} target="_blank" rel="noreferrer">
                        {rule.evidence.source}
                      </a>
                    )}
                  </p>
                ) : null}
                {finding.itemIds.length > 0 ? (
                  <p className="seika-insights-items">
                    {labels.items}:{' '}
                    {finding.itemIds.slice(0, 10).map((id, index) => (
                      <a key={id} href={finding.itemUrls[index]} target="_blank" rel="noreferrer">
                        #{id}{' '}
                      </a>
                    ))}
                  </p>
                ) : null}
                {finding.action !== null ? (
                  <p className="seika-insights-status" data-testid="insight-status">
                    {labels.status[finding.action]}
                  </p>
                ) : canAct ? (
                  <InsightActions
                    ruleTitle={text.title}
                    labels={labels}
                    language={language}
                    currentSprint={current}
                    onAct={(request) => act(finding.ruleId, request)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {!canAct && access.status === 'success' && insights.data.findings.length > 0 ? (
        <p className="seika-insights-note">{labels.readOnly}</p>
      ) : null}
      {canAct ? (
        <DigestSettings
          digest={insights.data.digest}
          labels={labels}
          language={language}
          onSave={async (digest) => {
            await client.putInsightSettings(team, {
              enabled: insights.data.rules.filter((rule) => rule.enabled).map((rule) => rule.id),
              digest,
            });
            queries.invalidate(queryKey('insights', team));
          }}
        />
      ) : null}
      {experiments.status === 'success' ? (
        <ExperimentsList experiments={experiments.data.experiments} rules={rules} labels={labels} />
      ) : null}
    </section>
  );
}
