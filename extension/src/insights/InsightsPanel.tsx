import type { TeamPath } from '../../../service/src/contract/index.ts';
import type { SeikaClient } from '../api/seikaClient.ts';
import { queryKey, useQuery } from '../data/useQuery.ts';
import type { Language } from '../i18n/locale.ts';
import { insightTexts } from './strings.ts';

interface InsightsPanelProps {
  client: SeikaClient;
  team: TeamPath;
  language: Language;
}

/** The week's improvement insights for the team (at most three), each with its evidence and experiment. */
export function InsightsPanel({ client, team, language }: InsightsPanelProps) {
  const insights = useQuery(queryKey('insights', team), (signal) => client.getInsights(team, signal));
  const { rules, labels } = insightTexts(language);
  if (insights.status !== 'success') return null;
  const catalogue = new Map(insights.data.rules.map((rule) => [rule.id, rule]));
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
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
