import { describe, expect, it } from 'vitest';
import type { TeamScope } from '../../../../service/src/domain/records.ts';
import {
  isAreaPathCovered,
  isInTeamScope,
  normaliseAreaPath,
} from '../../../../service/src/metrics/flow/scope.ts';
import { flowItem, webTeam } from './fixtures.ts';

const exactOnly: TeamScope = {
  field: 'System.AreaPath',
  values: [
    { value: 'Fabrikam\\Web', includeChildren: false },
    { value: 'Fabrikam\\Mobile\\iOS', includeChildren: true },
  ],
  backlogWorkItemTypes: ['User Story'],
};

function record(areaPath: string, type = 'User Story') {
  return flowItem({ id: 1, type, areaPath, history: [['2026-03-01T00:00Z', 'New']] }).item;
}

describe('isInTeamScope', () => {
  it.each([
    {
      name: 'the team area itself',
      scope: webTeam,
      path: 'Fabrikam\\Web',
      type: 'User Story',
      inScope: true,
    },
    {
      name: 'a child area with includeChildren',
      scope: webTeam,
      path: 'Fabrikam\\Web\\Checkout',
      type: 'Bug',
      inScope: true,
    },
    {
      name: 'a grandchild area',
      scope: webTeam,
      path: 'Fabrikam\\Web\\Checkout\\Pay',
      type: 'Bug',
      inScope: true,
    },
    { name: 'area case differs', scope: webTeam, path: 'FABRIKAM\\web', type: 'User Story', inScope: true },
    { name: 'type case differs', scope: webTeam, path: 'Fabrikam\\Web', type: 'user story', inScope: true },
    {
      name: 'a sibling whose name starts the same',
      scope: webTeam,
      path: 'Fabrikam\\Website',
      type: 'Bug',
      inScope: false,
    },
    { name: 'the parent area', scope: webTeam, path: 'Fabrikam', type: 'Bug', inScope: false },
    {
      name: 'a type not on the backlogs',
      scope: webTeam,
      path: 'Fabrikam\\Web',
      type: 'Task',
      inScope: false,
    },
    {
      name: 'a child without includeChildren',
      scope: exactOnly,
      path: 'Fabrikam\\Web\\Checkout',
      type: 'User Story',
      inScope: false,
    },
    {
      name: 'exact match without includeChildren',
      scope: exactOnly,
      path: 'Fabrikam\\Web',
      type: 'User Story',
      inScope: true,
    },
    {
      name: 'the second team field value',
      scope: exactOnly,
      path: 'Fabrikam\\Mobile\\iOS\\Widgets',
      type: 'User Story',
      inScope: true,
    },
    {
      name: 'bugs off: Bug not in scope',
      scope: exactOnly,
      path: 'Fabrikam\\Web',
      type: 'Bug',
      inScope: false,
    },
    {
      name: 'no team field values',
      scope: { ...webTeam, values: [] },
      path: 'Fabrikam\\Web',
      type: 'Bug',
      inScope: false,
    },
  ])('$name → $inScope', ({ scope, path, type, inScope }) => {
    expect(isInTeamScope(record(path, type), scope)).toBe(inScope);
  });
});

describe('area path helpers', () => {
  it.each([
    { path: '\\Fabrikam\\Web\\', normalised: 'fabrikam\\web' },
    { path: 'Fabrikam', normalised: 'fabrikam' },
    { path: '', normalised: '' },
  ])('normaliseAreaPath($path)', ({ path, normalised }) => {
    expect(normaliseAreaPath(path)).toBe(normalised);
  });

  it.each([
    { path: 'A\\B\\C', value: 'a\\b', children: true, covered: true },
    { path: 'A\\B\\C', value: 'a\\b', children: false, covered: false },
    { path: 'A\\BC', value: 'A\\B', children: true, covered: false },
    { path: 'A\\B', value: 'A\\B\\', children: false, covered: true },
  ])('isAreaPathCovered($path, $value, $children) = $covered', ({ path, value, children, covered }) => {
    expect(isAreaPathCovered(path, value, children)).toBe(covered);
  });
});
