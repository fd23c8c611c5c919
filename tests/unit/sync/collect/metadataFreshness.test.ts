import { describe, expect, it } from 'vitest';
import {
  isMetadataFresh,
  teamsFingerprint,
} from '../../../../service/src/sync/collect/workItems/metadataFreshness.ts';

const HOUR = 3_600_000;
const readAt = '2026-06-01T00:00:00.000Z';
const read = Date.parse(readAt);
const teams = teamsFingerprint(
  new Map([
    [
      'p1',
      [
        { id: 'B', name: 'b' },
        { id: 'a', name: 'a' },
      ],
    ],
  ]),
);

describe('isMetadataFresh', () => {
  it('fingerprints team ids case-insensitively and in order', () => {
    expect(teams).toEqual({ p1: 'a,b' });
  });

  it.each([
    ['never read', undefined, teams, read, false],
    ['read a minute ago, same teams', { readAt, teams }, teams, read + 60_000, true],
    ['read an hour ago', { readAt, teams }, teams, read + HOUR, false],
    ['the clock went back', { readAt, teams }, teams, read - 1, false],
    ['a team was added', { readAt, teams }, { p1: 'a,b,c' }, read + 1, false],
    ['a project was added', { readAt, teams }, { ...teams, p2: 'x' }, read + 1, false],
    ['a project went', { readAt, teams: { ...teams, p2: 'x' } }, teams, read + 1, false],
  ])('%s → %s', (_name, previous, now, at, fresh) => {
    expect(isMetadataFresh(previous, now, at, HOUR)).toBe(fresh);
  });
});
