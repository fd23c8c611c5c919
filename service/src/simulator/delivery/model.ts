/**
 * Delivery data: repositories, commits, pull requests, pipelines, builds, environments, deployment
 * records and classic releases. Rows hold numbers (times in epoch ms, identities as indexes, other rows
 * as indexes or ids); strings that repeat are derived when a response is built.
 */

export type BuildReason = 'manual' | 'individualCI' | 'batchedCI' | 'schedule' | 'pullRequest';

export interface BuildSource {
  readonly reason: BuildReason;
  readonly pullRequest: number;
  readonly sourceCommit: number;
  readonly requestedFor: number;
  /** A hotfix: approvals come fast and it is never superseded. */
  readonly expedite: boolean;
}
export type BuildStatus = 'notStarted' | 'inProgress' | 'completed';
export type BuildResult = 'succeeded' | 'partiallySucceeded' | 'failed' | 'canceled';
/** TaskResult of timeline records and environment deployment records. */
export type TaskResult =
  'succeeded' | 'succeededWithIssues' | 'failed' | 'canceled' | 'skipped' | 'abandoned';
export type StageState = 'pending' | 'inProgress' | 'completed';

export interface RepositoryModel {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly projectIndex: number;
  /** Team (index in its project) whose work items the changes address. */
  readonly teamIndex: number;
  /** Commits on the default branch in commit order (PRs are squash-merged). */
  readonly main: CommitModel[];
  /** Commits pushed to pull request source branches. */
  readonly branch: CommitModel[];
  /**
   * Pushes to main that brought several main entries at once (a `git pull` merge, a rebased series, a
   * merged branch), recorded as they happen; every other main entry is a push of its own at its commit time.
   */
  pushes?: PushModel[];
}

/** One push to main: the main entries [start, end) it made reachable, at `at`. */
export interface PushModel {
  readonly start: number;
  readonly end: number;
  readonly at: number;
}

export interface CommitModel {
  readonly repository: number;
  readonly onMain: boolean;
  /** Position in its list (main or branch): part of the derived object id. */
  readonly sequence: number;
  readonly author: number;
  readonly authorTime: number;
  readonly commitTime: number;
  /** The pull request this commit belongs to (branch) or completed (main); 0 for a direct push. */
  readonly pullRequest: number;
  readonly workItems: readonly number[];
  /** Variation for the message and change counts. */
  readonly flavor: number;
  /**
   * Its parents, first parent first, when the history is not the linear default (gitHistory
   * 'realistic'); absent: the main commit before it (on main) or the pull request's previous commit.
   */
  readonly parents?: readonly CommitModel[];
}

export type PullRequestStatus = 'active' | 'completed' | 'abandoned';

export interface PullRequestModel {
  readonly id: number;
  readonly repository: number;
  readonly title: string;
  readonly createdBy: number;
  readonly creationDate: number;
  readonly sourceRefName: string;
  readonly isDraft: boolean;
  readonly workItems: readonly number[];
  readonly reviewers: readonly { readonly identity: number; readonly vote: number }[];
  /** Indexes of its commits in the repository's branch commits, in push order. */
  readonly commits: number[];
  status: PullRequestStatus;
  closedDate: number;
  closedBy: number;
  /** Index of the squash commit on main, -1 until completed. */
  mergeCommit: number;
  /**
   * Branch it targets when not main (gitHistory 'realistic': feature and release branches); its
   * mergeCommit then indexes the repository's branch commits.
   */
  readonly targetRefName?: string;
  /** How it completed: squash (the default) or a merge commit with two parents. */
  readonly mergeStrategy?: 'squash' | 'noFastForward';
  /** The incident work item this change fixes (a hotfix), 0 otherwise. */
  readonly hotfixFor: number;
}

export interface StageDef {
  readonly name: string;
  readonly displayName: string;
  /** Environment (index in the delivery model) the stage deploys to; -1 for the build stage. */
  readonly environment: number;
}

export interface PipelineModel {
  readonly id: number;
  readonly name: string;
  readonly projectIndex: number;
  readonly repository: number;
  readonly folder: string;
  readonly yamlFilename: string;
  readonly stages: readonly StageDef[];
  readonly createdDate: number;
  /** A classic release definition consumes its artifact (-1 when it deploys itself, in YAML). */
  readonly releaseDefinition: number;
}

export interface StageRun {
  state: StageState;
  attempt: number;
  result: TaskResult | undefined;
  startTime: number;
  finishTime: number;
  /** Environment deployment record of this stage (its id), 0 when it deploys nothing. */
  deploymentRecord: number;
}

export interface BuildModel {
  readonly id: number;
  readonly pipeline: number;
  readonly projectIndex: number;
  readonly repository: number;
  readonly reason: BuildReason;
  readonly buildNumber: string;
  readonly queueTime: number;
  /** Source: the main line (pullRequest 0) or a pull request's merge ref. */
  readonly pullRequest: number;
  /** Index of the built commit in the repository's main or branch list. */
  readonly sourceCommit: number;
  /** Main commits after this index (exclusive) up to sourceCommit are this build's changes. */
  readonly changesAfter: number;
  /** Identity index; -1 is the project's build service (scheduled runs). */
  readonly requestedFor: number;
  status: BuildStatus;
  result: BuildResult | undefined;
  startTime: number;
  finishTime: number;
  readonly stages: StageRun[];
}

export interface EnvironmentModel {
  readonly id: number;
  readonly name: string;
  readonly projectIndex: number;
  readonly description: string;
  readonly createdOn: number;
  readonly createdBy: number;
}

export interface DeploymentRecordModel {
  readonly id: number;
  readonly environment: number;
  readonly projectIndex: number;
  readonly pipeline: number;
  readonly build: number;
  readonly stageName: string;
  readonly stageIndex: number;
  readonly stageAttempt: number;
  readonly queueTime: number;
  startTime: number;
  finishTime: number;
  result: TaskResult | undefined;
}

export interface ReleaseEnvironmentDef {
  readonly id: number;
  readonly name: string;
  readonly rank: number;
}

export interface ReleaseDefinitionModel {
  readonly id: number;
  readonly name: string;
  readonly projectIndex: number;
  readonly pipeline: number;
  readonly environments: readonly ReleaseEnvironmentDef[];
  readonly createdOn: number;
}

export interface ReleaseModel {
  readonly id: number;
  readonly name: string;
  readonly definition: number;
  readonly build: number;
  readonly createdOn: number;
  readonly createdBy: number;
  /** Release environment ids are environmentBase + the environment's index in the definition. */
  readonly environmentBase: number;
}

export type DeploymentStatus = 'notDeployed' | 'inProgress' | 'succeeded' | 'partiallySucceeded' | 'failed';
export type OperationStatus =
  | 'Queued'
  | 'Pending'
  | 'PhaseInProgress'
  | 'PhaseSucceeded'
  | 'PhasePartiallySucceeded'
  | 'PhaseFailed'
  | 'Canceled'
  | 'Rejected'
  | 'Approved';

export interface ReleaseDeploymentModel {
  readonly id: number;
  readonly release: number;
  readonly definition: number;
  /** Index in the definition's environments. */
  readonly environmentIndex: number;
  readonly releaseEnvironmentId: number;
  readonly attempt: number;
  readonly reason: 'automated' | 'manual';
  readonly queuedOn: number;
  readonly requestedBy: number;
  readonly approver: number;
  startedOn: number;
  completedOn: number;
  lastModifiedOn: number;
  deploymentStatus: DeploymentStatus;
  operationStatus: OperationStatus;
}

/** A production incident: a Bug (or Issue) tagged `incident` after a production deployment. */
export interface IncidentModel {
  readonly workItemId: number;
  readonly projectIndex: number;
  readonly createdOn: number;
  /** The production deployment it followed: an environment record id or a release deployment id. */
  readonly cause: { readonly kind: 'environment' | 'release'; readonly id: number };
}

export interface DeliveryModel {
  readonly repositories: RepositoryModel[];
  readonly pipelines: PipelineModel[];
  /** Index i holds id i + 1 (ids are organization-wide, in queue order). */
  readonly builds: BuildModel[];
  readonly pullRequests: PullRequestModel[];
  readonly environments: EnvironmentModel[];
  readonly deploymentRecords: DeploymentRecordModel[];
  readonly releaseDefinitions: ReleaseDefinitionModel[];
  readonly releases: ReleaseModel[];
  readonly releaseDeployments: ReleaseDeploymentModel[];
  readonly incidents: IncidentModel[];
}

export function emptyDelivery(): DeliveryModel {
  return {
    repositories: [],
    pipelines: [],
    builds: [],
    pullRequests: [],
    environments: [],
    deploymentRecords: [],
    releaseDefinitions: [],
    releases: [],
    releaseDeployments: [],
    incidents: [],
  };
}
