import { describe, expect, it } from 'vitest';
import type { BoardColumnRecord } from '../../../../service/src/domain/records.ts';
import {
  datedSprints,
  pickTeamBoard,
  sprintContaining,
  sprintsOverlapping,
} from '../../../../service/src/services/flow/board.ts';

function column(
  board: string,
  position: number,
  name: string,
  stateMappings: Record<string, string>,
): BoardColumnRecord {
  return {
    board,
    position,
    id: `${board}-${position}`,
    name,
    columnType: 'inProgress',
    itemLimit: 0,
    stateMappings,
  };
}

const STORIES = [
  column('Stories', 2, 'Doing', { 'User Story': 'Active', Bug: 'Active' }),
  column('Stories', 1, 'Ready', { 'User Story': 'New', Bug: 'New' }),
  column('Stories', 3, 'Review', { 'User Story': 'Active', Bug: 'Resolved' }),
  column('Stories', 4, 'Done', { 'User Story': 'Closed', Bug: 'Closed' }),
];
const FEATURES = [
  column('Features', 1, 'New', { Feature: 'New' }),
  column('Features', 2, 'Done', { Feature: 'Closed' }),
];

describe('pickTeamBoard', () => {
  it("uses the board mapping the team's types, columns in board order, states in column order", () => {
    const board = pickTeamBoard([...FEATURES, ...STORIES], ['User Story', 'bug']);
    expect(board?.name).toBe('Stories');
    expect(board?.columns).toEqual(['Ready', 'Doing', 'Review', 'Done']);
    expect(board?.layout.statesByType?.get('Bug')).toEqual(['New', 'Active', 'Resolved', 'Closed']);
    expect(board?.layout.statesByType?.get('User Story')).toEqual(['New', 'Active', 'Closed']);
    expect(pickTeamBoard([...FEATURES, ...STORIES], ['Feature'])?.name).toBe('Features');
  });

  it('uses a lone board whatever it maps, and none when several boards map nothing measured', () => {
    expect(pickTeamBoard(FEATURES, ['Bug'])?.name).toBe('Features');
    expect(pickTeamBoard([...FEATURES, ...STORIES], ['Epic'])).toBeUndefined();
    expect(pickTeamBoard([], ['Bug'])).toBeUndefined();
  });
});

describe('sprints', () => {
  const iterations = [
    { id: '2', name: 'Sprint 2', path: 'P\\Sprint 2', startDay: '2026-05-15', finishDay: '2026-05-28' },
    { id: '1', name: 'Sprint 1', path: 'P\\Sprint 1', startDay: '2026-05-01', finishDay: '2026-05-14' },
    { id: 'x', name: 'Backlog', path: 'P', startDay: null, finishDay: null },
    { id: 'y', name: 'Half', path: 'P\\Half', startDay: '2026-06-01', finishDay: null },
    { id: 'z', name: 'Bad', path: 'P\\Bad', startDay: '2026-02-30', finishDay: '2026-03-02' },
    { id: 'w', name: 'Backwards', path: 'P\\Backwards', startDay: '2026-07-10', finishDay: '2026-07-01' },
  ];

  it('keeps iterations with two real, ordered dates, in start order', () => {
    expect(datedSprints(iterations).map((sprint) => sprint.name)).toEqual(['Sprint 1', 'Sprint 2']);
  });

  it('finds the sprint containing a day (both ends inclusive) and those overlapping a range', () => {
    const sprints = datedSprints(iterations);
    expect(sprintContaining(sprints, '2026-05-14')?.name).toBe('Sprint 1');
    expect(sprintContaining(sprints, '2026-05-15')?.name).toBe('Sprint 2');
    expect(sprintContaining(sprints, '2026-05-29')).toBeUndefined();
    expect(sprintsOverlapping(sprints, '2026-05-10', '2026-05-15').map((s) => s.name)).toEqual([
      'Sprint 1',
      'Sprint 2',
    ]);
    expect(sprintsOverlapping(sprints, '2026-05-29', '2026-06-30')).toEqual([]);
  });
});
