import type { TeamPath } from '../../../../service/src/contract/index.ts';
import type {
  SprintOutlookResponse,
  TeamSprintsResponse,
} from '../../../../service/src/contract/targets/sprintTargets.ts';
import { SeikaApiError, type SeikaClient } from '../../api/seikaClient.ts';

type Sprint = TeamSprintsResponse['sprints'][number];

/** What the widget shows: one designed state per situation a dashboard can be in. */
export type WidgetView =
  | { kind: 'noCurrentSprint' }
  | { kind: 'noTargets'; sprint: Sprint; goal: string }
  | { kind: 'outcomes'; sprint: Sprint; goal: string; outlook: SprintOutlookResponse }
  | { kind: 'notConnected' }
  /** `error`: what the call threw, worded in the dashboard's language where it is shown. */
  | { kind: 'failed'; error: unknown };

/**
 * Asks what the Outcomes tab asks, in the same order: the team's sprints (which one is current, in the
 * team's time zone), then that sprint's outlook and its goal together. Each dashboard load asks afresh:
 * the dashboard's own refresh is what keeps a widget current, so nothing is cached between loads.
 */
export async function loadWidgetView(
  client: Pick<SeikaClient, 'getTeamSprints' | 'getSprintOutlook' | 'getSprintTargets'>,
  team: TeamPath,
  signal: AbortSignal,
): Promise<WidgetView> {
  try {
    const { sprints } = await client.getTeamSprints(team, signal);
    const sprint = sprints.find((candidate) => candidate.current);
    if (sprint === undefined) return { kind: 'noCurrentSprint' };
    const path = { ...team, iterationId: sprint.id };
    const [outlook, targets] = await Promise.all([
      client.getSprintOutlook(path, signal),
      client.getSprintTargets(path, signal),
    ]);
    const goal = targets.targets.goal.text;
    return outlook.targets.length === 0
      ? { kind: 'noTargets', sprint, goal }
      : { kind: 'outcomes', sprint, goal, outlook };
  } catch (error) {
    if (error instanceof SeikaApiError && error.code === 'organization_not_connected') {
      return { kind: 'notConnected' };
    }
    return { kind: 'failed', error };
  }
}

/** How many targets fit: two rows of cells hold three, a wider widget two columns of three. */
export function targetsThatFit(columnSpan: number): number {
  return columnSpan >= 4 ? 6 : 3;
}

/**
 * The Outcomes tab for the dashboard's team. The Sprints page names an extension's tab by its full
 * contribution id in the path (`_sprints/{tab}/{team}`); with no iteration path it opens the current sprint.
 */
export function outcomesTabUrl(organization: string, team: TeamPath, tabContributionId: string): string {
  const segment = (value: string) => encodeURIComponent(value);
  return `https://dev.azure.com/${segment(organization)}/${segment(team.project)}/_sprints/${segment(tabContributionId)}/${segment(team.team)}`;
}
