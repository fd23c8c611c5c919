import { describe, expect, it } from 'vitest';
import {
  classifySprintScope,
  countScope,
  type SprintScopeInput,
} from '../../../../service/src/metrics/targets/index.ts';

const base: SprintScopeInput = { baseline: [], changes: [], earlierSprints: new Map() };

describe('sprint scope against the baseline', () => {
  it.each<[string, SprintScopeInput, Record<string, number>]>([
    [
      'an empty sprint',
      base,
      { planned: 0, added: 0, carriedOver: 0, carriedOverTwice: 0, removed: 0, total: 0 },
    ],
    [
      'planned, carried over once and twice',
      {
        ...base,
        baseline: [1, 2, 3],
        earlierSprints: new Map([
          [2, 1],
          [3, 2],
        ]),
      },
      { planned: 1, added: 0, carriedOver: 1, carriedOverTwice: 1, removed: 0, total: 3 },
    ],
    [
      'added mid-sprint, then one planned item removed',
      {
        ...base,
        baseline: [1, 2],
        changes: [
          { itemId: 9, day: '2026-06-03', change: 'added' },
          { itemId: 2, day: '2026-06-04', change: 'removed' },
        ],
      },
      { planned: 2, added: 1, carriedOver: 0, carriedOverTwice: 0, removed: 1, total: 3 },
    ],
    [
      'removed and added back is not removed; changes are read in day order',
      {
        ...base,
        baseline: [1],
        changes: [
          { itemId: 1, day: '2026-06-05', change: 'added' },
          { itemId: 1, day: '2026-06-02', change: 'removed' },
        ],
      },
      { planned: 1, added: 0, carriedOver: 0, carriedOverTwice: 0, removed: 0, total: 1 },
    ],
    [
      'an added item that was in the previous sprint is carried over, not added',
      {
        ...base,
        changes: [{ itemId: 4, day: '2026-06-02', change: 'added' }],
        earlierSprints: new Map([[4, 1]]),
      },
      { planned: 0, added: 0, carriedOver: 1, carriedOverTwice: 0, removed: 0, total: 1 },
    ],
  ])('%s', (_name, input, expected) => {
    expect(countScope(classifySprintScope(input))).toEqual(expected);
  });

  it('keeps removed items listed, with the day they left', () => {
    const items = classifySprintScope({
      ...base,
      baseline: [5],
      changes: [{ itemId: 5, day: '2026-06-04', change: 'removed' }],
    });
    expect(items).toEqual([
      { itemId: 5, origin: 'planned', removed: true, addedOn: undefined, removedOn: '2026-06-04' },
    ]);
  });
});
