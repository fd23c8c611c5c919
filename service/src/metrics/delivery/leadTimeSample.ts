/** A change's lead time as one delivered sample: the shapes leadTime.ts and leadTimeColumns.ts share. */

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

/** value, kept within [low, high]. */
export function within(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
