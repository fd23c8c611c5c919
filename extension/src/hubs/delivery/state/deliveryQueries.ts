import type {
  DeliveryChangesResponse,
  DeliveryDeploymentsResponse,
  DeliveryIncidentsResponse,
} from '../../../../../service/src/contract/delivery/items.ts';
import type {
  DeliveryPath,
  DeliveryQuery,
  ProjectPath,
} from '../../../../../service/src/contract/delivery/query.ts';
import type {
  DeliverySummaryResponse,
  DeliveryTrendResponse,
} from '../../../../../service/src/contract/delivery/responses.ts';
import type { DeliverySettingsResponse } from '../../../../../service/src/contract/delivery/settings.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import type { QueryState } from '../../../data/queryClient.ts';
import { queryKey, useQuery } from '../../../data/useQuery.ts';

/**
 * The Delivery hub's requests through the shared query layer. Settings first (the time zone that decides
 * "today"), then the summary, the trend and the calendar's deployments in parallel.
 */

type Query<T> = QueryState<T> & { refetch: () => void };

/** Key prefix of every delivery answer, so saving settings can invalidate them all. */
export const DELIVERY_KEY_PREFIX = 'delivery';

export type DrillKind = 'deployments' | 'changes' | 'incidents';

export function useDeliverySettings(
  client: SeikaClient,
  project: ProjectPath,
): Query<DeliverySettingsResponse> {
  return useQuery(queryKey(`${DELIVERY_KEY_PREFIX}-settings`, project), (signal) =>
    client.getDeliverySettings(project, signal),
  );
}

export function useDeliverySummary(
  client: SeikaClient,
  path: DeliveryPath,
  query: DeliveryQuery | null,
): Query<DeliverySummaryResponse> {
  return useQuery(
    query === null ? null : queryKey(`${DELIVERY_KEY_PREFIX}-summary`, { path, query }),
    (signal) => client.getDeliverySummary(path, query ?? { from: '', to: '' }, signal),
  );
}

export function useDeliveryTrend(
  client: SeikaClient,
  path: DeliveryPath,
  query: DeliveryQuery | null,
): Query<DeliveryTrendResponse> {
  return useQuery(
    query === null ? null : queryKey(`${DELIVERY_KEY_PREFIX}-trend`, { path, query }),
    (signal) => client.getDeliveryTrend(path, query ?? { from: '', to: '' }, signal),
  );
}

/** A drill-down page: the range plus offset and limit. */
export type PageQuery = DeliveryQuery & { offset: number; limit: number };

function pageKey(kind: DrillKind, path: DeliveryPath, query: PageQuery | null): string | null {
  return query === null ? null : queryKey(`${DELIVERY_KEY_PREFIX}-${kind}`, { path, query });
}

const noPage: PageQuery = { from: '', to: '', offset: 0, limit: 1 };

export function useDeployments(
  client: SeikaClient,
  path: DeliveryPath,
  query: PageQuery | null,
): Query<DeliveryDeploymentsResponse> {
  return useQuery(pageKey('deployments', path, query), (signal) =>
    client.getDeliveryDeployments(path, query ?? noPage, signal),
  );
}

export function useChanges(
  client: SeikaClient,
  path: DeliveryPath,
  query: PageQuery | null,
): Query<DeliveryChangesResponse> {
  return useQuery(pageKey('changes', path, query), (signal) =>
    client.getDeliveryChanges(path, query ?? noPage, signal),
  );
}

export function useIncidents(
  client: SeikaClient,
  path: DeliveryPath,
  query: PageQuery | null,
): Query<DeliveryIncidentsResponse> {
  return useQuery(pageKey('incidents', path, query), (signal) =>
    client.getDeliveryIncidents(path, query ?? noPage, signal),
  );
}
