/**
 * Loads what one team's flow answers need: the team's items with their state history (read by area path
 * and type, not the project's), the workflow, the team's scope, sprints and board, and board-column moves.
 */
import type { FlowItem, TeamScope } from '../../domain/records.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import type { BoardColumnChange } from '../../metrics/index.ts';
import type { ItemSelection, SeikaRepository } from '../../storage/repository.ts';
import { isAreaPathCovered } from '../../metrics/index.ts';
import { NotFoundError } from '../errors.ts';
import { FlowRequestError } from './errors.ts';
import type { DatedSprint, PickedTeamBoard } from './board.ts';
import { datedSprints, pickTeamBoard } from './board.ts';

export interface TeamFlowData {
  scope: TeamScope;
  workflow: WorkflowStateMap;
  items: readonly FlowItem[];
  sprints: DatedSprint[];
  board: PickedTeamBoard | undefined;
  /** The stored values the team's items were read by (for reading their column moves alike). */
  selection: ItemSelection;
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

/**
 * The exact stored area paths and types of the team's items: a pair belongs to the team when its area
 * path is covered by a team field value and its type is measured (the engine's scope rule, decided once
 * per distinct value). Area paths and types are independent, so their cross product is the team.
 */
export async function teamSelection(
  repository: SeikaRepository,
  key: TeamKey,
  scope: TeamScope,
  measuredTypes: readonly string[],
): Promise<ItemSelection> {
  const kinds = await repository.getItemKinds(key.organization, key.project);
  const wanted = new Set(measuredTypes.map((type) => type.toLowerCase()));
  const areaPaths = new Set<string>();
  const workItemTypes = new Set<string>();
  for (const { areaPath, workItemType } of kinds) {
    if (wanted.has(workItemType.toLowerCase())) workItemTypes.add(workItemType);
    if (scope.values.some((value) => isAreaPathCovered(areaPath, value.value, value.includeChildren))) {
      areaPaths.add(areaPath);
    }
  }
  return { areaPaths: [...areaPaths], workItemTypes: [...workItemTypes] };
}

/** The team's own items (index reads, never the whole project), its workflow, sprints and board. */
export async function loadTeamFlowData(
  repository: SeikaRepository,
  key: TeamKey,
  measuredTypes: readonly string[] | null,
): Promise<TeamFlowData> {
  const { organization, project, team } = key;
  const scope = await requireTeamScope(repository, key);
  const selection = await teamSelection(repository, key, scope, measuredTypes ?? scope.backlogWorkItemTypes);
  const [workflow, items, iterations, columns, syncedAt] = await Promise.all([
    repository.getWorkflow(organization, project),
    repository.getSelectedFlowItems(organization, project, selection),
    repository.getTeamIterations(organization, project, team),
    repository.getBoardColumns(organization, project, team),
    repository.lastSuccessfulSync(organization),
  ]);
  return {
    scope,
    selection,
    workflow,
    items,
    sprints: datedSprints(iterations),
    board: pickTeamBoard(columns, measuredTypes ?? scope.backlogWorkItemTypes),
    syncedAt: syncedAt ?? null,
  };
}

/** Board-column moves of the team's items, for column metrics or column boundaries only. */
export function loadTeamColumnHistory(
  repository: SeikaRepository,
  key: TeamKey,
  data: TeamFlowData,
): Promise<ReadonlyMap<number, readonly BoardColumnChange[]>> {
  return repository.getSelectedColumnHistory(key.organization, key.project, data.selection);
}
