/**
 * Loads what one team's flow answers need, once per request: the project's items with their state
 * history, the workflow, the team's scope, sprints and board, and (only when asked) board-column moves.
 */
import type { FlowItem, TeamScope } from '../../domain/records.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import type { BoardColumnChange } from '../../metrics/index.ts';
import type { SeikaRepository } from '../../storage/repository.ts';
import { NotFoundError } from '../errors.ts';
import { FlowRequestError } from './errors.ts';
import type { DatedSprint, TeamBoard } from './board.ts';
import { datedSprints, pickTeamBoard } from './board.ts';

export interface TeamFlowData {
  scope: TeamScope;
  workflow: WorkflowStateMap;
  items: readonly FlowItem[];
  sprints: DatedSprint[];
  board: TeamBoard | undefined;
  /** Board-column moves per item id; loaded only for column metrics or column boundaries. */
  columnHistory: ReadonlyMap<number, readonly BoardColumnChange[]> | undefined;
  syncedAt: string | null;
}

export interface TeamKey {
  organization: string;
  project: string;
  team: string;
}

export function teamNotSynchronised(key: TeamKey): NotFoundError {
  return new NotFoundError(
    `Team "${key.team}" in project "${key.project}" has not been synchronised yet; ` +
      'check the names or wait for the first sync to finish.',
  );
}

/** The team field of inherited processes (every Azure DevOps Services team): teams own area paths. */
export const AREA_PATH_FIELD = 'System.AreaPath';

/**
 * The team's scope, or a 404 naming the team. A team scoped by a custom team field is refused with 422:
 * its items would be matched against area paths and the answer would be quietly wrong.
 */
export async function requireTeamScope(repository: SeikaRepository, key: TeamKey): Promise<TeamScope> {
  const scope = await repository.getTeamScope(key.organization, key.project, key.team);
  if (scope === undefined) throw teamNotSynchronised(key);
  if (scope.field.toLowerCase() !== AREA_PATH_FIELD.toLowerCase()) {
    throw new FlowRequestError(
      'unsupported_team_field',
      `Team "${key.team}" in project "${key.project}" is scoped by the custom team field "${scope.field}" ` +
        '(a Hosted XML or on-premises process). Seika scopes teams by area path only, so it cannot measure ' +
        'this team without giving wrong numbers.',
    );
  }
  return scope;
}

export async function loadTeamFlowData(
  repository: SeikaRepository,
  key: TeamKey,
  scope: TeamScope,
  options: { measuredTypes: readonly string[] | null; columnHistory: boolean },
): Promise<TeamFlowData> {
  const { organization, project, team } = key;
  const [workflow, items, iterations, columns, columnHistory, syncedAt] = await Promise.all([
    repository.getWorkflow(organization, project),
    repository.getFlowItems(organization, project),
    repository.getTeamIterations(organization, project, team),
    repository.getBoardColumns(organization, project, team),
    options.columnHistory ? repository.getBoardColumnHistory(organization, project) : undefined,
    repository.lastSuccessfulSync(organization),
  ]);
  return {
    scope,
    workflow,
    items,
    sprints: datedSprints(iterations),
    board: pickTeamBoard(columns, options.measuredTypes ?? scope.backlogWorkItemTypes),
    columnHistory,
    syncedAt: syncedAt ?? null,
  };
}
