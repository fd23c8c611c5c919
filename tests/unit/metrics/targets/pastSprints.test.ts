import { describe, expect, it } from 'vitest';
import { suggestTargets, type PastSprintFigures } from '../../../../service/src/metrics/targets/index.ts';

function sprint(itemsFinished: number, cycleTimesDays: number[], oldestAgeAtEnd: number, highestWip: number) {
  const figures: PastSprintFigures = {
    itemsFinished,
    cycleTimesDays,
    oldestAgeAtEnd,
    inProgressAtEnd: oldestAgeAtEnd > 0 ? 2 : 0,
    highestWip,
  };
  return figures;
}

describe('suggestTargets', () => {
  it('suggests from the last six sprints with how often each would have been met', () => {
    const sprints = [
      sprint(1, [1], 40, 30), // the seventh sprint back is not looked at
      sprint(10, [2, 3, 4, 9], 12, 6),
      sprint(12, [1, 2, 3, 5], 8, 5),
      sprint(8, [2, 2, 6], 20, 8),
      sprint(14, [1, 3, 3, 4], 5, 4),
      sprint(9, [2, 5], 9, 7),
      sprint(11, [3, 4, 4], 10, 6),
    ];

    const suggestions = suggestTargets(sprints);

    expect(suggestions.map(({ target, metIn, of }) => ({ target, metIn, of }))).toEqual([
      // Four of six sprints finished 10 or more.
      { target: { kind: 'itemsFinished', atLeast: 10 }, metIn: 4, of: 6 },
      // The sprints' 85th percentiles are 9, 5, 6, 4, 5, 4, so 5 days; 85% finished within 5 days in four.
      { target: { kind: 'serviceLevel', percent: 85, withinDays: 5 }, metIn: 4, of: 6 },
      { target: { kind: 'noItemOlderThan', days: 10 }, metIn: 4, of: 6 },
      { target: { kind: 'wipCeiling', atMost: 6 }, metIn: 4, of: 6 },
    ]);
    expect(suggestions[0]?.itemCount).toBe(64);
    expect(suggestions.every((suggestion) => !suggestion.tooFewToJudge)).toBe(true);
  });

  it.each([
    { case: 'no ended sprint', sprints: [], kinds: [] },
    {
      case: 'nothing finished: no service level, and counts of at least 1',
      sprints: [sprint(0, [], 0, 0), sprint(0, [], 0, 0)],
      kinds: [
        ['itemsFinished', { kind: 'itemsFinished', atLeast: 1 }, 0, true],
        ['noItemOlderThan', { kind: 'noItemOlderThan', days: 1 }, 2, true],
        ['wipCeiling', { kind: 'wipCeiling', atMost: 1 }, 2, true],
      ],
    },
    {
      case: 'one small sprint: too few to judge',
      sprints: [sprint(3, [2, 2, 4], 6, 3)],
      kinds: [
        ['itemsFinished', { kind: 'itemsFinished', atLeast: 3 }, 1, true],
        ['serviceLevel', { kind: 'serviceLevel', percent: 85, withinDays: 4 }, 1, true],
        ['noItemOlderThan', { kind: 'noItemOlderThan', days: 6 }, 1, true],
        ['wipCeiling', { kind: 'wipCeiling', atMost: 3 }, 1, true],
      ],
    },
  ])('$case', ({ sprints, kinds }) => {
    const suggestions = suggestTargets(sprints);

    expect(
      suggestions.map((suggestion) => [
        suggestion.target.kind,
        suggestion.target,
        suggestion.metIn,
        suggestion.tooFewToJudge,
      ]),
    ).toEqual(kinds);
  });
});
