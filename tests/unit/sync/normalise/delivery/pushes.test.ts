import { describe, expect, it } from 'vitest';
import {
  newPushes,
  nextPushPosition,
  pushesToAsk,
  type ListedPush,
  type PushPosition,
} from '../../../../../service/src/sync/normalise/delivery/pushes.ts';

const at = (iso: string) => Date.parse(iso);
const push = (pushId: number, iso: string): ListedPush => ({ pushId, date: at(iso) });

const cases: {
  name: string;
  position: PushPosition | undefined;
  listed: ListedPush[];
  read: number[];
  next: PushPosition | undefined;
}[] = [
  {
    name: 'nothing pushed: nothing read, the position stays',
    position: { pushId: 12, date: '2026-03-02T10:00:00.000Z' },
    listed: [push(12, '2026-03-02T10:00Z')],
    read: [],
    next: { pushId: 12, date: '2026-03-02T10:00:00.000Z' },
  },
  {
    name: 'fromDate is inclusive: the push at the position comes back and is left out by id',
    position: { pushId: 12, date: '2026-03-02T10:00:00.000Z' },
    listed: [push(14, '2026-03-04T09:00Z'), push(13, '2026-03-02T10:00Z'), push(12, '2026-03-02T10:00Z')],
    read: [14, 13],
    next: { pushId: 14, date: '2026-03-04T09:00:00.000Z' },
  },
  {
    name: 'a push of old commits counts by its own time and id, whatever its commits say',
    position: { pushId: 20, date: '2026-03-05T10:00:00.000Z' },
    listed: [push(21, '2026-03-09T08:00Z')],
    read: [21],
    next: { pushId: 21, date: '2026-03-09T08:00:00.000Z' },
  },
  {
    name: 'no position yet: every listed push is new; the newest becomes the position',
    position: undefined,
    listed: [push(3, '2026-03-03T10:00Z'), push(2, '2026-03-02T10:00Z')],
    read: [3, 2],
    next: { pushId: 3, date: '2026-03-03T10:00:00.000Z' },
  },
  {
    name: 'an empty branch leaves no position',
    position: undefined,
    listed: [],
    read: [],
    next: undefined,
  },
];

describe('push watermark', () => {
  it.each(cases)('$name', ({ position, listed, read, next }) => {
    const fresh = newPushes(position, listed);
    expect(fresh.map((candidate) => candidate.pushId)).toEqual(read);
    expect(nextPushPosition(position, fresh)).toEqual(next);
  });
});

describe('which new pushes have their commits asked', () => {
  const main = 'refs/heads/main';
  const moved = (pushId: number, oldObjectId: string, newObjectId: string, name = main): ListedPush => ({
    pushId,
    date: at('2026-03-04T09:00Z'),
    refUpdates: [{ name, oldObjectId, newObjectId }],
  });
  it.each<[string, ListedPush, [string, string[] | null][], boolean]>([
    ['one listed commit on the old head: nothing more to ask', moved(1, 'a1', 'b2'), [['b2', ['a1']]], false],
    ['the same, ids in another case', moved(1, 'A1', 'B2'), [['b2', ['a1']]], false],
    ['a merge as the new head (a git pull): asked', moved(2, 'a1', 'm3'), [['m3', ['a1', 'c0']]], true],
    ['a series: the head’s parent is not the old head', moved(3, 'a1', 'd4'), [['d4', ['c3']]], true],
    ['the head was not listed (its commit time is old)', moved(4, 'a1', 'e5'), [], true],
    ['parents unknown', moved(5, 'a1', 'f6'), [['f6', null]], true],
    ['no ref update for this branch', moved(6, 'a1', 'b2', 'refs/heads/release'), [['b2', ['a1']]], true],
    ['no ref updates at all', { pushId: 7, date: at('2026-03-04T09:00Z') }, [['b2', ['a1']]], true],
  ])('%s', (_name, push, listed, asked) => {
    expect(pushesToAsk([push], main, new Map(listed))).toEqual(asked ? [push] : []);
  });
});
