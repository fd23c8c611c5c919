import type {
  FlowQuery,
  FlowSummaryResponse,
  HowManyQuery,
  HowManyResponse,
  TeamPath,
  TeamSettingsResponse,
  WhenQuery,
  WhenResponse,
} from '../../../../../service/src/contract/index.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import { addDays } from '../../../format/calendar.ts';
import type { QueryState } from '../../../data/queryClient.ts';
import { queryKey, useQuery } from '../../../data/useQuery.ts';

/**
 * The Flow hub's requests through the shared query layer. One summary request carries every chart of a
 * range and filter set; settings (time zone, options) and forecasts are separate keys.
 */

type Query<T> = QueryState<T> & { refetch: () => void };

export function useTeamSettings(client: SeikaClient, team: TeamPath): Query<TeamSettingsResponse> {
  return useQuery(queryKey('settings', team), (signal) => client.getTeamSettings(team, signal));
}

export function useFlowSummary(
  client: SeikaClient,
  team: TeamPath,
  query: FlowQuery | null,
): Query<FlowSummaryResponse> {
  return useQuery(query === null ? null : queryKey('summary', { team, query }), (signal) =>
    client.getFlowSummary(team, query ?? { from: '', to: '' }, signal),
  );
}

export function useHowMany(
  client: SeikaClient,
  team: TeamPath,
  query: HowManyQuery | null,
): Query<HowManyResponse> {
  return useQuery(query === null ? null : queryKey('howMany', { team, query }), (signal) =>
    client.getHowManyForecast(team, query ?? { by: '' }, signal),
  );
}

export function useWhen(client: SeikaClient, team: TeamPath, query: WhenQuery | null): Query<WhenResponse> {
  return useQuery(query === null ? null : queryKey('when', { team, query }), (signal) =>
    client.getWhenForecast(team, query ?? { items: 1 }, signal),
  );
}

/**
 * The Overview's "next two weeks" forecast. FlowHub asks for it beside the summary (same key as the
 * Overview's own request), so the first view stays at two round trips.
 */
export function overviewForecastQuery(teamToday: string, types: readonly string[]): HowManyQuery {
  return { by: addDays(teamToday, 14), ...(types.length > 0 ? { workItemTypes: [...types] } : {}) };
}
