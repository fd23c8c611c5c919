/**
 * Judging a team's experiments: the rule's weekly measure over the baseline weeks before the experiment
 * and the weeks since, read with XmR process behaviour chart signals (judgeExperiment), never by comparing
 * two averages.
 */
import type { InsightExperiment } from '../../contract/insights/insights.ts';
import { INSIGHT_RULE_IDS } from '../../contract/insights/insights.ts';
import { addDays } from '../../metrics/calendar.ts';
import { judgeExperiment, type InsightInput, type InsightRuleId } from '../../metrics/insights/index.ts';
import type { StoredInsightAction } from '../../storage/insights.ts';
import { EXPERIMENT_MEASURE_OF } from './experimentMeasures.ts';

export const BASELINE_WEEKS = 8;
/** Weeks after the start that are charted; later ones belong to a new baseline. */
export const MAXIMUM_WEEKS_SINCE = 16;

const isRuleId = (id: string): id is InsightRuleId => (INSIGHT_RULE_IDS as readonly string[]).includes(id);

/**
 * Each experiment judged with the weekly inputs of its baseline and of the complete weeks since
 * (`thisWeek` is the current, incomplete week's Monday). `inputOfWeek` is called once per week.
 */
export async function judgeExperiments(
  actions: readonly StoredInsightAction[],
  thisWeek: string,
  inputOfWeek: (weekStart: string) => Promise<InsightInput>,
): Promise<InsightExperiment[]> {
  const inputs = new Map<string, Promise<InsightInput>>();
  const weekInput = (weekStart: string) => {
    let input = inputs.get(weekStart);
    if (input === undefined) {
      input = inputOfWeek(weekStart);
      inputs.set(weekStart, input);
    }
    return input;
  };
  const experiments: InsightExperiment[] = [];
  for (const action of actions) {
    if (!isRuleId(action.ruleId)) continue;
    const definition = EXPERIMENT_MEASURE_OF[action.ruleId];
    const valuesOf = async (weeks: readonly string[]) => {
      const values: { weekStart: string; value: number }[] = [];
      for (const weekStart of weeks) {
        const value = definition.value(await weekInput(weekStart));
        if (value !== undefined && Number.isFinite(value)) values.push({ weekStart, value: round(value) });
      }
      return values;
    };
    const baselineWeeks = Array.from({ length: BASELINE_WEEKS }, (_, index) =>
      addDays(action.weekStart, -7 * (BASELINE_WEEKS - index)),
    );
    const sinceWeeks: string[] = [];
    for (
      let week = action.weekStart;
      week < thisWeek && sinceWeeks.length < MAXIMUM_WEEKS_SINCE;
      week = addDays(week, 7)
    ) {
      sinceWeeks.push(week);
    }
    const baseline = await valuesOf(baselineWeeks);
    const since = await valuesOf(sinceWeeks);
    const judged = judgeExperiment(
      baseline.map((point) => point.value),
      since.map((point) => point.value),
      definition.better,
    );
    experiments.push({
      ruleId: action.ruleId,
      weekStart: action.weekStart,
      note: action.note,
      iterationId: action.iterationId,
      measure: definition.measure,
      better: definition.better,
      baseline,
      since,
      limits:
        judged.limits === undefined
          ? null
          : {
              mean: round(judged.limits.mean),
              lower: round(judged.limits.lower),
              upper: round(judged.limits.upper),
            },
      verdict: judged.verdict,
      signals: [...new Set(judged.signals)],
    });
  }
  return experiments;
}

const round = (value: number): number => Math.round(value * 100) / 100;
