import type { ProcessDef, StateDef, WorkItemTypeDef } from './types.ts';
import { COLOR, state } from './colors.ts';

const NEW = state('New', 'Proposed', COLOR.proposed);
const APPROVED = state('Approved', 'Proposed', COLOR.proposed);
const COMMITTED = state('Committed', 'InProgress', COLOR.inProgress);
const IN_PROGRESS = state('In Progress', 'InProgress', COLOR.inProgress);
const TO_DO = state('To Do', 'Proposed', COLOR.proposed);
const DONE = state('Done', 'Completed', COLOR.completed);
const REMOVED = state('Removed', 'Removed', COLOR.removed);

const removed = 'Removed from the backlog';
const portfolio = (name: string, referenceName: string, color: string, icon: string): WorkItemTypeDef => ({
  name,
  referenceName,
  color,
  icon,
  states: [NEW, IN_PROGRESS, DONE, REMOVED] as readonly StateDef[],
  reasons: {
    New: `New ${name.toLowerCase()}`,
    'In Progress': 'Implementation started',
    Done: 'Work finished',
    Removed: removed,
  },
  backwardReason: 'Additional work found',
});

const requirementReasons = {
  Approved: 'Approved by the Product Owner',
  Committed: 'Commitment made by the team',
  Done: 'Work finished',
  Removed: removed,
};

export const SCRUM: ProcessDef = {
  name: 'Scrum',
  templateTypeId: '6b724908-ef14-45cf-84f8-768b5384da45',
  parent: undefined,
  types: [
    portfolio('Epic', 'Microsoft.VSTS.WorkItemTypes.Epic', 'FF7B00', 'icon_crown'),
    portfolio('Feature', 'Microsoft.VSTS.WorkItemTypes.Feature', '773B93', 'icon_trophy'),
    {
      name: 'Product Backlog Item',
      referenceName: 'Microsoft.VSTS.WorkItemTypes.ProductBacklogItem',
      color: '009CCC',
      icon: 'icon_list',
      states: [NEW, APPROVED, COMMITTED, DONE, REMOVED],
      reasons: { New: 'New backlog item', ...requirementReasons },
      backwardReason: 'Additional work found',
    },
    {
      name: 'Bug',
      referenceName: 'Microsoft.VSTS.WorkItemTypes.Bug',
      color: 'CC293D',
      icon: 'icon_insect',
      states: [NEW, APPROVED, COMMITTED, DONE, REMOVED],
      reasons: { New: 'New defect reported', ...requirementReasons },
      backwardReason: 'Additional work found',
    },
    {
      name: 'Task',
      referenceName: 'Microsoft.VSTS.WorkItemTypes.Task',
      color: 'F2CB1D',
      icon: 'icon_clipboard',
      states: [TO_DO, IN_PROGRESS, DONE, REMOVED],
      reasons: {
        'To Do': 'New task',
        'In Progress': 'Work started',
        Done: 'Work finished',
        Removed: removed,
      },
      backwardReason: 'Work stopped',
    },
  ],
  requirement: {
    id: 'Microsoft.RequirementCategory',
    name: 'Backlog items',
    rank: 2,
    color: '009CCC',
    types: ['Product Backlog Item'],
  },
  task: { id: 'Microsoft.TaskCategory', name: 'Tasks', rank: 1, color: 'F2CB1D', types: ['Task'] },
  portfolio: [
    { id: 'Microsoft.EpicCategory', name: 'Epics', rank: 4, color: 'FF7B00', types: ['Epic'] },
    { id: 'Microsoft.FeatureCategory', name: 'Features', rank: 3, color: '773B93', types: ['Feature'] },
  ],
  bug: { id: 'Microsoft.BugCategory', name: 'Bugs', rank: 0, color: 'CC293D', types: ['Bug'] },
  effortField: { referenceName: 'Microsoft.VSTS.Scheduling.Effort', name: 'Effort' },
  defaultBugsBehavior: 'asRequirements',
  requirementColumns: [
    { name: 'New', columnType: 'incoming', state: 'New', itemLimit: 0, isSplit: false },
    { name: 'Approved', columnType: 'inProgress', state: 'Approved', itemLimit: 5, isSplit: false },
    { name: 'Committed', columnType: 'inProgress', state: 'Committed', itemLimit: 5, isSplit: false },
    { name: 'Done', columnType: 'outgoing', state: 'Done', itemLimit: 0, isSplit: false },
  ],
};
