import type { DeliveryInput } from '../../../../service/src/metrics/delivery/index.ts';
import type {
  ChangeRecord,
  CommitChange,
  DeploymentOutcome,
  DeploymentRecord,
  DeploymentSource,
  IncidentRecord,
  PullRequestChange,
} from '../../../../service/src/domain/delivery.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Epoch ms of an ISO instant; throws on a typo so that fixtures cannot silently become NaN. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
}

const RAW_OF_OUTCOME: Record<DeploymentOutcome, DeploymentRecord['rawResult']> = {
  succeeded: 'succeeded',
  succeededWithIssues: 'succeededWithIssues',
  failed: 'failed',
  canceled: 'canceled',
  notRun: 'skipped',
  inProgress: 'inProgress',
  unknown: 'undefined',
};

export interface DeploymentSpec {
  id: string;
  finished: string | null;
  build: number | null;
  outcome?: DeploymentOutcome;
  source?: DeploymentSource;
  project?: string;
  pipeline?: number;
  environment?: string | null;
  stage?: string;
  attempt?: number;
  branch?: string | null;
  sourceVersion?: string | null;
}

export function deployment(spec: DeploymentSpec): DeploymentRecord {
  const outcome = spec.outcome ?? 'succeeded';
  const finishedAt = spec.finished === null ? null : at(spec.finished);
  return {
    id: spec.id,
    source: spec.source ?? 'environment',
    project: spec.project ?? 'Fabrikam',
    pipelineId: spec.pipeline ?? 1,
    pipelineName: `pipeline-${spec.pipeline ?? 1}`,
    environmentName: spec.environment === undefined ? 'Production' : spec.environment,
    stageName: spec.stage ?? 'Deploy',
    buildId: spec.build,
    releaseId: null,
    repository: null,
    sourceBranch: spec.branch === undefined ? 'refs/heads/main' : spec.branch,
    sourceVersion: spec.sourceVersion ?? null,
    attempt: spec.attempt ?? 1,
    queuedAt: null,
    startedAt: finishedAt === null ? null : finishedAt - 10 * MINUTE,
    finishedAt,
    outcome,
    rawResult: RAW_OF_OUTCOME[outcome],
    provenance: { rawPageId: 1 },
  };
}

export interface PullRequestSpec {
  id: number;
  firstCommit: string;
  created: string;
  merged: string;
  shas?: string[];
  workItems?: number[];
  branch?: string;
  repository?: string;
}

export function pullRequest(spec: PullRequestSpec): PullRequestChange {
  const repository = spec.repository ?? 'repo';
  const shas = spec.shas ?? [`pr${spec.id}-merge`];
  return {
    kind: 'pullRequest',
    id: `pr:${repository}:${spec.id}`,
    project: 'Fabrikam',
    repository,
    targetBranch: spec.branch ?? 'refs/heads/main',
    firstCommitAuthoredAt: at(spec.firstCommit),
    commitShas: shas,
    workItemIds: spec.workItems ?? [],
    pullRequestId: spec.id,
    createdAt: at(spec.created),
    mergedAt: at(spec.merged),
    mergeCommitSha: shas[0] ?? null,
    provenance: { rawPageId: 2 },
  };
}

export interface CommitSpec {
  sha: string;
  authored: string;
  workItems?: number[];
  branch?: string;
  repository?: string;
}

export function commit(spec: CommitSpec): CommitChange {
  const repository = spec.repository ?? 'repo';
  return {
    kind: 'commit',
    id: `commit:${repository}:${spec.sha}`,
    project: 'Fabrikam',
    repository,
    targetBranch: spec.branch ?? 'refs/heads/main',
    firstCommitAuthoredAt: at(spec.authored),
    commitShas: [spec.sha],
    workItemIds: spec.workItems ?? [],
    sha: spec.sha,
    provenance: { rawPageId: 3 },
  };
}

export interface IncidentSpec {
  id: number;
  created: string;
  completed?: string | null;
  link?: string | null;
  project?: string;
  /** Builds and releases its artifact links name. */
  artifacts?: IncidentRecord['linkedArtifacts'];
}

export function incident(spec: IncidentSpec): IncidentRecord {
  return {
    workItemId: spec.id,
    project: spec.project ?? 'Fabrikam',
    title: `Incident ${spec.id}`,
    createdAt: at(spec.created),
    completedAt: spec.completed === undefined || spec.completed === null ? null : at(spec.completed),
    linkedDeploymentId: spec.link ?? null,
    ...(spec.artifacts === undefined ? {} : { linkedArtifacts: spec.artifacts }),
    provenance: { rawPageId: 4 },
  };
}

/** Links every change to one build, as linkChangesToBuilds would after a build/changes lookup. */
export function linksOf(byBuild: Record<number, ChangeRecord[]>) {
  return Object.entries(byBuild).flatMap(([buildId, changes]) =>
    changes.map((change) => ({
      buildId: Number(buildId),
      changeId: change.id,
      via: 'buildChanges' as const,
    })),
  );
}

/** A delivery input with empty defaults, in UTC unless a zone is given. */
export function deliveryInput(partial: Partial<DeliveryInput>): DeliveryInput {
  return {
    deployments: [],
    changes: [],
    links: [],
    incidents: [],
    bugWorkItemIds: new Set(),
    timeZone: 'UTC',
    ...partial,
  };
}
