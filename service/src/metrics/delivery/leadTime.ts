import type { ChangeRecord, DeploymentRecord } from '../../domain/delivery.ts';
import { leadTimeBand } from './bands.ts';
import { samplesOf, type LeadTimeColumns } from './leadTimeColumns.ts';
import { within, type LeadTimeParts, type LeadTimeSample } from './leadTimeSample.ts';
import type { NoDeployments, ReferenceBand } from './model.ts';
import { ScratchSpace } from './scratch.ts';
import { medianInPlace, percentilesInPlace } from './stats.ts';

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
      /** Built on first read (a year of a large organization holds hundreds of thousands). */
      readonly samples: readonly LeadTimeSample[];
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

type LeadTimeOk = Extract<LeadTimeResult, { status: 'ok' }>;

/** The change and the deployment a sample pairs. */
export interface SampleRecords {
  change: ChangeRecord;
  deployment: DeploymentRecord;
}

/** Makers of a range of a result's samples, and of their records where the result holds them. */
interface SampleRanges {
  samples: (start: number, end: number) => readonly LeadTimeSample[];
  records: ((start: number, end: number) => readonly SampleRecords[]) | undefined;
}

/** Each result's makers, for leadTimeSamplesBetween and leadTimeSampleRecordsBetween. */
const SAMPLE_RANGES = new WeakMap<LeadTimeOk, SampleRanges>();

/** The records of samples [start, end), in the same order, where the result holds them; else undefined. */
export function leadTimeSampleRecordsBetween(
  result: LeadTimeOk,
  start: number,
  end: number,
): readonly SampleRecords[] | undefined {
  return SAMPLE_RANGES.get(result)?.records?.(Math.max(0, start), Math.min(result.changes, end));
}

/**
 * Samples [start, end) of a result: a page of the changes list makes only its own sample objects,
 * unless all of them were made already.
 */
export function leadTimeSamplesBetween(
  result: LeadTimeOk,
  start: number,
  end: number,
): readonly LeadTimeSample[] {
  const ranges = SAMPLE_RANGES.get(result);
  return ranges === undefined ? result.samples.slice(start, end) : ranges.samples(start, end);
}

function leadTimeResult(
  changes: number,
  leadTimes: Float64Array,
  successfulDeployments: number,
  medians: () => LeadTimePartMedians,
  samplesOfPeriod: () => readonly LeadTimeSample[],
  samplesOfRange: (start: number, end: number) => readonly LeadTimeSample[],
  recordsOfRange?: (start: number, end: number) => readonly SampleRecords[],
): LeadTimeResult {
  if (successfulDeployments === 0) return { status: 'noDeployments' };
  const [medianMs = null, p85Ms = null] = percentilesInPlace(leadTimes, [50, 85]);
  if (medianMs === null || p85Ms === null) return { status: 'noChanges', successfulDeployments };
  let samples: readonly LeadTimeSample[] | undefined;
  const result: LeadTimeOk = {
    status: 'ok',
    changes,
    medianMs,
    p85Ms,
    partMedians: medians(),
    get samples() {
      samples ??= samplesOfPeriod();
      return samples;
    },
    reference: leadTimeBand(medianMs),
  };
  SAMPLE_RANGES.set(result, {
    samples: (start, end) => {
      const from = Math.max(0, start);
      const to = Math.max(from, Math.min(changes, end));
      return samples !== undefined ? samples.slice(from, to) : samplesOfRange(from, to);
    },
    records: recordsOfRange,
  });
  return result;
}

/** The buffer leadTimeOfRange selects in, reused from call to call (see scratch.ts). */
const SELECTION = new ScratchSpace();

/**
 * leadTimeForChanges over samples[from … to - 1] of the columns: the period's numbers are copied
 * out of the columns (a copy the quickselect may reorder); its sample objects are built only if read,
 * from copies of the index columns (the columns themselves are reused memory).
 */
export function leadTimeOfRange(
  columns: LeadTimeColumns,
  from: number,
  to: number,
  successfulDeployments: number,
): LeadTimeResult {
  if (successfulDeployments === 0) return { status: 'noDeployments' };
  const pullRequestsFrom = columns.pullRequestsBefore[from] ?? 0;
  const pullRequestsTo = columns.pullRequestsBefore[to] ?? 0;
  const commitsFrom = from - pullRequestsFrom;
  const commitsTo = to - pullRequestsTo;
  // The medians reorder a copy: one reused buffer serves every column of every period.
  const copy = (column: Float64Array, start: number, end: number): Float64Array => {
    const values = SELECTION.float64(end - start);
    values.set(column.subarray(start, end));
    return values;
  };
  const changes = columns.sampleChange.slice(from, to);
  const deployments = columns.sampleDeployment.slice(from, to);
  const { source } = columns;
  return leadTimeResult(
    to - from,
    copy(columns.leadTimeMs, from, to),
    successfulDeployments,
    () => ({
      codingMs: medianInPlace(copy(columns.codingMs, pullRequestsFrom, pullRequestsTo)),
      reviewMs: medianInPlace(copy(columns.reviewMs, pullRequestsFrom, pullRequestsTo)),
      waitingForDeploymentMs: medianInPlace(
        copy(columns.waitingForDeploymentMs, pullRequestsFrom, pullRequestsTo),
      ),
      codingToDeploymentMs: medianInPlace(copy(columns.codingToDeploymentMs, commitsFrom, commitsTo)),
    }),
    () => samplesOf(source, changes, deployments),
    (start, end) => samplesOf(source, changes.subarray(start, end), deployments.subarray(start, end)),
    (start, end) => {
      const records: SampleRecords[] = [];
      for (let n = start; n < end; n++) {
        const change = source.changes[changes[n] ?? -1];
        const deployment = source.deployments[deployments[n] ?? -1]?.record;
        if (change !== undefined && deployment !== undefined) records.push({ change, deployment });
      }
      return records;
    },
  );
}

/** Median and P85 of the lead times of the changes delivered in a period (samples whose deployment finished in it). */
export function leadTimeForChanges(
  samplesInPeriod: readonly LeadTimeSample[],
  successfulDeploymentsInPeriod: number,
): LeadTimeResult {
  const leadTimes = new Float64Array(samplesInPeriod.length);
  for (let i = 0; i < samplesInPeriod.length; i++) leadTimes[i] = samplesInPeriod[i]?.leadTimeMs ?? 0;
  return leadTimeResult(
    samplesInPeriod.length,
    leadTimes,
    successfulDeploymentsInPeriod,
    () => partMedians(samplesInPeriod),
    () => samplesInPeriod,
    (start, end) => samplesInPeriod.slice(start, end),
  );
}
