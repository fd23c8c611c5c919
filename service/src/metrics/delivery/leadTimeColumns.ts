import { asBuildChangeTable, type BuildChangeTable, type ChangesByBuild } from './buildChanges.ts';
import type { ChangeRecord } from '../../domain/delivery.ts';
import { within, type LeadTimeSample } from './leadTimeSample.ts';
import type { ProductionDeployment } from './model.ts';
import { FRESH, ScratchSpace, type TypedArrays } from './scratch.ts';

/** What sample objects are built from: the change list and the delivering deployments, by index. */
export interface SampleSource {
  changes: readonly ChangeRecord[];
  deployments: readonly ProductionDeployment[];
}

/**
 * The samples of every successful production deployment as columns: which change and which deployment
 * each one pairs (sample objects are built only when a list of them is read: see sampleAt), and its
 * numbers, so that each period's medians are found from typed-array copies, never by walking objects.
 */
export interface LeadTimeColumns {
  source: SampleSource;
  /** Index in source.changes of each sample's change. */
  sampleChange: Int32Array;
  /** Index in source.deployments of each sample's deployment. */
  sampleDeployment: Int32Array;
  leadTimeMs: Float64Array;
  /** deployedDay of each sample. */
  days: Int32Array;
  /** Pull request samples among samples[0 … i - 1]: indexes the pull request columns. */
  pullRequestsBefore: Int32Array;
  codingMs: Float64Array;
  reviewMs: Float64Array;
  waitingForDeploymentMs: Float64Array;
  /** Commit samples, in sample order. */
  codingToDeploymentMs: Float64Array;
}

/** Successful production deployments as collectLeadTimeColumns reads them, in finish order. */
export interface DeliveringDeployments {
  deployments: readonly ProductionDeployment[];
  /** The BuildChangeTable number of each deployment's build; -1 when no change is linked to it. */
  build: Int32Array;
  /** The pipeline number of each deployment (equal numbers, equal pipeline keys). */
  pipeline: Int32Array;
}

/** Working memory of collectLeadTimeColumns, reused from call to call (see scratch.ts). */
const FIRST_PIPELINE = new ScratchSpace();

/**
 * Lead time samples (metric definitions, Delivery): for each change, the first successful
 * production deployment of each pipeline whose build contains it. A change shipped by two
 * pipelines yields one sample per pipeline; redeploys of a build deliver nothing new.
 */
export function collectLeadTimeColumns(
  delivering: DeliveringDeployments,
  table: BuildChangeTable,
  arrays: TypedArrays = FRESH,
): LeadTimeColumns {
  const { deployments, build, pipeline } = delivering;
  const { changes, offsets, changeIndices } = table;
  // Pipeline that first delivered each change (-1: none yet); further pipelines are rare, kept aside.
  const firstPipeline = FIRST_PIPELINE.int32(changes.length, -1);
  const laterPipelines = new Map<number, number[]>();
  let bound = 0;
  for (let k = 0; k < deployments.length; k++) bound += table.countOf(build[k] ?? -1);
  const leadTimeMs = arrays.float64(bound);
  const days = arrays.int32(bound);
  const pullRequestsBefore = arrays.int32(bound + 1);
  const codingMs = arrays.float64(bound);
  const reviewMs = arrays.float64(bound);
  const waitingForDeploymentMs = arrays.float64(bound);
  const codingToDeploymentMs = arrays.float64(bound);
  const sampleChange = arrays.int32(bound);
  const sampleDeployment = arrays.int32(bound);
  let count = 0;
  let pullRequests = 0;
  let commits = 0;

  for (let k = 0; k < deployments.length; k++) {
    const deployment = deployments[k];
    const b = build[k] ?? -1;
    if (deployment === undefined || b === -1) continue;
    const p = pipeline[k] ?? -1;
    const deployedAt = deployment.finishedAt;
    const to = offsets[b + 1] ?? 0;
    for (let at = offsets[b] ?? 0; at < to; at++) {
      const index = changeIndices[at] ?? -1;
      const change = changes[index];
      if (change === undefined) continue;
      const first = firstPipeline[index];
      if (first === -1) firstPipeline[index] = p;
      else if (first === p) continue;
      else {
        const later = laterPipelines.get(index);
        if (later === undefined) laterPipelines.set(index, [p]);
        else if (later.includes(p)) continue;
        else later.push(p);
      }
      const n = count++;
      const start = change.firstCommitAuthoredAt;
      const total = deployedAt - start;
      leadTimeMs[n] = total;
      days[n] = deployment.day;
      sampleChange[n] = index;
      sampleDeployment[n] = k;
      if (change.kind === 'commit') {
        codingToDeploymentMs[commits++] = total;
      } else {
        const parts = pullRequestParts(change, deployedAt);
        codingMs[pullRequests] = parts.codingMs;
        reviewMs[pullRequests] = parts.reviewMs;
        waitingForDeploymentMs[pullRequests++] = parts.waitingForDeploymentMs;
      }
      pullRequestsBefore[n + 1] = pullRequests;
    }
  }
  return {
    source: { changes, deployments },
    sampleChange: sampleChange.subarray(0, count),
    sampleDeployment: sampleDeployment.subarray(0, count),
    leadTimeMs: leadTimeMs.subarray(0, count),
    days: days.subarray(0, count),
    pullRequestsBefore: pullRequestsBefore.subarray(0, count + 1),
    codingMs: codingMs.subarray(0, pullRequests),
    reviewMs: reviewMs.subarray(0, pullRequests),
    waitingForDeploymentMs: waitingForDeploymentMs.subarray(0, pullRequests),
    codingToDeploymentMs: codingToDeploymentMs.subarray(0, commits),
  };
}

/**
 * Lead time samples (metric definitions, Delivery), as collectLeadTimeColumns finds them.
 * `successful` must be in finish order.
 */
export function collectLeadTimeSamples(
  successful: readonly ProductionDeployment[],
  grouped: ChangesByBuild,
): LeadTimeSample[] {
  const table = asBuildChangeTable(grouped);
  const keys = new Map<string, number>();
  const build = new Int32Array(successful.length);
  const pipeline = new Int32Array(successful.length);
  successful.forEach((deployment, k) => {
    build[k] = table.buildOf(deployment.record.buildId);
    let number = keys.get(deployment.pipelineKey);
    if (number === undefined) {
      number = keys.size;
      keys.set(deployment.pipelineKey, number);
    }
    pipeline[k] = number;
  });
  const columns = collectLeadTimeColumns({ deployments: successful, build, pipeline }, table);
  return samplesOf(columns.source, columns.sampleChange, columns.sampleDeployment);
}

/** As leadTimeParts: boundaries kept in order. */
function pullRequestParts(
  change: { firstCommitAuthoredAt: number; createdAt: number; mergedAt: number },
  deployedAt: number,
) {
  const start = change.firstCommitAuthoredAt;
  const created = within(change.createdAt, start, Math.max(start, deployedAt));
  const merged = within(change.mergedAt, created, Math.max(created, deployedAt));
  return {
    codingMs: created - start,
    reviewMs: merged - created,
    waitingForDeploymentMs: deployedAt - merged,
  };
}

/** The sample pairing source.changes[change] with source.deployments[deployment]. */
export function sampleAt(source: SampleSource, change: number, deployment: number): LeadTimeSample {
  const record = source.changes[change];
  const delivering = source.deployments[deployment];
  if (record === undefined || delivering === undefined) throw new RangeError('No such lead time sample');
  const deployedAt = delivering.finishedAt;
  const start = record.firstCommitAuthoredAt;
  const common = {
    changeId: record.id,
    deploymentId: delivering.record.id,
    pipelineKey: delivering.pipelineKey,
    firstCommitAuthoredAt: start,
    deployedAt,
    deployedDay: delivering.day,
    leadTimeMs: deployedAt - start,
  };
  return record.kind === 'commit'
    ? { ...common, kind: 'commit', codingToDeploymentMs: deployedAt - start }
    : { ...common, kind: 'pullRequest', ...pullRequestParts(record, deployedAt) };
}

/** Sample objects of index columns (copies, or columns not yet reused: see scratch.ts). */
export function samplesOf(
  source: SampleSource,
  changes: Int32Array,
  deployments: Int32Array,
): LeadTimeSample[] {
  const samples = new Array<LeadTimeSample>(changes.length);
  for (let n = 0; n < changes.length; n++)
    samples[n] = sampleAt(source, changes[n] ?? -1, deployments[n] ?? -1);
  return samples;
}
