/** What teams did with insights, and which rules each team has on (tables insight_actions, insight_settings). */

export interface StoredInsightAction {
  weekStart: string;
  ruleId: string;
  action: string;
  note: string;
  iterationId: string | null;
  at: string;
}

/** A team's weekly digest: where it goes (sealed at rest; only the masked form is ever answered). */
export interface StoredDigest {
  kind: 'teams' | 'slack';
  language: 'en' | 'ja';
  sealedUrl: string;
  maskedUrl: string;
}

/** A team with a digest; `team` as Azure DevOps spells it (the rows keep the lower-cased key too). */
export interface DigestTeam {
  organization: string;
  project: string;
  team: string;
  digest: StoredDigest;
}

export interface InsightStore {
  actions(
    organization: string,
    project: string,
    team: string,
    weekStart: string,
  ): Promise<StoredInsightAction[]>;
  /** Every experiment the team started, oldest week first. */
  experiments(organization: string, project: string, team: string): Promise<StoredInsightAction[]>;
  /** One action per rule and week: a later one replaces it. */
  saveAction(organization: string, project: string, team: string, action: StoredInsightAction): Promise<void>;
  enabledRules(organization: string, project: string, team: string): Promise<string[] | undefined>;
  saveEnabledRules(
    organization: string,
    project: string,
    team: string,
    rules: readonly string[],
  ): Promise<void>;
  digest(organization: string, project: string, team: string): Promise<StoredDigest | undefined>;
  /** null removes the team's digest. */
  saveDigest(organization: string, project: string, team: string, digest: StoredDigest | null): Promise<void>;
  /** Every team with a digest configured. */
  digestTeams(): Promise<DigestTeam[]>;
  /** Whether the week's digest was already sent to the team. */
  digestSent(organization: string, project: string, team: string, weekStart: string): Promise<boolean>;
  /**
   * Claims the week's digest for the team before sending (true), or false when it was sent (or is being
   * sent by another instance): a week is sent at most once.
   */
  claimDigestWeek(
    organization: string,
    project: string,
    team: string,
    weekStart: string,
    claim: { at: string; findings: number },
  ): Promise<boolean>;
  /** Gives a claim back after a failed send, so the next round tries again. */
  releaseDigestWeek(organization: string, project: string, team: string, weekStart: string): Promise<void>;
  /** The organization's synchronised teams (project, team as Azure DevOps spells it), for adoption checks. */
  syncedTeams(organization: string): Promise<{ project: string; team: string }[]>;
  /** When the organization's last service-hook delivery arrived (epoch ms), while deliveries are kept. */
  lastHookDelivery(organization: string): Promise<number | undefined>;
}
