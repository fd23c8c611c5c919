/**
 * A request's filters checked against the team's data (an area path outside the team, a type the team
 * does not measure), and the engine input they become.
 */
import type { AppliedFilters } from '../../contract/index.ts';
import type { TeamScope } from '../../domain/records.ts';
import type { BoardColumnChange, FlowFilter, FlowMetricsInput, TeamFlowConfig } from '../../metrics/index.ts';
import { isAreaPathCovered } from '../../metrics/index.ts';
import { sprintsOverlapping } from './board.ts';
import { invalidParameter } from './errors.ts';
import type { TeamFlowData } from './teamData.ts';

export interface FilterParams {
  workItemTypes?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
  tagMatch?: 'any' | 'all' | undefined;
  areaPath?: string | undefined;
}

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');

/** The types the team measures: its settings' list, else its backlog types. */
export function measuredTypes(scope: TeamScope, config: TeamFlowConfig): readonly string[] {
  return config.workItemTypes ?? scope.backlogWorkItemTypes;
}

export function resolveFilters(
  params: FilterParams,
  scope: TeamScope,
  config: TeamFlowConfig,
): { filter: FlowFilter; applied: AppliedFilters } {
  const teamTypes = measuredTypes(scope, config);
  const known = new Map(teamTypes.map((type) => [type.toLowerCase(), type]));
  const types = (params.workItemTypes ?? []).map((type) => {
    const found = known.get(type.toLowerCase());
    if (found === undefined) {
      throw invalidParameter(
        'workItemTypes',
        `names "${type}", which is not one of the team's work item types (${quoted(teamTypes)})`,
      );
    }
    return found;
  });
  const { areaPath } = params;
  if (
    areaPath !== undefined &&
    !scope.values.some((value) => isAreaPathCovered(areaPath, value.value, value.includeChildren))
  ) {
    throw invalidParameter(
      'areaPath',
      `must be at or below one of the team's area paths (${quoted(scope.values.map((value) => value.value))})`,
    );
  }
  const tags = [...(params.tags ?? [])];
  const tagMatch = params.tagMatch ?? 'any';
  return {
    filter: {
      ...(types.length > 0 ? { workItemTypes: types } : {}),
      ...(tags.length > 0 ? { tags, tagMatch } : {}),
      ...(areaPath === undefined ? {} : { areaPath }),
    },
    applied: { workItemTypes: types, tags, tagMatch, areaPath: areaPath ?? null },
  };
}

/** Whether the engine needs board-column moves: for column boundaries, or for the column CFD. */
export function needsColumnHistory(config: TeamFlowConfig, forColumnChart: boolean): boolean {
  return forColumnChart || config.startPoint.kind === 'boardColumn' || config.endPoint.kind === 'boardColumn';
}

export function engineInput(
  data: TeamFlowData,
  config: TeamFlowConfig,
  filter: FlowFilter,
  range: { fromDay: string; toDay: string; basisDay?: string | undefined },
  columnHistory?: ReadonlyMap<number, readonly BoardColumnChange[]>,
): FlowMetricsInput {
  return {
    items: data.items,
    workflow: data.workflow,
    scope: data.scope,
    config,
    fromDay: range.fromDay,
    toDay: range.toDay,
    ...(range.basisDay === undefined ? {} : { basisDay: range.basisDay }),
    filter,
    sprints: sprintsOverlapping(data.sprints, range.fromDay, range.toDay),
    ...(data.board === undefined ? {} : { layout: data.board.layout }),
    ...(columnHistory === undefined ? {} : { boardColumns: columnHistory }),
  };
}
