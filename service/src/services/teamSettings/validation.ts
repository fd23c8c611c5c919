/**
 * Team settings checked against the synchronised workflow and board: every state, column and type they
 * name must exist. Errors name the body field (e.g. startPoint.states.0) and list what would be valid.
 */
import type { FlowBoundarySetting, TeamFlowSettings } from '../../contract/index.ts';
import type { WorkflowStateMap } from '../../domain/workflow.ts';
import type { TeamBoard } from '../flow/board.ts';
import { invalidParameter } from '../flow/errors.ts';

export interface SettingsOptions {
  workflow: WorkflowStateMap;
  board: TeamBoard | undefined;
}

const listed = (names: readonly string[]): string =>
  names.length === 0 ? 'none are synchronised' : names.map((name) => `"${name}"`).join(', ');

export function stateNames(workflow: WorkflowStateMap): string[] {
  return [...new Set([...workflow.values()].flatMap((states) => [...states.keys()]))].sort();
}

export function typeNames(workflow: WorkflowStateMap): string[] {
  return [...workflow.keys()].sort();
}

/** Boundary states must match exactly (the engine compares names as given); a case slip gets a hint. */
function checkState(name: string, known: readonly string[], field: string): void {
  if (known.includes(name)) return;
  const near = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  throw invalidParameter(
    field,
    near === undefined
      ? `names "${name}", which is not a state of any work item type in the project (${listed(known)})`
      : `names "${name}"; the state is spelled "${near}"`,
  );
}

function checkBoundary(
  boundary: FlowBoundarySetting,
  field: 'startPoint' | 'endPoint',
  states: readonly string[],
  board: TeamBoard | undefined,
): number {
  if (boundary.kind === 'state') {
    boundary.states.forEach((state, index) => checkState(state, states, `${field}.states.${index}`));
    return -1;
  }
  if (boundary.kind === 'category') return -1;
  if (board === undefined) {
    throw invalidParameter(
      `${field}.column`,
      "names a board column, but the team's board is not synchronised",
    );
  }
  const rank = board.columns.indexOf(boundary.column);
  if (rank < 0) {
    throw invalidParameter(
      `${field}.column`,
      `names "${boundary.column}", which is not a column of the board "${board.name}" (${listed(board.columns)})`,
    );
  }
  return rank;
}

export function validateTeamSettings(settings: TeamFlowSettings, options: SettingsOptions): void {
  const states = stateNames(options.workflow);
  const startRank = checkBoundary(settings.startPoint, 'startPoint', states, options.board);
  const endRank = checkBoundary(settings.endPoint, 'endPoint', states, options.board);
  if (startRank >= 0 && endRank >= 0 && endRank <= startRank) {
    throw invalidParameter('endPoint.column', 'must be a column to the right of the start column');
  }
  const lowerStates = new Set(states.map((state) => state.toLowerCase()));
  settings.waitingStates.forEach((state, index) => {
    // Flow efficiency compares waiting states case-insensitively.
    if (!lowerStates.has(state.toLowerCase())) {
      throw invalidParameter(
        `waitingStates.${index}`,
        `names "${state}", which is not a state of any work item type in the project (${listed(states)})`,
      );
    }
  });
  const types = typeNames(options.workflow);
  const lowerTypes = new Set(types.map((type) => type.toLowerCase()));
  (settings.workItemTypes ?? []).forEach((type, index) => {
    if (!lowerTypes.has(type.toLowerCase())) {
      throw invalidParameter(
        `workItemTypes.${index}`,
        `names "${type}", which is not a work item type of the project (${listed(types)})`,
      );
    }
  });
}
