/** The Sprints tab's data, through the hubs' one data layer and the one typed client. */
import type { TeamPath } from '../../../../../service/src/contract/index.ts';
import type {
  SprintOutlookResponse,
  SprintPath,
  SprintTargetsResponse,
  TeamSprintsResponse,
} from '../../../../../service/src/contract/targets/sprintTargets.ts';
import type {
  SprintReviewResponse,
  TargetHistoryResponse,
} from '../../../../../service/src/contract/targets/review.ts';
import type { TargetSuggestionsResponse } from '../../../../../service/src/contract/targets/suggestions.ts';
import type { AccessCapabilitiesResponse } from '../../../../../service/src/contract/access/capabilities.ts';
import type { SeikaClient } from '../../../api/seikaClient.ts';
import type { QueryState } from '../../../data/queryClient.ts';
import { queryKey, useQuery } from '../../../data/useQuery.ts';

export type Query<T> = QueryState<T> & { refetch: () => void };

export function useTeamSprints(client: SeikaClient, team: TeamPath): Query<TeamSprintsResponse> {
  return useQuery(queryKey('sprints', team), (signal) => client.getTeamSprints(team, signal));
}

export function useSprintTargets(
  client: SeikaClient,
  sprint: SprintPath | null,
): Query<SprintTargetsResponse> {
  return useQuery(sprint === null ? null : queryKey('sprintTargets', sprint), (signal) =>
    sprint === null ? Promise.reject(new Error('no sprint')) : client.getSprintTargets(sprint, signal),
  );
}

export function useSprintOutlook(
  client: SeikaClient,
  sprint: SprintPath | null,
): Query<SprintOutlookResponse> {
  return useQuery(sprint === null ? null : queryKey('sprintOutlook', sprint), (signal) =>
    sprint === null ? Promise.reject(new Error('no sprint')) : client.getSprintOutlook(sprint, signal),
  );
}

export function useTargetSuggestions(
  client: SeikaClient,
  sprint: SprintPath | null,
): Query<TargetSuggestionsResponse> {
  return useQuery(sprint === null ? null : queryKey('targetSuggestions', sprint), (signal) =>
    sprint === null ? Promise.reject(new Error('no sprint')) : client.getTargetSuggestions(sprint, signal),
  );
}

export function useCapabilities(client: SeikaClient, team: TeamPath): Query<AccessCapabilitiesResponse> {
  return useQuery(queryKey('capabilities', team), (signal) =>
    client.getAccessCapabilities(team.organization, { project: team.project, team: team.team }, signal),
  );
}

export function useSprintReview(
  client: SeikaClient,
  sprint: SprintPath | null,
  enabled: boolean,
): Query<SprintReviewResponse> {
  return useQuery(sprint === null || !enabled ? null : queryKey('sprintReview', sprint), (signal) =>
    sprint === null ? Promise.reject(new Error('no sprint')) : client.getSprintReview(sprint, signal),
  );
}

export function useTargetHistory(client: SeikaClient, team: TeamPath): Query<TargetHistoryResponse> {
  return useQuery(queryKey('targetHistory', team), (signal) => client.getTargetHistory(team, signal));
}
