import { describe, expect, it } from 'vitest';
import {
  classifySprintScope,
  countScope,
  sprintScopeFromMembership,
  type MembershipItem,
} from '../../../../service/src/metrics/targets/index.ts';

const S3 = 'P\\Sprint 3';
const S4 = 'P\\Sprint 4';
const S5 = 'P\\Sprint 5';
/** Sprint 5 runs Monday 15 to Friday 26 June 2026 in Tokyo (UTC+9): from 14 June 15:00 UTC. */
const START = Date.parse('2026-06-14T15:00:00Z');
const END = Date.parse('2026-06-27T15:00:00Z');
const at = (iso: string) => Date.parse(iso);

function item(itemId: number, moves: [string, string][], done: [string, boolean][] = []): MembershipItem {
  return {
    itemId,
    moves: moves.map(([when, iterationPath]) => ({ at: at(when), iterationPath })),
    states: done.map(([when, isDone]) => ({ at: at(when), done: isDone })),
  };
}

function scopeOf(items: MembershipItem[], until = END) {
  const input = sprintScopeFromMembership({
    iterationPath: S5,
    start: START,
    end: END,
    until,
    earlierIterationPaths: [S4, S3],
    timeZone: 'Asia/Tokyo',
    items,
  });
  return { input, scoped: classifySprintScope(input) };
}

describe('sprintScopeFromMembership', () => {
  it.each([
    {
      case: 'planned: in the iteration before the first day',
      item: item(1, [['2026-06-10T00:00:00Z', S5]]),
      expected: { itemId: 1, origin: 'planned', removed: false, addedOn: undefined, removedOn: undefined },
    },
    {
      case: 'added: created directly in the sprint after its start (day in the team’s zone)',
      item: item(2, [['2026-06-16T16:00:00Z', S5]]),
      expected: { itemId: 2, origin: 'added', removed: false, addedOn: '2026-06-17', removedOn: undefined },
    },
    {
      case: 'removed: moved back to the backlog mid-sprint, still in scope',
      item: item(3, [
        ['2026-06-10T00:00:00Z', S5],
        ['2026-06-18T03:00:00Z', 'P'],
      ]),
      expected: { itemId: 3, origin: 'planned', removed: true, addedOn: undefined, removedOn: '2026-06-18' },
    },
    {
      case: 'moved out and back in: not removed',
      item: item(4, [
        ['2026-06-10T00:00:00Z', S5],
        ['2026-06-17T03:00:00Z', 'P'],
        ['2026-06-19T03:00:00Z', S5],
      ]),
      expected: { itemId: 4, origin: 'planned', removed: false, addedOn: undefined, removedOn: undefined },
    },
    {
      case: 'moved to a child iteration path: removed (another iteration)',
      item: item(5, [
        ['2026-06-10T00:00:00Z', S5],
        ['2026-06-22T03:00:00Z', `${S5}\\Hardening`],
      ]),
      expected: { itemId: 5, origin: 'planned', removed: true, addedOn: undefined, removedOn: '2026-06-22' },
    },
    {
      case: 'carried over: moved in from the previous sprint unfinished',
      item: item(6, [
        ['2026-06-01T00:00:00Z', S4],
        ['2026-06-13T00:00:00Z', S5],
      ]),
      expected: {
        itemId: 6,
        origin: 'carriedOver',
        removed: false,
        addedOn: undefined,
        removedOn: undefined,
      },
    },
    {
      case: 'carried over twice: from the sprint before that too',
      item: item(7, [
        ['2026-05-18T00:00:00Z', S3],
        ['2026-05-30T00:00:00Z', S4],
        ['2026-06-13T00:00:00Z', S5],
      ]),
      expected: {
        itemId: 7,
        origin: 'carriedOverTwice',
        removed: false,
        addedOn: undefined,
        removedOn: undefined,
      },
    },
    {
      case: 'carried over late (moved on day 3): carried over wins over added',
      item: item(8, [
        ['2026-06-01T00:00:00Z', S4],
        ['2026-06-17T00:00:00Z', S5],
      ]),
      expected: {
        itemId: 8,
        origin: 'carriedOver',
        removed: false,
        addedOn: '2026-06-17',
        removedOn: undefined,
      },
    },
    {
      case: 'from an older sprint, not the previous one: planned',
      item: item(9, [
        ['2026-05-18T00:00:00Z', S3],
        ['2026-06-13T00:00:00Z', S5],
      ]),
      expected: { itemId: 9, origin: 'planned', removed: false, addedOn: undefined, removedOn: undefined },
    },
  ])('$case', ({ item: given, expected }) => {
    const { scoped } = scopeOf([given]);

    expect(scoped).toEqual([expected]);
  });

  it.each([
    {
      case: 'done before the sprint started, still in its iteration',
      item: item(
        20,
        [['2026-06-10T00:00:00Z', S5]],
        [
          ['2026-06-10T00:00:00Z', false],
          ['2026-06-12T00:00:00Z', true],
        ],
      ),
    },
    {
      case: 'moved in after it was done (tidying up)',
      item: item(21, [['2026-06-16T00:00:00Z', S5]], [['2026-06-12T00:00:00Z', true]]),
    },
    { case: 'only ever in other iterations', item: item(22, [['2026-06-10T00:00:00Z', S4]]) },
    {
      case: 'left before the sprint started',
      item: item(23, [
        ['2026-06-10T00:00:00Z', S5],
        ['2026-06-12T00:00:00Z', 'P'],
      ]),
    },
    { case: 'joined after the sprint ended', item: item(24, [['2026-06-28T00:00:00Z', S5]]) },
  ])('not in scope: $case', ({ item: given }) => {
    expect(scopeOf([given]).scoped).toEqual([]);
  });

  it('a move made while the item was done does not count as a carry-over', () => {
    const { scoped } = scopeOf([
      item(
        30,
        [
          ['2026-05-18T00:00:00Z', S3],
          ['2026-05-30T00:00:00Z', S4],
          ['2026-06-13T00:00:00Z', S5],
        ],
        [
          ['2026-05-18T00:00:00Z', false],
          ['2026-05-29T00:00:00Z', true],
          ['2026-06-02T00:00:00Z', false],
        ],
      ),
    ]);

    // Finished in Sprint 3 and moved on done, then reopened in Sprint 4: carried over once, not twice.
    expect(scoped.map((scopedItem) => scopedItem.origin)).toEqual(['carriedOver']);
  });

  it('counts only changes before the day evaluated (data through the day before)', () => {
    const items = [
      item(40, [['2026-06-10T00:00:00Z', S5]]),
      item(41, [['2026-06-16T00:00:00Z', S5]]),
      item(42, [
        ['2026-06-10T00:00:00Z', S5],
        ['2026-06-19T00:00:00Z', 'P'],
      ]),
    ];

    const { scoped } = scopeOf(items, Date.parse('2026-06-17T15:00:00Z'));

    expect(countScope(scoped)).toEqual({
      planned: 2,
      added: 1,
      carriedOver: 0,
      carriedOverTwice: 0,
      removed: 0,
      total: 3,
    });
  });

  it('removed items stay in the total; each item has one origin', () => {
    const { scoped } = scopeOf([
      item(50, [['2026-06-10T00:00:00Z', S5]]),
      item(51, [['2026-06-16T00:00:00Z', S5]]),
      item(52, [
        ['2026-06-01T00:00:00Z', S4],
        ['2026-06-13T00:00:00Z', S5],
        ['2026-06-20T00:00:00Z', 'P'],
      ]),
    ]);

    expect(countScope(scoped)).toEqual({
      planned: 1,
      added: 1,
      carriedOver: 1,
      carriedOverTwice: 0,
      removed: 1,
      total: 3,
    });
  });
});
