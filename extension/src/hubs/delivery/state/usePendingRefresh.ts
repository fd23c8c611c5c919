import { useEffect } from 'react';
import type { DeliveryPending } from '../../../../../service/src/contract/delivery/responses.ts';
import { useQueryClient } from '../../../data/useQuery.ts';
import { DELIVERY_KEY_PREFIX } from './deliveryQueries.ts';

/** How often figures are asked again while a recomputation is pending (the sync usually takes seconds). */
export const PENDING_REFRESH_MS = 5_000;

/** The answers whose figures a recomputation changes: everything but the settings and their preview. */
const FIGURE_KEYS = ['summary', 'trend', 'deployments', 'changes', 'incidents'].map(
  (name) => `${DELIVERY_KEY_PREFIX}-${name}:`,
);

/**
 * While the answer says a production-mark change awaits its recomputation, asks for the figures again
 * every few seconds (the ETag changes when it settles, so an unchanged answer costs a 304), until an
 * answer is no longer pending.
 */
export function usePendingRefresh(pending: DeliveryPending | null | undefined): void {
  const queryClient = useQueryClient();
  const since = pending?.since ?? null;
  useEffect(() => {
    if (since === null) return undefined;
    const timer = setInterval(() => {
      for (const prefix of FIGURE_KEYS) queryClient.invalidate(prefix);
    }, PENDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [queryClient, since]);
}
