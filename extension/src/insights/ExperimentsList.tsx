import type { InsightExperimentsResponse } from '../../../service/src/contract/insights/insights.ts';
import type { InsightLabels, InsightRuleId, RuleText } from './strings.ts';

interface ExperimentsListProps {
  experiments: InsightExperimentsResponse['experiments'];
  rules: Record<InsightRuleId, RuleText>;
  labels: InsightLabels;
}

const format = (value: number) => String(Math.round(value * 10) / 10);

/** The team's experiments, each with its measure's weekly values and the control-chart verdict. */
export function ExperimentsList({ experiments, rules, labels }: ExperimentsListProps) {
  if (experiments.length === 0) return null;
  return (
    <div className="seika-insights-experiments" data-testid="insight-experiments">
      <h3>{labels.experimentsHeading}</h3>
      <p className="seika-insights-note">{labels.experimentsNote}</p>
      <ul className="seika-insights-list">
        {experiments.map((experiment) => (
          <li
            key={`${experiment.ruleId}-${experiment.weekStart}`}
            data-rule={experiment.ruleId}
            data-verdict={experiment.verdict}
          >
            <p>
              <strong>{rules[experiment.ruleId].title}</strong> ({labels.since} {experiment.weekStart}):{' '}
              <span className={`seika-insights-verdict seika-insights-verdict-${experiment.verdict}`}>
                {labels.verdict[experiment.verdict]}
              </span>
            </p>
            {experiment.note === '' ? null : <p>{experiment.note}</p>}
            <p className="seika-insights-evidence">
              {labels.measure[experiment.measure]} — {labels.baseline}:{' '}
              {experiment.baseline.map((point) => format(point.value)).join(', ') || '—'}; {labels.after}:{' '}
              {experiment.since.map((point) => format(point.value)).join(', ') || '—'}
              {experiment.limits === null
                ? null
                : `; ${labels.limits}: ${format(experiment.limits.lower)}–${format(experiment.limits.upper)}`}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
