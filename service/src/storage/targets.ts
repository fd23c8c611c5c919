/**
 * Sprint targets per organization, project, team and iteration (table sprint_targets), and the daily
 * probability snapshots the worker records for them (table sprint_target_snapshots). Team figures only:
 * no user id or name is stored.
 */

export interface StoredSprintTargets {
  /** The targets as JSON text; the service parses it with the contract's schema. */
  targets: string;
  /** ISO instant; strictly increases with every save. */
  updatedAt: string;
}

export interface TargetSnapshot {
  /** Calendar day in the team's time zone, YYYY-MM-DD. */
  day: string;
  targetIndex: number;
  /** The target's kind when the snapshot was taken (targets can be edited mid-sprint). */
  kind: string;
  current: number;
  metNow: boolean;
  probability: number | null;
}

export interface SprintKey {
  organization: string;
  project: string;
  team: string;
  iterationId: string;
}

export interface StoredSprintReview {
  /** The team's review as JSON text (miss reasons, Keep/Problem/Try notes); parsed with the contract. */
  review: string;
  updatedAt: string;
}

export interface SprintTargetsStore {
  get(key: SprintKey): Promise<StoredSprintTargets | undefined>;
  save(key: SprintKey, stored: StoredSprintTargets): Promise<void>;
  /** Every sprint of the team that has targets, newest save first. */
  listForTeam(
    organization: string,
    project: string,
    team: string,
  ): Promise<(StoredSprintTargets & { iterationId: string })[]>;
  /** Every team sprint of the organization that has targets (team and iteration id lower-cased). */
  listSprints(organization: string): Promise<{ project: string; team: string; iterationId: string }[]>;
  /** Replaces the day's snapshots of the sprint (re-running a day is harmless). */
  saveSnapshots(key: SprintKey, day: string, snapshots: readonly TargetSnapshot[]): Promise<void>;
  /** The sprint's snapshots in day and target order. */
  snapshots(key: SprintKey): Promise<TargetSnapshot[]>;
  /** Every snapshot of the team's sprints (the history view and calibration), in sprint and day order. */
  teamSnapshots(
    organization: string,
    project: string,
    team: string,
  ): Promise<(TargetSnapshot & { iterationId: string })[]>;
  getReview(key: SprintKey): Promise<StoredSprintReview | undefined>;
  saveReview(key: SprintKey, review: StoredSprintReview): Promise<void>;
}
