/** A team's insights for a week: every enabled rule run, at most three kept, ranked by expected effect. */
import { INSIGHT_RULES } from './catalogue.ts';
import type { Finding, InsightRuleId } from './finding.ts';
import type { InsightInput } from './input.ts';

export const INSIGHTS_PER_WEEK = 3;

export interface WeeklyInsightsOptions {
  /** Rules the team switched on; all by default. */
  enabled?: ReadonlySet<InsightRuleId>;
  /** Rules dismissed or acknowledged this week, not shown again. */
  suppressed?: ReadonlySet<InsightRuleId>;
}

export function allFindings(input: InsightInput, options: WeeklyInsightsOptions = {}): Finding[] {
  return INSIGHT_RULES.flatMap((rule) => {
    if (options.enabled !== undefined && !options.enabled.has(rule.id)) return [];
    if (options.suppressed?.has(rule.id) === true) return [];
    const finding = rule.evaluate(input);
    return finding === undefined ? [] : [finding];
  });
}

/** The week's insights: highest expected effect first, ties in catalogue order, at most three. */
export function weeklyInsights(input: InsightInput, options: WeeklyInsightsOptions = {}): Finding[] {
  const order = new Map(INSIGHT_RULES.map((rule, index) => [rule.id, index]));
  return allFindings(input, options)
    .sort(
      (a, b) =>
        b.expectedEffect - a.expectedEffect || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0),
    )
    .slice(0, INSIGHTS_PER_WEEK);
}

/** "Would have fired": for each past week's input, whether the rule fires, to preview a rule before it is on. */
export function wouldHaveFired(
  ruleId: InsightRuleId,
  weeks: readonly InsightInput[],
): { weekStart: string; finding: Finding | undefined }[] {
  const rule = INSIGHT_RULES.find((candidate) => candidate.id === ruleId);
  return weeks.map((input) => ({ weekStart: input.weekStart, finding: rule?.evaluate(input) }));
}
