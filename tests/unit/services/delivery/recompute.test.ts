import { describe, expect, it } from 'vitest';
import type { DeliveryPending } from '../../../../service/src/contract/index.ts';
import {
  PRODUCTION_DEPENDENT_STREAMS,
  recomputationPending,
} from '../../../../service/src/services/delivery/recompute.ts';
import type { StreamPhase } from '../../../../service/src/storage/tenants.ts';
import { DEPLOYMENT_CHANGES_STREAM } from '../../../../service/src/sync/collect/delivery/deploymentChanges.ts';

const CHANGED = Date.parse('2026-06-01T10:00:00Z');
const MARK: DeliveryPending = { since: new Date(CHANGED).toISOString(), reason: 'productionRuleChanged' };

const status = (phase: StreamPhase, startedAt: number | null, updatedAt = (startedAt ?? CHANGED) + 1000) => ({
  stream: DEPLOYMENT_CHANGES_STREAM,
  phase,
  startedAt,
  updatedAt,
});

describe('services/delivery/recompute', () => {
  it('depends on the deployment-changes stream, the one that reads the production mark', () => {
    expect(PRODUCTION_DEPENDENT_STREAMS).toEqual([DEPLOYMENT_CHANGES_STREAM]);
  });

  it('is never pending without a recorded change', () => {
    expect(recomputationPending(undefined, [])).toBeNull();
  });

  it.each([
    { case: 'the stream never ran', statuses: [], pending: true },
    {
      case: 'its last run started before the change',
      statuses: [status('done', CHANGED - 1)],
      pending: true,
    },
    {
      case: 'a run started after the change is still collecting',
      statuses: [status('collecting', CHANGED + 5)],
      pending: true,
    },
    {
      case: 'a run started after the change failed',
      statuses: [status('failed', CHANGED + 5)],
      pending: true,
    },
    { case: 'a run started at the change completed', statuses: [status('done', CHANGED)], pending: false },
    {
      case: 'a run started after the change completed',
      statuses: [status('done', CHANGED + 5)],
      pending: false,
    },
    {
      case: 'the stream needs a scope, seen after the change',
      statuses: [status('needs_scope', CHANGED + 5)],
      pending: false,
    },
    {
      case: 'the stream needed a scope before the change',
      statuses: [status('needs_scope', CHANGED - 10, CHANGED - 5)],
      pending: true,
    },
    {
      case: 'only other streams ran after the change',
      statuses: [{ ...status('done', CHANGED + 5), stream: 'builds' }],
      pending: true,
    },
  ])('$case → pending $pending', ({ statuses, pending }) => {
    expect(recomputationPending(MARK, statuses)).toEqual(pending ? MARK : null);
  });
});
