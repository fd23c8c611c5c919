import { describe, expect, it } from 'vitest';
import {
  buildsWatermarkSchema,
  nextBuildsPosition,
  nextEnvironmentFloor,
  nextReleasesFrom,
  nextTimeFrom,
  reachedFloor,
  readWatermark,
  UnreadableWatermarkError,
} from '../../../../../service/src/sync/normalise/delivery/watermarks.ts';

const at = (iso: string) => Date.parse(iso);

describe('builds position', () => {
  it.each([
    {
      case: 'first run: the latest queue time listed, the builds not completed',
      previous: undefined,
      listed: ['2026-05-01T10:00:00Z', '2026-05-02T09:00:00Z'],
      latest: [
        [1, true],
        [2, false],
      ] as const,
      expected: { queuedFrom: '2026-05-02T09:00:00.000Z', pending: [2] },
    },
    {
      case: 'nothing listed: the position stays; a pending build that completed is dropped',
      previous: { queuedFrom: '2026-05-02T09:00:00.000Z', pending: [2] },
      listed: [],
      latest: [[2, true]] as const,
      expected: { queuedFrom: '2026-05-02T09:00:00.000Z', pending: [] },
    },
    {
      case: 'a pending build no longer returned (deleted) is dropped; new running ones are kept in id order',
      previous: { queuedFrom: '2026-05-02T09:00:00.000Z', pending: [2] },
      listed: ['2026-05-03T00:00:00Z'],
      latest: [
        [9, false],
        [4, false],
      ] as const,
      expected: { queuedFrom: '2026-05-03T00:00:00.000Z', pending: [4, 9] },
    },
    {
      case: 'never goes back in time',
      previous: { queuedFrom: '2026-05-02T09:00:00.000Z', pending: [] },
      listed: ['2026-05-01T00:00:00Z'],
      latest: [] as const,
      expected: { queuedFrom: '2026-05-02T09:00:00.000Z', pending: [] },
    },
    {
      case: 'an empty project has no position yet',
      previous: undefined,
      listed: [],
      latest: [] as const,
      expected: { queuedFrom: null, pending: [] },
    },
  ])('$case', ({ previous, listed, latest, expected }) => {
    const byId = new Map(latest.map(([id, final]) => [id, { final }]));
    expect(nextBuildsPosition(previous, listed.map(at), byId)).toEqual(expected);
  });
});

describe('environment floor', () => {
  it.each([
    {
      case: 'first run, all final: the newest id',
      previous: undefined,
      records: [
        [30, true],
        [29, true],
      ],
      floor: 30,
    },
    {
      case: 'the oldest record without a result',
      previous: undefined,
      records: [
        [30, false],
        [29, true],
        [27, false],
      ],
      floor: 27,
    },
    { case: 'nothing new: the floor stays', previous: 30, records: [], floor: 30 },
    {
      case: 'the running record finished: back to the newest',
      previous: 27,
      records: [
        [31, true],
        [30, true],
        [27, true],
      ],
      floor: 31,
    },
    { case: 'an empty environment', previous: undefined, records: [], floor: 0 },
  ] as const)('$case', ({ previous, records, floor }) => {
    expect(
      nextEnvironmentFloor(
        previous,
        records.map(([id, final]) => ({ id, final })),
      ),
    ).toBe(floor);
  });

  it.each([
    [undefined, [40, 39], false],
    [0, [2, 1], false],
    [30, [40, 31], false],
    [30, [35, 30], true],
    [30, [29], true],
    // Oldest first: the order this reading relies on does not hold, so it reads on.
    [30, [28, 29, 31], false],
  ] as const)('floor %s, page %j → reached %s', (floor, ids, reached) => {
    expect(reachedFloor(floor, ids)).toBe(reached);
  });
});

describe('classic deployments position', () => {
  it.each([
    {
      case: 'the latest start when every deployment ended',
      previous: undefined,
      deployments: [
        { startedAt: at('2026-05-01T00:00:00Z'), final: true },
        { startedAt: at('2026-05-03T00:00:00Z'), final: true },
      ],
      expected: '2026-05-03T00:00:00.000Z',
    },
    {
      case: 'the earliest start still running',
      previous: undefined,
      deployments: [
        { startedAt: at('2026-05-01T00:00:00Z'), final: true },
        { startedAt: at('2026-05-02T00:00:00Z'), final: false },
        { startedAt: at('2026-05-03T00:00:00Z'), final: false },
      ],
      expected: '2026-05-02T00:00:00.000Z',
    },
    {
      case: 'nothing: unchanged',
      previous: '2026-04-01T00:00:00.000Z',
      deployments: [],
      expected: '2026-04-01T00:00:00.000Z',
    },
    { case: 'nothing ever', previous: undefined, deployments: [], expected: undefined },
    {
      case: 'never started (rejected at approval) does not move it',
      previous: '2026-04-01T00:00:00.000Z',
      deployments: [{ startedAt: null, final: true }],
      expected: '2026-04-01T00:00:00.000Z',
    },
  ])('$case', ({ previous, deployments, expected }) => {
    expect(nextReleasesFrom(previous, deployments)).toBe(expected);
  });

  it('pull requests and commits: the latest time seen, never earlier', () => {
    expect(nextTimeFrom(undefined, [])).toBeUndefined();
    expect(nextTimeFrom('2026-05-01T00:00:00.000Z', [at('2026-04-01T00:00:00Z')])).toBe(
      '2026-05-01T00:00:00.000Z',
    );
    expect(nextTimeFrom('2026-05-01T00:00:00.000Z', [at('2026-05-09T01:02:03.456Z')])).toBe(
      '2026-05-09T01:02:03.456Z',
    );
  });
});

describe('readWatermark', () => {
  it('reads a stored value and nothing when there is none', () => {
    const value = JSON.stringify({ p1: { queuedFrom: '2026-05-01T00:00:00.000Z', pending: [3] } });
    expect(readWatermark('build.builds', buildsWatermarkSchema, value)).toEqual({
      p1: { queuedFrom: '2026-05-01T00:00:00.000Z', pending: [3] },
    });
    expect(readWatermark('build.builds', buildsWatermarkSchema, undefined)).toBeUndefined();
  });

  it.each(['not json', JSON.stringify({ p1: { queuedFrom: 'yesterday', pending: [] } }), '[1,2]'])(
    'refuses %s instead of starting over',
    (value) => {
      expect(() => readWatermark('build.builds', buildsWatermarkSchema, value)).toThrow(
        UnreadableWatermarkError,
      );
    },
  );
});
