import { describe, expect, it } from 'vitest';
import {
  commitsResponseSchema,
  toCommitRows,
} from '../../../../../service/src/sync/normalise/delivery/git.ts';

const CONTEXT = { project: 'P', repository: 'r', branch: 'refs/heads/main' };
const DATES = { author: { date: '2026-05-01T00:00:00Z' }, committer: { date: '2026-05-03T00:00:00Z' } };

describe('commit parents from the commits answer', () => {
  it.each([
    {
      name: 'a merge commit keeps both parents, first parent first',
      parents: ['C1', 'F9'],
      parentIds: ['c1', 'f9'],
    },
    { name: 'an ordinary commit has one parent', parents: ['c1'], parentIds: ['c1'] },
    { name: 'a root commit has none', parents: [], parentIds: [] },
    { name: 'an answer without parents leaves them unknown', parents: undefined, parentIds: undefined },
    { name: 'null parents are unknown too', parents: null, parentIds: undefined },
  ])('$name', ({ parents, parentIds }) => {
    const body = commitsResponseSchema.parse({
      value: [{ commitId: 'AA', ...DATES, ...(parents === undefined ? {} : { parents }) }],
    });
    const [row] = toCommitRows(CONTEXT, body);
    expect(row?.parentIds).toEqual(parentIds);
    expect(row !== undefined && 'parentIds' in row).toBe(parentIds !== undefined);
  });

  it('keeps author and committer times apart (a rebase moves only the committer time)', () => {
    const [row] = toCommitRows(
      CONTEXT,
      commitsResponseSchema.parse({ value: [{ commitId: 'AA', ...DATES }] }),
    );
    expect(row).toMatchObject({ authoredAt: Date.UTC(2026, 4, 1), committedAt: Date.UTC(2026, 4, 3) });
  });
});
