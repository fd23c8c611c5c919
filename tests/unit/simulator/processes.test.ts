import { describe, expect, it } from 'vitest';
import { PROCESSES, backlogTypeOrder } from '../../../service/src/simulator/processes/index.ts';
import { typeOf } from '../../../service/src/simulator/processes/types.ts';

const states = (process: keyof typeof PROCESSES, type: string): string =>
  (typeOf(PROCESSES[process], type)?.states ?? [])
    .map((state) => `${state.name}=${state.category}`)
    .join(', ');

describe('processes', () => {
  it.each([
    [
      'Agile',
      'User Story',
      'New=Proposed, Active=InProgress, Resolved=Resolved, Closed=Completed, Removed=Removed',
    ],
    ['Agile', 'Bug', 'New=Proposed, Active=InProgress, Resolved=Resolved, Closed=Completed'],
    ['Agile', 'Task', 'New=Proposed, Active=InProgress, Closed=Completed, Removed=Removed'],
    [
      'Scrum',
      'Product Backlog Item',
      'New=Proposed, Approved=Proposed, Committed=InProgress, Done=Completed, Removed=Removed',
    ],
    ['Scrum', 'Task', 'To Do=Proposed, In Progress=InProgress, Done=Completed, Removed=Removed'],
    ['Basic', 'Issue', 'To Do=Proposed, Doing=InProgress, Done=Completed'],
    ['CMMI', 'Requirement', 'Proposed=Proposed, Active=InProgress, Resolved=Resolved, Closed=Completed'],
    [
      'Seika Agile',
      'User Story',
      'New=Proposed, Active=InProgress, In Review=InProgress, Resolved=Resolved, Closed=Completed, Removed=Removed',
    ],
  ] as const)('%s %s has the shipped states and categories', (process, type, expected) => {
    expect(states(process, type)).toBe(expected);
  });

  it('maps every board column to a state of every type on the board, and lists backlog types', () => {
    for (const process of Object.values(PROCESSES)) {
      for (const column of process.requirementColumns)
        for (const type of [...process.requirement.types, ...process.bug.types])
          expect(typeOf(process, type)?.states.some((state) => state.name === column.state)).toBe(true);
      expect(backlogTypeOrder(process).every((name) => typeOf(process, name) !== undefined)).toBe(true);
    }
    expect(PROCESSES.Basic.bug.types).toEqual([]);
    expect(PROCESSES['Seika Agile'].parent).toBe('Agile');
  });
});
