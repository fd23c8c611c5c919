/** What teams did with insights, and which rules each team has on (tables insight_actions, insight_settings). */

export interface StoredInsightAction {
  weekStart: string;
  ruleId: string;
  action: string;
  note: string;
  iterationId: string | null;
  at: string;
}

export interface InsightStore {
  actions(
    organization: string,
    project: string,
    team: string,
    weekStart: string,
  ): Promise<StoredInsightAction[]>;
  /** One action per rule and week: a later one replaces it. */
  saveAction(organization: string, project: string, team: string, action: StoredInsightAction): Promise<void>;
  enabledRules(organization: string, project: string, team: string): Promise<string[] | undefined>;
  saveEnabledRules(
    organization: string,
    project: string,
    team: string,
    rules: readonly string[],
  ): Promise<void>;
}
