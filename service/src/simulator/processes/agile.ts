import type { ProcessDef, WorkItemTypeDef } from './types.ts';
import { COLOR, state } from './colors.ts';

const NEW = state('New', 'Proposed', COLOR.proposed);
const ACTIVE = state('Active', 'InProgress', COLOR.inProgress);
const RESOLVED = state('Resolved', 'Resolved', COLOR.resolved);
const CLOSED = state('Closed', 'Completed', COLOR.completed);
const REMOVED = state('Removed', 'Removed', COLOR.removed);

const removed = 'Removed from the backlog';

export const AGILE_TYPES: readonly WorkItemTypeDef[] = [
  {
    name: 'Epic',
    referenceName: 'Microsoft.VSTS.WorkItemTypes.Epic',
    color: 'FF7B00',
    icon: 'icon_crown',
    states: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
    reasons: {
      New: 'New epic',
      Active: 'Implementation started',
      Resolved: 'Features complete',
      Closed: 'Acceptance tests pass',
      Removed: removed,
    },
    backwardReason: 'Reactivated',
  },
  {
    name: 'Feature',
    referenceName: 'Microsoft.VSTS.WorkItemTypes.Feature',
    color: '773B93',
    icon: 'icon_trophy',
    states: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
    reasons: {
      New: 'New feature',
      Active: 'Implementation started',
      Resolved: 'Stories complete',
      Closed: 'Acceptance tests pass',
      Removed: removed,
    },
    backwardReason: 'Reactivated',
  },
  {
    name: 'User Story',
    referenceName: 'Microsoft.VSTS.WorkItemTypes.UserStory',
    color: '009CCC',
    icon: 'icon_book',
    states: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
    reasons: {
      New: 'New',
      Active: 'Implementation started',
      Resolved: 'Code complete and unit tests pass',
      Closed: 'Acceptance tests pass',
      Removed: removed,
    },
    backwardReason: 'Reactivated',
  },
  {
    name: 'Bug',
    referenceName: 'Microsoft.VSTS.WorkItemTypes.Bug',
    color: 'CC293D',
    icon: 'icon_insect',
    // Agile bugs have no Removed state.
    states: [NEW, ACTIVE, RESOLVED, CLOSED],
    reasons: { New: 'New', Active: 'Approved', Resolved: 'Fixed', Closed: 'Verified' },
    backwardReason: 'Reactivated',
  },
  {
    name: 'Task',
    referenceName: 'Microsoft.VSTS.WorkItemTypes.Task',
    color: 'F2CB1D',
    icon: 'icon_clipboard',
    states: [NEW, ACTIVE, CLOSED, REMOVED],
    reasons: {
      New: 'New',
      Active: 'Work started',
      Resolved: 'Work finished',
      Closed: 'Completed',
      Removed: removed,
    },
    backwardReason: 'Reactivated',
  },
];

export const AGILE: ProcessDef = {
  name: 'Agile',
  templateTypeId: 'adcc42ab-9882-485e-a3ed-7678f01f66bc',
  parent: undefined,
  types: AGILE_TYPES,
  requirement: {
    id: 'Microsoft.RequirementCategory',
    name: 'Stories',
    rank: 2,
    color: '009CCC',
    types: ['User Story'],
  },
  task: { id: 'Microsoft.TaskCategory', name: 'Tasks', rank: 1, color: 'F2CB1D', types: ['Task'] },
  portfolio: [
    { id: 'Microsoft.EpicCategory', name: 'Epics', rank: 4, color: 'FF7B00', types: ['Epic'] },
    { id: 'Microsoft.FeatureCategory', name: 'Features', rank: 3, color: '773B93', types: ['Feature'] },
  ],
  bug: { id: 'Microsoft.BugCategory', name: 'Bugs', rank: 0, color: 'CC293D', types: ['Bug'] },
  effortField: { referenceName: 'Microsoft.VSTS.Scheduling.StoryPoints', name: 'Story Points' },
  defaultBugsBehavior: 'asRequirements',
  requirementColumns: [
    { name: 'New', columnType: 'incoming', state: 'New', itemLimit: 0, isSplit: false },
    { name: 'Active', columnType: 'inProgress', state: 'Active', itemLimit: 5, isSplit: false },
    { name: 'Resolved', columnType: 'inProgress', state: 'Resolved', itemLimit: 5, isSplit: false },
    { name: 'Closed', columnType: 'outgoing', state: 'Closed', itemLimit: 0, isSplit: false },
  ],
};
