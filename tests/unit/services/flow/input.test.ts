import { describe, expect, it } from 'vitest';
import type { TeamScope } from '../../../../service/src/domain/records.ts';
import { DEFAULT_TEAM_FLOW_CONFIG } from '../../../../service/src/metrics/index.ts';
import { FlowRequestError } from '../../../../service/src/services/flow/errors.ts';
import { needsColumnHistory, resolveFilters } from '../../../../service/src/services/flow/input.ts';

const scope: TeamScope = {
  field: 'System.AreaPath',
  values: [
    { value: 'P\\Web', includeChildren: true },
    { value: 'P\\Ops', includeChildren: false },
  ],
  backlogWorkItemTypes: ['User Story', 'Bug'],
};

function rejected(run: () => unknown): FlowRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof FlowRequestError) return error;
    throw error;
  }
  throw new Error('expected a FlowRequestError');
}

describe('resolveFilters', () => {
  it("echoes the filters with the team's spelling of types and defaults", () => {
    const { filter, applied } = resolveFilters(
      { workItemTypes: ['bug'], tags: ['x'], areaPath: 'p\\web\\checkout' },
      scope,
      DEFAULT_TEAM_FLOW_CONFIG,
    );
    expect(applied).toEqual({
      workItemTypes: ['Bug'],
      tags: ['x'],
      tagMatch: 'any',
      areaPath: 'p\\web\\checkout',
    });
    expect(filter).toEqual({
      workItemTypes: ['Bug'],
      tags: ['x'],
      tagMatch: 'any',
      areaPath: 'p\\web\\checkout',
    });
    expect(resolveFilters({}, scope, DEFAULT_TEAM_FLOW_CONFIG)).toEqual({
      filter: {},
      applied: { workItemTypes: [], tags: [], tagMatch: 'any', areaPath: null },
    });
  });

  it.each([
    [{ areaPath: 'P\\Web' }, true],
    [{ areaPath: '\\P\\Web\\Deep\\' }, true],
    [{ areaPath: 'P\\Ops' }, true],
    [{ areaPath: 'P\\Ops\\Child' }, false],
    [{ areaPath: 'P\\Website' }, false],
    [{ areaPath: 'P' }, false],
  ])('area path %j inside the team: %s', (params, allowed) => {
    const run = () => resolveFilters(params, scope, DEFAULT_TEAM_FLOW_CONFIG);
    if (allowed) expect(run).not.toThrow();
    else expect(rejected(run).parameter).toBe('areaPath');
  });

  it("refuses types the team does not measure (its settings' types replace the backlog's)", () => {
    expect(
      rejected(() => resolveFilters({ workItemTypes: ['Task'] }, scope, DEFAULT_TEAM_FLOW_CONFIG)).message,
    ).toBe(
      'Parameter "workItemTypes" names "Task", which is not one of the team\'s work item types ("User Story", "Bug").',
    );
    const tasks = { ...DEFAULT_TEAM_FLOW_CONFIG, workItemTypes: ['Task'] };
    expect(resolveFilters({ workItemTypes: ['task'] }, scope, tasks).applied.workItemTypes).toEqual(['Task']);
    expect(rejected(() => resolveFilters({ workItemTypes: ['Bug'] }, scope, tasks)).parameter).toBe(
      'workItemTypes',
    );
  });
});

describe('needsColumnHistory', () => {
  it('loads column moves only for the column chart or a column boundary', () => {
    expect(needsColumnHistory(DEFAULT_TEAM_FLOW_CONFIG, false)).toBe(false);
    expect(needsColumnHistory(DEFAULT_TEAM_FLOW_CONFIG, true)).toBe(true);
    const column = {
      ...DEFAULT_TEAM_FLOW_CONFIG,
      endPoint: { kind: 'boardColumn' as const, column: 'Done' },
    };
    expect(needsColumnHistory(column, false)).toBe(true);
  });
});
