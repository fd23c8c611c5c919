/**
 * A synthetic organization for the delivery benchmark, generated in-process and deterministically:
 * 50 projects × 4 pipelines × 1,000 builds = 200,000 builds over one year.
 */
import type {
  BuildCommitsRecord,
  ChangeRecord,
  DeploymentOutcome,
  DeploymentRecord,
  IncidentRecord,
} from '../../service/src/domain/delivery.ts';

export const BUILDS = 200_000;
const PROJECTS = 50;
const PIPELINES_PER_PROJECT = 4;
const PIPELINES = PROJECTS * PIPELINES_PER_PROJECT;
const BUILDS_PER_PIPELINE = BUILDS / PIPELINES;
const START = Date.UTC(2025, 3, 1);
const YEAR_MS = 365 * 86_400_000;
const HOUR = 3_600_000;
const INCIDENTS = 4_000;
const BUG_SHARE = 0.15;

/** mulberry32: a small seeded generator so every run measures the same data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticOrganization {
  deployments: DeploymentRecord[];
  changes: ChangeRecord[];
  buildCommits: BuildCommitsRecord[];
  incidents: IncidentRecord[];
  bugWorkItemIds: Set<number>;
}

interface DeploymentSpec {
  id: string;
  project: string;
  pipelineId: number;
  environmentName: string;
  buildId: number;
  sourceVersion: string;
  attempt: number;
  finishedAt: number;
  outcome: DeploymentOutcome;
}

function deploymentRecord(spec: DeploymentSpec): DeploymentRecord {
  return {
    id: spec.id,
    source: 'environment',
    project: spec.project,
    pipelineId: spec.pipelineId,
    pipelineName: `pipeline-${spec.pipelineId}`,
    environmentName: spec.environmentName,
    stageName: `Deploy_${spec.environmentName}`,
    buildId: spec.buildId,
    releaseId: null,
    repository: `${spec.project}-repo`,
    sourceBranch: 'refs/heads/main',
    sourceVersion: spec.sourceVersion,
    attempt: spec.attempt,
    queuedAt: spec.finishedAt - HOUR,
    startedAt: spec.finishedAt - HOUR / 2,
    finishedAt: spec.finishedAt,
    outcome: spec.outcome,
    rawResult: spec.outcome === 'succeeded' ? 'succeeded' : spec.outcome === 'failed' ? 'failed' : 'canceled',
    provenance: { rawPageId: spec.buildId },
  };
}

function changesOfBuild(
  random: () => number,
  project: string,
  buildId: number,
  builtAt: number,
): ChangeRecord[] {
  const repository = `${project}-repo`;
  const count = 1 + Math.floor(random() * 2);
  const changes: ChangeRecord[] = [];
  for (let n = 0; n < count; n++) {
    const firstCommit = builtAt - (2 + random() * 200) * HOUR;
    const workItemIds = [Math.floor(random() * 1_000_000)];
    const provenance = { rawPageId: buildId };
    const common = {
      project,
      repository,
      targetBranch: 'refs/heads/main',
      firstCommitAuthoredAt: firstCommit,
      workItemIds,
      provenance,
    };
    if (random() < 0.8) {
      const shas = [`m${buildId}-${n}`, `a${buildId}-${n}`, `b${buildId}-${n}`];
      const createdAt = firstCommit + random() * (builtAt - firstCommit) * 0.5;
      const mergedAt = createdAt + random() * (builtAt - createdAt);
      const pullRequestId = buildId * 4 + n;
      changes.push({
        ...common,
        kind: 'pullRequest',
        id: `pr:${repository}:${pullRequestId}`,
        commitShas: shas,
        pullRequestId,
        createdAt,
        mergedAt,
        mergeCommitSha: shas[0] ?? null,
      });
    } else {
      const sha = `c${buildId}-${n}`;
      changes.push({ ...common, kind: 'commit', id: `commit:${repository}:${sha}`, commitShas: [sha], sha });
    }
  }
  return changes;
}

/** Staging for every build; production for 60% (8% fail first, 2% canceled, 3% redeployed). */
export function syntheticOrganization(seed = 42): SyntheticOrganization {
  const random = seeded(seed);
  const deployments: DeploymentRecord[] = [];
  const changes: ChangeRecord[] = [];
  const buildCommits: BuildCommitsRecord[] = [];
  const production: DeploymentRecord[] = [];
  let buildId = 0;
  for (let pipeline = 0; pipeline < PIPELINES; pipeline++) {
    const project = `project-${pipeline % PROJECTS}`;
    let pending: string[] = [];
    for (let b = 0; b < BUILDS_PER_PIPELINE; b++) {
      buildId++;
      const builtAt = START + ((b + random()) / BUILDS_PER_PIPELINE) * YEAR_MS;
      const built = changesOfBuild(random, project, buildId, builtAt);
      changes.push(...built);
      for (const change of built) pending.push(...change.commitShas);
      const sourceVersion = built.at(-1)?.commitShas[0] ?? '';
      const base = { project, pipelineId: pipeline, buildId, sourceVersion };
      deployments.push(
        deploymentRecord({
          ...base,
          id: `environment:s${buildId}`,
          environmentName: 'Staging',
          attempt: 1,
          finishedAt: builtAt + HOUR,
          outcome: 'succeeded',
        }),
      );
      if (random() >= 0.6) continue;
      buildCommits.push({ buildId, commitShas: pending, provenance: { rawPageId: buildId } });
      pending = [];
      const roll = random();
      let finishedAt = builtAt + 3 * HOUR;
      if (roll < 0.08) {
        deployments.push(
          deploymentRecord({
            ...base,
            id: `environment:f${buildId}`,
            environmentName: 'Production',
            attempt: 1,
            finishedAt,
            outcome: 'failed',
          }),
        );
        finishedAt += HOUR;
      }
      const outcome: DeploymentOutcome = roll > 0.98 ? 'canceled' : 'succeeded';
      const record = deploymentRecord({
        ...base,
        id: `environment:p${buildId}`,
        environmentName: 'Production',
        attempt: roll < 0.08 ? 2 : 1,
        finishedAt,
        outcome,
      });
      deployments.push(record);
      if (outcome === 'succeeded') production.push(record);
      if (roll > 0.95 && roll <= 0.98) {
        deployments.push(
          deploymentRecord({
            ...base,
            id: `environment:r${buildId}`,
            environmentName: 'Production',
            attempt: 1,
            finishedAt: finishedAt + 6 * HOUR,
            outcome: 'succeeded',
          }),
        );
      }
    }
  }

  const incidents: IncidentRecord[] = [];
  for (let n = 0; n < INCIDENTS; n++) {
    const createdAt = START + random() * YEAR_MS;
    const linked = random() < 0.1 ? production[Math.floor(random() * production.length)] : undefined;
    incidents.push({
      workItemId: 2_000_000 + n,
      project: `project-${n % PROJECTS}`,
      title: `incident ${n}`,
      createdAt,
      completedAt: random() < 0.7 ? createdAt + random() * 72 * HOUR : null,
      linkedDeploymentId: linked?.id ?? null,
      provenance: { rawPageId: n },
    });
  }
  const bugWorkItemIds = new Set<number>();
  for (let id = 0; id < 1_000_000; id++) if (random() < BUG_SHARE) bugWorkItemIds.add(id);
  return { deployments, changes, buildCommits, incidents, bugWorkItemIds };
}
