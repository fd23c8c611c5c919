import type { ChangeRecord } from '../../domain/delivery.ts';
import type { ChangesByBuild } from './buildChanges.ts';
import { leadTimeBand } from './bands.ts';
import type { NoDeployments, ProductionDeployment, ReferenceBand } from './model.ts';
import { medianInPlace, percentilesInPlace } from './stats.ts';

/**
 * Where a change's lead time went. The parts always add up to the lead time: boundaries are kept
 * in order (a pull request opened before its first commit has a coding part of zero).
 */
export type LeadTimeParts =
  | { kind: 'pullRequest'; codingMs: number; reviewMs: number; waitingForDeploymentMs: number }
  | { kind: 'commit'; codingToDeploymentMs: number };

/**
 * One change delivered by the first successful production deployment of a pipeline that contained
 * it, with its parts flattened in (one object per sample: there can be hundreds of thousands).
 */
export type LeadTimeSample = {
  changeId: string;
  deploymentId: string;
  pipelineKey: string;
  firstCommitAuthoredAt: number;
  deployedAt: number;
  /** Epoch-day index of deployedAt in the team's time zone. */
  deployedDay: number;
  leadTimeMs: number;
} & LeadTimeParts;

function within(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

export function leadTimeParts(change: ChangeRecord, deployedAt: number): LeadTimeParts {
  const start = change.firstCommitAuthoredAt;
  if (change.kind === 'commit') return { kind: 'commit', codingToDeploymentMs: deployedAt - start };
  const created = within(change.createdAt, start, Math.max(start, deployedAt));
  const merged = within(change.mergedAt, created, Math.max(created, deployedAt));
  return {
    kind: 'pullRequest',
    codingMs: created - start,
    reviewMs: merged - created,
    waitingForDeploymentMs: deployedAt - merged,
  };
}

/** One literal per kind, so that each sample is a single allocation. */
function sampleOf(change: ChangeRecord, deployment: ProductionDeployment): LeadTimeSample {
  const deployedAt = deployment.finishedAt;
  const parts = leadTimeParts(change, deployedAt);
  const leadTimeMs = deployedAt - change.firstCommitAuthoredAt;
  if (parts.kind === 'commit') {
    return {
      changeId: change.id,
      deploymentId: deployment.record.id,
      pipelineKey: deployment.pipelineKey,
      firstCommitAuthoredAt: change.firstCommitAuthoredAt,
      deployedAt,
      deployedDay: deployment.day,
      leadTimeMs,
      kind: 'commit',
      codingToDeploymentMs: parts.codingToDeploymentMs,
    };
  }
  return {
    changeId: change.id,
    deploymentId: deployment.record.id,
    pipelineKey: deployment.pipelineKey,
    firstCommitAuthoredAt: change.firstCommitAuthoredAt,
    deployedAt,
    deployedDay: deployment.day,
    leadTimeMs,
    kind: 'pullRequest',
    codingMs: parts.codingMs,
    reviewMs: parts.reviewMs,
    waitingForDeploymentMs: parts.waitingForDeploymentMs,
  };
}

/**
 * Lead time samples (metric definitions, Delivery): for each change, the first successful
 * production deployment of each pipeline whose build contains it. A change shipped by two
 * pipelines yields one sample per pipeline; redeploys of a build deliver nothing new.
 * `successful` must be in finish order.
 */
export function collectLeadTimeSamples(
  successful: readonly ProductionDeployment[],
  grouped: ChangesByBuild,
): LeadTimeSample[] {
  const pipelineOrdinals = new Map<string, number>();
  // Pipeline that first delivered each change (-1: none yet); further pipelines are rare, kept aside.
  const firstPipeline = new Int32Array(grouped.changes.length).fill(-1);
  const laterPipelines = new Map<number, number[]>();
  const isNewDelivery = (changeIndex: number, pipeline: number): boolean => {
    const first = firstPipeline[changeIndex];
    if (first === -1) {
      firstPipeline[changeIndex] = pipeline;
      return true;
    }
    if (first === pipeline) return false;
    const later = laterPipelines.get(changeIndex);
    if (later === undefined) laterPipelines.set(changeIndex, [pipeline]);
    else if (later.includes(pipeline)) return false;
    else later.push(pipeline);
    return true;
  };

  const samples: LeadTimeSample[] = [];
  for (const deployment of successful) {
    const buildId = deployment.record.buildId;
    const indices = buildId === null ? undefined : grouped.byBuild.get(buildId);
    if (indices === undefined) continue;
    let pipeline = pipelineOrdinals.get(deployment.pipelineKey);
    if (pipeline === undefined) {
      pipeline = pipelineOrdinals.size;
      pipelineOrdinals.set(deployment.pipelineKey, pipeline);
    }
    for (const index of indices) {
      const change = grouped.changes[index];
      if (change === undefined || !isNewDelivery(index, pipeline)) continue;
      samples.push(sampleOf(change, deployment));
    }
  }
  return samples;
}

/** Medians of each part, over the samples that have it; null where no sample has it. */
export interface LeadTimePartMedians {
  codingMs: number | null;
  reviewMs: number | null;
  waitingForDeploymentMs: number | null;
  codingToDeploymentMs: number | null;
}

export type LeadTimeResult =
  | NoDeployments
  /** Successful production deployments, but no change could be linked to any of them. */
  | { status: 'noChanges'; successfulDeployments: number }
  | {
      status: 'ok';
      changes: number;
      medianMs: number;
      p85Ms: number;
      partMedians: LeadTimePartMedians;
      samples: readonly LeadTimeSample[];
      reference: ReferenceBand;
    };

function partMedians(samples: readonly LeadTimeSample[]): LeadTimePartMedians {
  let pullRequests = 0;
  for (const sample of samples) if (sample.kind === 'pullRequest') pullRequests++;
  const coding = new Float64Array(pullRequests);
  const review = new Float64Array(pullRequests);
  const waiting = new Float64Array(pullRequests);
  const direct = new Float64Array(samples.length - pullRequests);
  let p = 0;
  let c = 0;
  for (const sample of samples) {
    if (sample.kind === 'pullRequest') {
      coding[p] = sample.codingMs;
      review[p] = sample.reviewMs;
      waiting[p++] = sample.waitingForDeploymentMs;
    } else {
      direct[c++] = sample.codingToDeploymentMs;
    }
  }
  return {
    codingMs: medianInPlace(coding),
    reviewMs: medianInPlace(review),
    waitingForDeploymentMs: medianInPlace(waiting),
    codingToDeploymentMs: medianInPlace(direct),
  };
}

/** Median and P85 of the lead times of the changes delivered in a period (samples whose deployment finished in it). */
export function leadTimeForChanges(
  samplesInPeriod: readonly LeadTimeSample[],
  successfulDeploymentsInPeriod: number,
): LeadTimeResult {
  if (successfulDeploymentsInPeriod === 0) return { status: 'noDeployments' };
  const leadTimes = new Float64Array(samplesInPeriod.length);
  for (let i = 0; i < samplesInPeriod.length; i++) leadTimes[i] = samplesInPeriod[i]?.leadTimeMs ?? 0;
  const [medianMs = null, p85Ms = null] = percentilesInPlace(leadTimes, [50, 85]);
  if (medianMs === null || p85Ms === null) {
    return { status: 'noChanges', successfulDeployments: successfulDeploymentsInPeriod };
  }
  return {
    status: 'ok',
    changes: samplesInPeriod.length,
    medianMs,
    p85Ms,
    partMedians: partMedians(samplesInPeriod),
    samples: samplesInPeriod,
    reference: leadTimeBand(medianMs),
  };
}
