import type { StateCategory } from '../../domain/workflow.ts';

/** The Agile process as Azure DevOps ships it, limited to the three types the simulator generates. */
export const WORK_ITEM_TYPES = ['User Story', 'Bug', 'Task'] as const;
export type WorkItemTypeName = (typeof WORK_ITEM_TYPES)[number];

export interface ProcessState {
  readonly name: string;
  readonly color: string;
  readonly category: StateCategory;
}

const NEW: ProcessState = { name: 'New', color: 'b2b2b2', category: 'Proposed' };
const ACTIVE: ProcessState = { name: 'Active', color: '007acc', category: 'InProgress' };
const RESOLVED: ProcessState = { name: 'Resolved', color: 'ff9d00', category: 'Resolved' };
const CLOSED: ProcessState = { name: 'Closed', color: '339933', category: 'Completed' };
const REMOVED: ProcessState = { name: 'Removed', color: 'ffffff', category: 'Removed' };

export const AGILE_STATES: Record<WorkItemTypeName, readonly ProcessState[]> = {
  'User Story': [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
  Bug: [NEW, ACTIVE, RESOLVED, CLOSED],
  Task: [NEW, ACTIVE, CLOSED, REMOVED],
};

/** Portfolio types exist in every Agile project; the simulator generates no items of them. */
export const PORTFOLIO_STATES: Record<'Feature' | 'Epic', readonly ProcessState[]> = {
  Feature: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
  Epic: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
};

/** States of any work item type of the project (case-insensitive name), or undefined for an unknown type. */
export function statesOfType(name: string): { name: string; states: readonly ProcessState[] } | undefined {
  const all: Record<string, readonly ProcessState[]> = { ...AGILE_STATES, ...PORTFOLIO_STATES };
  const match = Object.keys(all).find((type) => type.toLowerCase() === name.toLowerCase());
  const states = match === undefined ? undefined : all[match];
  return match === undefined || states === undefined ? undefined : { name: match, states };
}

export type StateName = 'New' | 'Active' | 'Resolved' | 'Closed' | 'Removed';

export function hasState(type: WorkItemTypeName, state: string): boolean {
  return AGILE_STATES[type].some((candidate) => candidate.name === state);
}

export function findWorkItemType(name: string): WorkItemTypeName | undefined {
  return WORK_ITEM_TYPES.find((type) => type.toLowerCase() === name.toLowerCase());
}

/** System.Reason values the Agile process records for each transition target. */
export const AGILE_REASONS: Record<WorkItemTypeName, Record<StateName | 'Reactivated', string>> = {
  'User Story': {
    New: 'New',
    Active: 'Implementation started',
    Resolved: 'Code complete and unit tests pass',
    Closed: 'Acceptance tests pass',
    Removed: 'Removed from the backlog',
    Reactivated: 'Reactivated',
  },
  Bug: {
    New: 'New',
    Active: 'Approved',
    Resolved: 'Fixed',
    Closed: 'Verified',
    Removed: 'Removed from the backlog',
    Reactivated: 'Reactivated',
  },
  Task: {
    New: 'New',
    Active: 'Work started',
    Resolved: 'Work finished',
    Closed: 'Completed',
    Removed: 'Removed from the backlog',
    Reactivated: 'Reactivated',
  },
};

/** Kanban column of the team's Stories board; tasks live on the task board and carry no column. */
export function boardColumnFor(
  type: WorkItemTypeName,
  state: StateName,
  previous: string | undefined,
): string | undefined {
  if (type === 'Task') return undefined;
  if (state === 'Removed') return previous;
  return state;
}

/** Backlog levels of the Agile process (names, reference names and colours as the service reports them). */
export const BACKLOG_LEVELS = {
  requirement: {
    id: 'Microsoft.RequirementCategory',
    name: 'Stories',
    rank: 2,
    color: '009CCC',
    types: ['User Story'],
  },
  task: { id: 'Microsoft.TaskCategory', name: 'Tasks', rank: 1, color: 'F2CB1D', types: ['Task'] },
  bug: { id: 'Microsoft.BugCategory', name: 'Bugs', rank: 0, color: 'CC293D', types: ['Bug'] },
  feature: {
    id: 'Microsoft.FeatureCategory',
    name: 'Features',
    rank: 3,
    color: '773B93',
    types: ['Feature'],
  },
  epic: { id: 'Microsoft.EpicCategory', name: 'Epics', rank: 4, color: 'FF7B00', types: ['Epic'] },
} as const;
