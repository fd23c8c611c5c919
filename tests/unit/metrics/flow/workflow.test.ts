import { describe, expect, it } from 'vitest';
import type { ItemSpec } from './fixtures.ts';
import { flowItem, ms, workflow } from './fixtures.ts';
import {
  CATEGORY_CODE,
  NO_CATEGORY,
  UNKNOWN_CATEGORY,
  isExcludedFromFlow,
  resolveFlow,
  type WorkflowFlags,
} from '../../../../service/src/metrics/flow/workflow.ts';

const NO_FLAGS: WorkflowFlags = {
  skippedStart: false,
  reopened: false,
  backwardMove: false,
  multipleStarts: false,
  stateNotInCategory: false,
};

interface Case {
  name: string;
  spec: Omit<ItemSpec, 'id'>;
  asOf?: string;
  startedAt?: string;
  completedAt?: string;
  category: number;
  state?: string;
  startCount: number;
  flags?: Partial<WorkflowFlags>;
  unknownStates?: string[];
}

const cases: Case[] = [
  {
    name: 'straight through',
    spec: {
      history: [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-03T00:00Z', 'Resolved'],
        ['2026-03-04T00:00Z', 'Closed'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    completedAt: '2026-03-04T00:00Z',
    category: CATEGORY_CODE.Completed,
    state: 'Closed',
    startCount: 1,
  },
  {
    name: 'created straight into Active: the creation is the start',
    spec: {
      history: [
        ['2026-03-01T00:00Z', 'Active'],
        ['2026-03-04T00:00Z', 'Closed'],
      ],
    },
    startedAt: '2026-03-01T00:00Z',
    completedAt: '2026-03-04T00:00Z',
    category: CATEGORY_CODE.Completed,
    startCount: 1,
  },
  {
    name: 'skipped start',
    spec: {
      history: [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-04T00:00Z', 'Closed'],
      ],
    },
    completedAt: '2026-03-04T00:00Z',
    category: CATEGORY_CODE.Completed,
    startCount: 0,
    flags: { skippedStart: true },
  },
  {
    name: 'reopened and re-completed: final completion, reopened and backward move, two starts',
    spec: {
      history: [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-04T00:00Z', 'Closed'],
        ['2026-03-05T00:00Z', 'Active'],
        ['2026-03-07T00:00Z', 'Closed'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    completedAt: '2026-03-07T00:00Z',
    category: CATEGORY_CODE.Completed,
    startCount: 2,
    flags: { reopened: true, backwardMove: true, multipleStarts: true },
  },
  {
    name: 'as of an instant before the reopening: the first completion, no flags yet',
    asOf: '2026-03-04T12:00Z',
    spec: {
      history: [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-04T00:00Z', 'Closed'],
        ['2026-03-05T00:00Z', 'Active'],
        ['2026-03-07T00:00Z', 'Closed'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    completedAt: '2026-03-04T00:00Z',
    category: CATEGORY_CODE.Completed,
    state: 'Closed',
    startCount: 1,
  },
  {
    name: 'as of an instant while reopened: not completed',
    asOf: '2026-03-06T00:00Z',
    spec: {
      history: [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-04T00:00Z', 'Closed'],
        ['2026-03-05T00:00Z', 'Active'],
        ['2026-03-07T00:00Z', 'Closed'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    category: CATEGORY_CODE.InProgress,
    state: 'Active',
    startCount: 2,
    flags: { reopened: true, backwardMove: true, multipleStarts: true },
  },
  {
    name: 'a transition exactly at the instant counts',
    asOf: '2026-03-04T00:00Z',
    spec: {
      history: [
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-04T00:00Z', 'Closed'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    completedAt: '2026-03-04T00:00Z',
    category: CATEGORY_CODE.Completed,
    startCount: 1,
  },
  {
    name: 'before the item existed',
    asOf: '2026-02-01T00:00Z',
    spec: { history: [['2026-03-02T00:00Z', 'Active']] },
    category: NO_CATEGORY,
    state: undefined,
    startCount: 0,
  },
  {
    name: 'Resolved back to Active is a backward move but not a second start',
    spec: {
      history: [
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-03T00:00Z', 'Resolved'],
        ['2026-03-04T00:00Z', 'Active'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    category: CATEGORY_CODE.InProgress,
    startCount: 1,
    flags: { backwardMove: true },
  },
  {
    name: 'Active back to New and Active again: two starts, the first counts',
    spec: {
      history: [
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-03T00:00Z', 'New'],
        ['2026-03-05T00:00Z', 'Active'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    category: CATEGORY_CODE.InProgress,
    startCount: 2,
    flags: { backwardMove: true, multipleStarts: true },
  },
  {
    name: 'a state in no category is flagged and breaks nothing else',
    spec: {
      history: [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Limbo'],
        ['2026-03-03T00:00Z', 'Active'],
        ['2026-03-04T00:00Z', 'Closed'],
      ],
    },
    startedAt: '2026-03-03T00:00Z',
    completedAt: '2026-03-04T00:00Z',
    category: CATEGORY_CODE.Completed,
    startCount: 1,
    flags: { stateNotInCategory: true },
    unknownStates: ['Limbo'],
  },
  {
    name: 'categories are looked up with the type at each transition (Task has no Resolved)',
    spec: {
      type: 'User Story',
      typeAt: { 0: 'Task', 1: 'Task' },
      history: [
        ['2026-03-01T00:00Z', 'New'],
        ['2026-03-02T00:00Z', 'Resolved'],
        ['2026-03-03T00:00Z', 'Resolved'],
      ],
    },
    startedAt: '2026-03-03T00:00Z',
    category: CATEGORY_CODE.Resolved,
    startCount: 1,
    flags: { stateNotInCategory: true },
    unknownStates: ['Resolved'],
  },
  {
    name: 'Closed to Removed is not a reopening nor a backward move',
    spec: {
      history: [
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-03T00:00Z', 'Closed'],
        ['2026-03-04T00:00Z', 'Removed'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    category: CATEGORY_CODE.Removed,
    startCount: 1,
  },
  {
    name: 'a move between two Completed states keeps the first entry',
    spec: {
      type: 'Feature',
      history: [
        ['2026-03-02T00:00Z', 'Active'],
        ['2026-03-03T00:00Z', 'Closed'],
        ['2026-03-05T00:00Z', 'Accepted'],
      ],
    },
    startedAt: '2026-03-02T00:00Z',
    completedAt: '2026-03-03T00:00Z',
    category: CATEGORY_CODE.Completed,
    startCount: 1,
  },
];

describe('resolveFlow', () => {
  it.each(cases)('$name', (testCase) => {
    const item = flowItem({ id: 1, ...testCase.spec });
    const resolved = resolveFlow(item, workflow, testCase.asOf === undefined ? undefined : ms(testCase.asOf));
    expect(resolved.startedAt).toBe(testCase.startedAt === undefined ? undefined : ms(testCase.startedAt));
    expect(resolved.completedAt).toBe(
      testCase.completedAt === undefined ? undefined : ms(testCase.completedAt),
    );
    expect(resolved.categoryCode).toBe(testCase.category);
    if ('state' in testCase) expect(resolved.state).toBe(testCase.state);
    expect(resolved.startCount).toBe(testCase.startCount);
    expect(resolved.flags).toEqual({ ...NO_FLAGS, ...testCase.flags });
    expect(resolved.unknownStates).toEqual(testCase.unknownStates ?? []);
  });

  it('marks unknown categories with UNKNOWN_CATEGORY', () => {
    const item = flowItem({ id: 1, history: [['2026-03-01T00:00Z', 'Limbo']] });
    expect(resolveFlow(item, workflow).categoryCode).toBe(UNKNOWN_CATEGORY);
  });
});

describe('isExcludedFromFlow', () => {
  it.each([
    {
      name: 'an open item',
      history: [['2026-03-01T00:00Z', 'Active']] as const,
      deleted: false,
      excluded: false,
    },
    {
      name: 'a closed item',
      history: [['2026-03-01T00:00Z', 'Closed']] as const,
      deleted: false,
      excluded: false,
    },
    {
      name: 'a removed item',
      history: [['2026-03-01T00:00Z', 'Removed']] as const,
      deleted: false,
      excluded: true,
    },
    {
      name: 'a deleted item',
      history: [['2026-03-01T00:00Z', 'Active']] as const,
      deleted: true,
      excluded: true,
    },
  ])('$name → $excluded', ({ history, deleted, excluded }) => {
    expect(isExcludedFromFlow(flowItem({ id: 1, history, isDeleted: deleted }), workflow)).toBe(excluded);
  });
});
