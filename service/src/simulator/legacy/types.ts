/** The three Agile types the tiny and demo organizations generate, and the states they use. */
export const LEGACY_TYPES = ['User Story', 'Bug', 'Task'] as const;
export type LegacyType = (typeof LEGACY_TYPES)[number];
export type StateName = 'New' | 'Active' | 'Resolved' | 'Closed' | 'Removed';

/** System.Reason values the legacy generator records for each transition target. */
export const LEGACY_REASONS: Record<LegacyType, Record<StateName | 'Reactivated', string>> = {
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
export function legacyBoardColumn(type: LegacyType, state: StateName, previous: string): string {
  if (type === 'Task') return '';
  if (state === 'Removed') return previous;
  return state;
}
