/**
 * A changed production mark changes which commits each production deployment brought, and those are
 * collected by the sync (the deployment-changes stream asks Azure DevOps about each pair of consecutive
 * production builds). Saving such a change asks for that stream at once; until a run of it that started
 * after the change has completed, delivery answers say they are pending.
 */
import type { DeliveryPending } from '../../contract/index.ts';
import type { StreamStatus } from '../../storage/tenants.ts';
import { DEPLOYMENT_CHANGES_STREAM } from '../../sync/collect/delivery/deploymentChanges.ts';

/** The streams whose stored results depend on a project's production mark. */
export const PRODUCTION_DEPENDENT_STREAMS: readonly string[] = [DEPLOYMENT_CHANGES_STREAM];

/** Brings the sync of those streams forward (the job queue, then a nudge to this instance's worker). */
export type RecomputeScheduler = (
  organization: string,
  streams: readonly string[],
  at: number,
) => Promise<void>;

/**
 * Settled once every dependent stream has completed a run that started at or after the change. A stream
 * that cannot run for want of a PAT scope settles too: nothing will be recomputed until the scope is
 * granted, and the sync-health answer says so. While a newer run is under way the previous run's start is
 * no longer known, so this says pending until that run completes (late, never early); the delivery service
 * remembers a change it has seen settled, so a later run does not bring the flag back.
 */
export function recomputationPending(
  mark: DeliveryPending | undefined,
  statuses: readonly Pick<StreamStatus, 'stream' | 'phase' | 'startedAt' | 'updatedAt'>[],
): DeliveryPending | null {
  if (mark === undefined) return null;
  const since = Date.parse(mark.since);
  const settled = PRODUCTION_DEPENDENT_STREAMS.every((stream) => {
    const status = statuses.find((entry) => entry.stream === stream);
    if (status === undefined) return false;
    if (status.phase === 'needs_scope') return status.updatedAt >= since;
    return status.phase === 'done' && status.startedAt !== null && status.startedAt >= since;
  });
  return settled ? null : mark;
}
