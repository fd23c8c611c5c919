/**
 * Per-team flow settings (table team_flow_settings), scoped by organization like every other row, and the
 * data version the flow API's ETags are derived from.
 */

export interface StoredTeamSettings {
  /** The settings as JSON text; the service parses it with the contract's schema. */
  settings: string;
  /** ISO instant; strictly increases with every save of the team's settings. */
  updatedAt: string;
}

/** Everything an unchanged flow answer depends on in storage, read in one round trip. */
export interface FlowDataVersion {
  settings: StoredTeamSettings | undefined;
  /** Highest raw page id of the organization: moves with every page any sync stores. */
  lastRawPage: number | null;
  /** Finished sync runs of the organization (any outcome): moves when a run ends. */
  finishedSyncRuns: number;
  /** Whether the team's scope has been synchronised (the team exists for Seika). */
  teamKnown: boolean;
}

export interface TeamSettingsStore {
  get(organization: string, project: string, team: string): Promise<StoredTeamSettings | undefined>;
  save(organization: string, project: string, team: string, settings: StoredTeamSettings): Promise<void>;
  /** Back to defaults; false when nothing was stored. */
  remove(organization: string, project: string, team: string): Promise<boolean>;
  readVersion(organization: string, project: string, team: string): Promise<FlowDataVersion>;
}
