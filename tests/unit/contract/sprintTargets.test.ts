import { describe, expect, it } from 'vitest';
import {
  REFUSED_TARGET_KINDS,
  refusedTargetOf,
  sprintPathSchema,
  sprintTargetsSchema,
} from '../../../service/src/contract/targets/sprintTargets.ts';

describe('sprint targets contract', () => {
  it.each<[string, unknown, { index: number; kind: string } | undefined]>([
    ['no body', undefined, undefined],
    ['no targets', { goal: { text: 'Ship checkout' } }, undefined],
    ['outcome targets only', { targets: [{ kind: 'itemsFinished', atLeast: 5 }] }, undefined],
    [
      'a target per person',
      { targets: [{ kind: 'goalItemsDone' }, { kind: 'perPerson' }] },
      { index: 1, kind: 'perPerson' },
    ],
    ['hours', { targets: [{ kind: 'hours', atLeast: 40 }] }, { index: 0, kind: 'hours' }],
    ['attendance', { targets: [{ kind: 'attendance' }] }, { index: 0, kind: 'attendance' }],
    ['activity counts', { targets: [{ kind: 'activityCount' }] }, { index: 0, kind: 'activityCount' }],
    ['an inherited property name is not a kind', { targets: [{ kind: 'toString' }] }, undefined],
  ])('refuses by kind: %s', (_name, body, expected) => {
    const refused = refusedTargetOf(body);
    expect(refused === undefined ? undefined : { index: refused.index, kind: refused.kind }).toEqual(
      expected,
    );
    if (refused !== undefined) expect(refused.reason).toBe(REFUSED_TARGET_KINDS[refused.kind]);
  });

  it('fills defaults and validates each target', () => {
    expect(sprintTargetsSchema.parse({})).toEqual({
      goal: { text: '', itemIds: [], tag: null },
      targets: [],
      membersMayAddMissReasons: true,
    });
    const invalid = sprintTargetsSchema.safeParse({
      targets: [{ kind: 'serviceLevel', percent: 120, withinDays: 0 }],
    });
    expect(invalid.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['targets.0.percent', 'must be at most 100'],
      ['targets.0.withinDays', 'must be at least 1'],
    ]);
  });

  it('takes an iteration id only as letters, digits and hyphens', () => {
    expect(
      sprintPathSchema.safeParse({ organization: 'o', project: 'p', team: 't', iterationId: '../x' }).success,
    ).toBe(false);
  });
});
