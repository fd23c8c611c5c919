/**
 * Normalised, source-independent delivery records (DORA). Sync writes them from environment
 * deployment records, classic release deployments, build timelines, pull requests and commits;
 * the delivery metrics read only them. Timestamps are epoch milliseconds (UTC).
 */
import type { Provenance } from './records.ts';

/** `EnvironmentDeploymentExecutionRecord.result`, and `TimelineRecord.result` (the same TaskResult enum). */
export const ENVIRONMENT_DEPLOYMENT_RESULTS = [
  'succeeded',
  'succeededWithIssues',
  'failed',
  'canceled',
  'skipped',
  'abandoned',
] as const;
export type EnvironmentDeploymentResult = (typeof ENVIRONMENT_DEPLOYMENT_RESULTS)[number];

/** Classic release `Deployment.deploymentStatus`. */
export const CLASSIC_DEPLOYMENT_STATUSES = [
  'undefined',
  'notDeployed',
  'inProgress',
  'succeeded',
  'partiallySucceeded',
  'failed',
  'all',
] as const;
export type ClassicDeploymentStatus = (typeof CLASSIC_DEPLOYMENT_STATUSES)[number];

/** What happened to one deployment attempt, whatever the source. */
export const DEPLOYMENT_OUTCOMES = [
  'succeeded',
  'succeededWithIssues',
  'failed',
  'canceled',
  'notRun',
  'inProgress',
  'unknown',
] as const;
export type DeploymentOutcome = (typeof DEPLOYMENT_OUTCOMES)[number];

const OUTCOME_OF_ENVIRONMENT_RESULT: Record<EnvironmentDeploymentResult, DeploymentOutcome> = {
  succeeded: 'succeeded',
  succeededWithIssues: 'succeededWithIssues',
  failed: 'failed',
  canceled: 'canceled',
  // A skipped stage or job never ran: it is not an attempt.
  skipped: 'notRun',
  // The job started and was lost (agent gone, lease expired): a failed attempt, as DevLake maps it.
  abandoned: 'failed',
};

const OUTCOME_OF_CLASSIC_STATUS: Record<ClassicDeploymentStatus, DeploymentOutcome> = {
  undefined: 'unknown',
  // The official example pairs notDeployed with operationStatus PhaseFailed; DevLake maps it to failure.
  notDeployed: 'failed',
  inProgress: 'inProgress',
  succeeded: 'succeeded',
  partiallySucceeded: 'succeededWithIssues',
  failed: 'failed',
  // A query filter value, never a real deployment's status.
  all: 'unknown',
};

export function outcomeOfEnvironmentResult(result: EnvironmentDeploymentResult): DeploymentOutcome {
  return OUTCOME_OF_ENVIRONMENT_RESULT[result];
}

/** Build timeline stage records share the TaskResult enum with environment deployment records. */
export const outcomeOfTimelineResult = outcomeOfEnvironmentResult;

export function outcomeOfClassicStatus(status: ClassicDeploymentStatus): DeploymentOutcome {
  return OUTCOME_OF_CLASSIC_STATUS[status];
}

/**
 * How an outcome counts (metric definitions, Delivery): succeeded and succeededWithIssues
 * (partiallySucceeded) are successful; the deployment failure rate is failed ÷ attempts, where an
 * attempt is a deployment that ran to an end (canceled ones included, as attempts that did not fail).
 */
export type AttemptClass = 'successful' | 'failed' | 'canceled' | 'notAnAttempt';

const ATTEMPT_CLASS: Record<DeploymentOutcome, AttemptClass> = {
  succeeded: 'successful',
  succeededWithIssues: 'successful',
  failed: 'failed',
  canceled: 'canceled',
  notRun: 'notAnAttempt',
  inProgress: 'notAnAttempt',
  unknown: 'notAnAttempt',
};

export function attemptClassOf(outcome: DeploymentOutcome): AttemptClass {
  return ATTEMPT_CLASS[outcome];
}

/**
 * - environment: a YAML environment deployment record (one per stage attempt and environment).
 * - classicRelease: a classic release deployment to a release environment (stage).
 * - pipelineStage: a build timeline Stage record, for pipelines that deploy without environments.
 */
export type DeploymentSource = 'environment' | 'classicRelease' | 'pipelineStage';

/** One deployment attempt to one environment or stage. */
export interface DeploymentRecord {
  /** Unique across sources: `${source}:${native id}` (stage records: `pipelineStage:${buildId}:${stage}:${attempt}`). */
  id: string;
  source: DeploymentSource;
  project: string;
  /** YAML pipeline (build definition) id, or the classic release definition id. */
  pipelineId: number;
  pipelineName: string;
  /** Environment name (YAML) or release environment name (classic); null for stage records. */
  environmentName: string | null;
  /** YAML stage name; for classic releases, the release environment name again. */
  stageName: string;
  /** Build (= YAML run) deployed: owner.id, or a classic release's primary build artifact; null when not a build. */
  buildId: number | null;
  /** Classic release id; null for other sources. */
  releaseId: number | null;
  /** Repository of the build (Build.repository.id); null when unknown. */
  repository: string | null;
  /** Full ref, e.g. refs/heads/main; null when unknown. */
  sourceBranch: string | null;
  /** Commit SHA the build was made from (Build.sourceVersion); null when unknown. */
  sourceVersion: string | null;
  /** Stage attempt (YAML, timeline) or deployment attempt (classic), from 1. */
  attempt: number;
  queuedAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  outcome: DeploymentOutcome;
  /** The source's own value, kept beside the normalised outcome for drill-down. */
  rawResult: EnvironmentDeploymentResult | ClassicDeploymentStatus;
  provenance: Provenance;
}

/** What a production mark reads of a deployment. */
export type DeploymentTarget = Pick<
  DeploymentRecord,
  'source' | 'project' | 'pipelineId' | 'environmentName' | 'stageName'
>;

/**
 * What a production mark reads of each deployment of a list, by row: a column store answers it without
 * making a record per row, so that it makes records only of the rows a view keeps. The target `at` gives
 * may be one object refilled on every call: read it before the next.
 */
export interface DeploymentTargets {
  readonly count: number;
  at(row: number): DeploymentTarget;
}

/** A target to refill row by row (DeploymentTargets.at of a column store). */
export function blankDeploymentTarget(): DeploymentTarget {
  return { source: 'environment', project: '', pipelineId: 0, environmentName: null, stageName: '' };
}

/** The rows of a stored deployment list to read, ascending; undefined to read every row. */
export type DeploymentRowSelector = (targets: DeploymentTargets) => ArrayLike<number> | undefined;

interface ChangeBase {
  /** `pr:${repository}:${pullRequestId}` or `commit:${repository}:${sha}`. */
  id: string;
  project: string;
  repository: string;
  /** Full ref the change landed on (PR targetRefName, or the branch a direct commit was pushed to). */
  targetBranch: string;
  /** Earliest author date among the change's commits. */
  firstCommitAuthoredAt: number;
  /** Every SHA that stands for the change: a PR's merge commit and its own commits; a commit's SHA. */
  commitShas: readonly string[];
  /** Work items linked to the change (PR workItemRefs, or commit work item links). */
  workItemIds: readonly number[];
  provenance: Provenance;
}

/** A pull request completed (merged) into the deployed branch. */
export interface PullRequestChange extends ChangeBase {
  kind: 'pullRequest';
  pullRequestId: number;
  createdAt: number;
  /** closedDate of the completed pull request. */
  mergedAt: number;
  mergeCommitSha: string | null;
  /**
   * Its own commits (the pull request's commits list) with their author times, so that work another
   * pull request already brought is not counted twice; absent when not read.
   */
  ownCommits?: readonly PullRequestCommit[];
}

export interface PullRequestCommit {
  sha: string;
  authoredAt: number;
}

/** A commit pushed to the deployed branch without a pull request. */
export interface CommitChange extends ChangeBase {
  kind: 'commit';
  sha: string;
}

export type ChangeRecord = PullRequestChange | CommitChange;

/**
 * The commits a build brought compared with the previous production deployment of its pipeline, as
 * `GET _apis/build/changes?fromBuildId&toBuildId` reports them (or `builds/{id}/changes` for a first build).
 */
export interface BuildCommitsRecord {
  /** Build ids are unique within an organization. */
  buildId: number;
  commitShas: readonly string[];
  provenance: Provenance;
}

/** How a change was found to be in a build. */
export type ChangeLinkEvidence = 'sourceVersion' | 'buildChanges';

/** A change contained in a build; every deployment of that build contains the change. */
export interface DeploymentChangeLink {
  buildId: number;
  changeId: string;
  via: ChangeLinkEvidence;
}

/** A work item matching the project's incident rule (default: type Bug with tag `incident`). */
export interface IncidentRecord {
  workItemId: number;
  project: string;
  title: string;
  createdAt: number;
  /** Entry into a Completed-category state (still completed); null while open. */
  completedAt: number | null;
  /** A deployment named by an explicit link on the incident; overrides time-based attribution. */
  linkedDeploymentId: string | null;
  /**
   * Builds and classic releases the work item's own artifact links name ("Found in build", "Integrated in
   * build", "Integrated in release environment"); they win over the tag and the time rule. Absent: none read.
   */
  linkedArtifacts?: readonly IncidentArtifact[];
  provenance: Provenance;
}

/** A build or classic release named by an ArtifactLink relation of an incident work item. */
export interface IncidentArtifact {
  kind: 'build' | 'release';
  /** Build id, or classic release id. */
  id: number;
}
