import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentRecord,
  IncidentArtifact,
  IncidentRecord,
} from '../../domain/delivery.ts';
import type { FlowItem } from '../../domain/records.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import type { PageSource } from '../repository.ts';
import type { LinkedInputStore } from './linkedInput.ts';

/** A build (= YAML pipeline run) as the builds list reports it; deployments read their sources from it. */
export interface BuildRow {
  id: number;
  project: string;
  definitionId: number;
  definitionName: string;
  /** Build.status: completed once it ended; anything else is re-read until it is. */
  status: string;
  result: string | null;
  reason: string | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  sourceBranch: string | null;
  sourceVersion: string | null;
  repository: string | null;
}

/**
 * A deployment attempt as stored: the normalised record without provenance. `rawResult` is null while
 * a YAML environment record has no result yet (it is re-read until it has one).
 */
export type DeploymentRow = Omit<DeploymentRecord, 'provenance' | 'rawResult'> & {
  rawResult: DeploymentRecord['rawResult'] | null;
};

export interface PullRequestRow {
  repository: string;
  pullRequestId: number;
  project: string;
  targetBranch: string;
  createdAt: number;
  /** closedDate of the completed pull request. */
  mergedAt: number;
  mergeCommitSha: string | null;
  /** The work items it links (workItemRefs); null when the page does not say (list pages). */
  workItemIds: readonly number[] | null;
}

export interface PullRequestKey {
  repository: string;
  pullRequestId: number;
}

export interface PullRequestCommitRow {
  sha: string;
  authoredAt: number;
}

/** A commit on a deployed branch; it becomes a change of its own unless a pull request stands for it. */
export interface CommitRow {
  repository: string;
  sha: string;
  project: string;
  /** Full ref, e.g. refs/heads/main. */
  branch: string;
  authoredAt: number;
  committedAt: number;
  workItemIds: readonly number[];
  /** Parent SHAs (first parent first) when the commits answer carried them; absent when unknown. */
  parentIds?: readonly string[];
}

/** Where a stored commit sits: enough to order a branch's history without its details. */
export interface BranchCommitRow {
  repository: string;
  /** Full ref the commit was read from, e.g. refs/heads/main. */
  branch: string;
  sha: string;
  committedAt: number;
  /** Parent SHAs, first parent first; null when not known (stored before parents were kept, or not sent). */
  parentIds: readonly string[] | null;
}

/** One `build/changes?fromBuildId&toBuildId` (or `builds/{id}/changes`) question; fromBuildId null for the latter. */
export interface BuildChangesQuery {
  project: string;
  fromBuildId: number | null;
  toBuildId: number;
  /** True on the page that ends the answer: only then is the question marked as answered. */
  complete: boolean;
}

/** Which work items are incidents (metric definitions: default type Bug with tag `incident`). */
export interface IncidentRule {
  workItemTypes: readonly string[];
  /** Required tag (case-insensitive); null accepts every item of the types. */
  tag: string | null;
  /**
   * Explicit link to a deployment: a tag `${linkTagPrefix}${deployment id}`, e.g.
   * `deployment:environment:250` or `deployment:classicRelease:77`.
   */
  linkTagPrefix: string;
}

export const DEFAULT_INCIDENT_RULE: IncidentRule = {
  workItemTypes: ['Bug'],
  tag: 'incident',
  linkTagPrefix: 'deployment:',
};

/** Turns candidate work items (with their transitions and artifact links) into incidents; sync/normalise provides it. */
export type IncidentBuilder = (
  items: readonly FlowItem[],
  workflowByProject: ReadonlyMap<string, WorkflowStateMap>,
  rule: IncidentRule,
  artifactLinks?: ReadonlyMap<number, readonly IncidentArtifact[]>,
) => IncidentRecord[];

/** The artifact links (builds, releases) of one work item as its relations list them: all of them. */
export interface IncidentLinksRow {
  workItemId: number;
  artifacts: readonly IncidentArtifact[];
}

/** A stored work item that may be an incident: what the incident rule reads, and when it last changed. */
export interface IncidentCandidate {
  workItemId: number;
  project: string;
  workItemType: string;
  tags: readonly string[];
  changedAt: number;
}

/** Completed pull requests of a window: how many had their work item links read, and how many link one. */
export interface PullRequestLinkCounts {
  withKnownLinks: number;
  linked: number;
}

/** Work item types counted as bugs by the rework rate. */
export const DEFAULT_BUG_TYPES: readonly string[] = ['Bug'];

/** Projects (by name) to read; undefined reads every project of the organization. */
export type ProjectScope = readonly string[] | undefined;

/** The delivery records of one scope, as the delivery engine reads them (links are derived from these). */
export interface DeliveryRecords {
  deployments: DeploymentRecord[];
  changes: ChangeRecord[];
  buildCommits: BuildCommitsRecord[];
  incidents: IncidentRecord[];
  bugWorkItemIds: Set<number>;
}

export interface DeliveryRowCounts {
  builds: number;
  deployments: number;
  pullRequests: number;
  pullRequestCommits: number;
  commits: number;
  buildChanges: number;
  buildChangeQueries: number;
}

/**
 * Delivery storage. Like SeikaRepository, every apply stores the raw page (unless it was stored earlier)
 * and the rows derived from it atomically, every upsert is idempotent, and every call is scoped by
 * organization. Rows of a later page replace those of an earlier one (pages are applied in fetch order).
 */
export interface DeliveryRepository extends LinkedInputStore {
  applyBuildsPage(organization: string, page: PageSource, builds: readonly BuildRow[]): Promise<number>;
  applyDeploymentsPage(
    organization: string,
    page: PageSource,
    deployments: readonly DeploymentRow[],
  ): Promise<number>;
  applyPullRequestsPage(
    organization: string,
    page: PageSource,
    pullRequests: readonly PullRequestRow[],
  ): Promise<number>;
  applyPullRequestCommitsPage(
    organization: string,
    page: PageSource,
    pullRequest: PullRequestKey,
    commits: readonly PullRequestCommitRow[],
  ): Promise<number>;
  applyCommitsPage(organization: string, page: PageSource, commits: readonly CommitRow[]): Promise<number>;
  applyBuildChangesPage(
    organization: string,
    page: PageSource,
    query: BuildChangesQuery,
    commitShas: readonly string[],
  ): Promise<number>;
  applyIncidentLinksPage(
    organization: string,
    page: PageSource,
    links: readonly IncidentLinksRow[],
  ): Promise<number>;
  /** Stored commits of a repository among `shas` (lower-case), so a push adds only the ones not yet known. */
  knownCommits(organization: string, repository: string, shas: readonly string[]): Promise<Set<string>>;
  /** The projects of the stored work items (an index-only read). */
  workItemProjects(organization: string): Promise<string[]>;
  /**
   * Work items (not deleted) of the given types (case-insensitive) that changed at or after `from` (epoch
   * ms; all when undefined), oldest change first: what the incident rule needs to pick the incidents whose
   * relations to read.
   */
  incidentCandidates(
    organization: string,
    workItemTypes: readonly string[],
    from: number | undefined,
  ): Promise<IncidentCandidate[]>;
  /** Completed pull requests merged in [from, to) into the given repositories (every one of the project when empty). */
  pullRequestLinkCounts(
    organization: string,
    project: string,
    repositories: readonly string[],
    window: { from: number; to: number },
  ): Promise<PullRequestLinkCounts>;

  /** Deployment attempts with a result; sources (commit, branch, repository) filled in from their builds. */
  listDeployments(organization: string, projects?: ProjectScope): Promise<DeploymentRecord[]>;
  /** Completed pull requests (with their commits) and commits of deployed branches that no pull request covers. */
  listChanges(organization: string, projects?: ProjectScope): Promise<ChangeRecord[]>;
  /** Every build's reported commits; with projects, those of the builds their deployments deployed. */
  listBuildCommits(organization: string, projects?: ProjectScope): Promise<BuildCommitsRecord[]>;
  listIncidents(
    organization: string,
    projects?: ProjectScope,
    rule?: IncidentRule,
  ): Promise<IncidentRecord[]>;
  listBugWorkItemIds(
    organization: string,
    projects?: ProjectScope,
    bugTypes?: readonly string[],
  ): Promise<Set<number>>;
  /** Everything the delivery engine reads for a scope. */
  readDeliveryRecords(
    organization: string,
    options?: { projects?: ProjectScope; incidentRule?: IncidentRule; bugTypes?: readonly string[] },
  ): Promise<DeliveryRecords>;

  /** Build-change questions already answered, as `${fromBuildId ?? 0}>${toBuildId}`. */
  answeredBuildChangeQueries(organization: string): Promise<Set<string>>;
  /** Every stored commit of the synced branches, for deriving the changes between deployments. */
  listBranchCommits(organization: string): Promise<BranchCommitRow[]>;
  /** Branches (refs/heads/…) deployed from each repository, from the builds behind stored deployments. */
  deployedBranches(organization: string): Promise<Map<string, string[]>>;
  countDeliveryRows(organization: string): Promise<DeliveryRowCounts>;
}

export function buildChangesQueryKey(fromBuildId: number | null, toBuildId: number): string {
  return `${fromBuildId ?? 0}>${toBuildId}`;
}
